import { describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp } from '../test/app.ts';
import { startListening } from '../test/listening-engagement.ts';
import { publishThemes } from '../test/published-themes.ts';
import { findEngagement } from '../src/features/engagements/index.ts';
import { submitPublicVoices } from '../src/features/voices/index.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const t = translator('en');
const ASKED = {
  plain: 'Ring people back within two working days when they ask for help.',
  easyRead: 'Call people back fast.',
};
const REASONS = {
  plain: 'We will set up a call-back promise and check it every month.',
  easyRead: 'We will call you back in 2 days.',
};
const ACTION = 'Publish the call-back promise on the council website';
const THEME = 'Forms that are too long';
const QUOTE = 'The forms take me a whole afternoon to fill in.';
const REVISED = {
  plain: 'We will cut the form to one page by March, and check call-backs every week.',
  easyRead: 'The form will be 1 page. We will check every week.',
};
const EVIDENCE = 'call-back figures.csv';

/**
 * An engagement whose recommendation is sent, answered and given an action, with people who
 * asked to be told by each route: set up through Heard's own pages and services, so the browser
 * journey starts where this feature does.
 */
async function answeredEngagement(heard: TestApp): Promise<{ id: string; title: string }> {
  const listening = await startListening(heard.db);
  const engagement = await findEngagement(heard.db, listening.id);
  if (engagement === undefined) throw new Error('engagement not found');
  const deps = { config: heard.config, db: heard.db, clock: heard.clock, t };
  const routes = [
    { route: 'email', detail: 'sam@people.example' },
    { route: 'post', detail: '12 Mill Lane, Northtown, NT1 2AB' },
    { route: 'advocate', detail: '' },
    { route: 'text', detail: '07700 900123' },
  ] as const;
  for (const contact of [...routes, null, null, null]) {
    await submitPublicVoices(deps, engagement, {
      perspective: 'lived_experience',
      answers: [{ promptId: listening.promptIds[0] ?? '', text: 'The forms are far too long.' }],
      consentQuote: false,
      contact,
    });
  }
  // Someone agreed to be quoted, and the advocacy lead published a theme with their words.
  const { participantId } = await submitPublicVoices(deps, engagement, {
    perspective: 'lived_experience',
    answers: [{ promptId: listening.promptIds[0] ?? '', text: QUOTE }],
    consentQuote: true,
    contact: null,
  });
  const quoted = await heard.db
    .selectFrom('voices')
    .select('id')
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow();
  await publishThemes(
    heard.db,
    listening.id,
    [
      {
        key: 'forms',
        label: THEME,
        members: [quoted.id],
        quotes: [{ voiceId: quoted.id, text: QUOTE }],
      },
    ],
    heard.clock().toISOString(),
  );
  const as = async (email: string) => {
    const browser = new Browser(heard.app);
    await browser.signIn(email, DEMO.password);
    return browser;
  };
  const base = `/engagements/${listening.id}/responses`;
  const lead = await as(DEMO.lead);
  const written = await lead.submit(`${base}/new`, `${base}/new`, {
    askedPlain: ASKED.plain,
    askedEasyRead: ASKED.easyRead,
    themes: 'forms',
    quotes: quoted.id,
  });
  const id = /responses\/([\w-]+)\?/.exec(written.headers.location ?? '')?.[1] ?? '';
  // Through the phases as the lead moves them: sent at synthesis, answered at response.
  const overview = `/engagements/${listening.id}`;
  await lead.submit(overview, `${overview}/phase`, { phase: 'synthesis' });
  await lead.submit(base, `${base}/send`, {});
  await lead.submit(overview, `${overview}/phase`, { phase: 'response' });
  const director = await as(DEMO.decisionMaker);
  await director.submit(`${base}/${id}/answer`, `${base}/${id}/answer`, {
    decision: 'adopt',
    reasonsPlain: REASONS.plain,
    reasonsEasyRead: REASONS.easyRead,
    intent: 'publish',
  });
  const officer = await heard.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DEMO.officer)
    .executeTakeFirstOrThrow();
  const added = await director.submit(`${base}/${id}/actions/new`, `${base}/${id}/actions/new`, {
    what: ACTION,
    ownerId: officer.id,
    'dueOn-day': '15',
    'dueOn-month': '1',
    'dueOn-year': '2027',
  });
  expect(added.statusCode).toBe(303);

  // Progress with a file the officer said may be public.
  const action = await heard.db
    .selectFrom('response_actions')
    .select('id')
    .where('what', '=', ACTION)
    .executeTakeFirstOrThrow();
  const updateUrl = `${base}/${id}/actions/${action.id}/update`;
  const officerBrowser = await as(DEMO.officer);
  const form = await officerBrowser.get(updateUrl);
  const body = new FormData();
  for (const [name, value] of Object.entries({
    _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
    status: 'in_progress',
    note: 'Call-backs counted for January.',
    evidencePublic: 'yes',
  }))
    body.append(name, value);
  body.append('evidenceFile', new Blob(['month,calls\nJanuary,42\n']), EVIDENCE);
  const updated = await heard.app.inject({
    method: 'POST',
    url: updateUrl,
    headers: { cookie: officerBrowser.cookieHeader() },
    body,
  });
  expect(updated.statusCode).toBe(303);

  // An advocate's challenge, upheld, and the revised answer.
  const advocate = await as(DEMO.advocate);
  const challengeUrl = `${base}/${id}/challenge`;
  await advocate.submit(challengeUrl, challengeUrl, { reasons: 'People asked for shorter forms.' });
  const challenge = await heard.db
    .selectFrom('response_challenges')
    .select('id')
    .executeTakeFirstOrThrow();
  const replyUrl = `${base}/${id}/challenges/${challenge.id}/reply`;
  await director.submit(replyUrl, replyUrl, { reply: 'You are right.', outcome: 'upheld' });
  const reviseUrl = `${base}/${id}/challenges/${challenge.id}/revise`;
  const revised = await director.submit(reviseUrl, reviseUrl, {
    intent: 'publish',
    decision: 'adapt',
    reasonsPlain: REVISED.plain,
    reasonsEasyRead: REVISED.easyRead,
  });
  expect(revised.statusCode).toBe(303);
  return { id: listening.id, title: listening.title };
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

  describe.skipIf(skipBrowserTests)(
    `"You said, we did" published, read and answered, ${js}, every page passing axe (${browserLabel})`,
    { timeout: 240_000 },
    () => {
      const heard = useHeard();

      it('the lead publishes, people read it in plain and Easy Read, and answer the follow-up', async () => {
        const engagement = await answeredEngagement(heard().heard);
        const staffPage = `/engagements/${engagement.id}/you-said-we-did`;

        const lead = await heard().newPage({ javaScriptEnabled });
        await signIn(lead, DEMO.lead);
        await expectHeading(lead, 'Hello, Lena Shah');
        await lead.goto(`/engagements/${engagement.id}/responses`);
        await lead.getByRole('link', { name: t('feedback.staff.link') }).click();
        await expectHeading(lead, t('feedback.staff.title'));
        await expectNoAxeViolations(lead);
        await lead.getByRole('button', { name: t('feedback.staff.publish') }).click();
        await lead.getByText(t('feedback.staff.done.published', { count: 4 })).waitFor();
        await expectNoAxeViolations(lead);

        // Letters to post, and the advocate's list.
        await lead.getByRole('link', { name: t('feedback.staff.lettersLink') }).click();
        await expectHeading(lead, t('feedback.letters.title'));
        await lead.getByText('12 Mill Lane').waitFor();
        await expectNoAxeViolations(lead);
        await lead.goto(`${staffPage}/tasks`);
        await expectHeading(lead, t('feedback.tasks.title'));
        await expectNoAxeViolations(lead);
        await lead
          .getByRole('button', { name: t('feedback.tasks.doneLabel', { number: 1 }) })
          .click();
        await expectHeading(lead, t('feedback.tasks.title'));
        expect(await lead.getByRole('button', { name: t('feedback.tasks.done') }).count()).toBe(0);

        // Anyone can read the page, in plain English or Easy Read.
        const reader = await heard().newPage({ javaScriptEnabled });
        await reader.goto(`/you-said-we-did/${engagement.id}`);
        await expectHeading(reader, engagement.title);
        await reader.getByText(ASKED.plain).waitFor();
        await reader.getByRole('heading', { name: THEME }).waitFor();
        expect(await reader.getByText(QUOTE).count()).toBe(2);
        // The revised answer stands; the first is kept as history.
        await reader.getByText(REVISED.plain).waitFor();
        await reader.getByText(/and the council agreed\. This is its new answer/).waitFor();
        await reader
          .getByRole('heading', { name: t('feedback.public.plain.firstAnswer') })
          .waitFor();
        await reader.getByText(REASONS.plain).waitFor();
        await reader.getByText(ACTION).waitFor();
        await reader
          .getByRole('link', { name: new RegExp(`Download the evidence: ${EVIDENCE}`) })
          .waitFor();
        await expectNoAxeViolations(reader);
        await reader.getByRole('link', { name: 'Easy Read' }).click();
        await reader.getByText(REVISED.easyRead).waitFor();
        await reader.getByText(t('feedback.decisions.easy.adapt')).first().waitFor();
        await expectNoAxeViolations(reader);

        // Later, the lead asks whether anything changed; the person answers from the email.
        await lead.goto(staffPage);
        await lead.getByRole('button', { name: t('feedback.staff.sendFollowUp') }).click();
        await lead.getByText(t('feedback.staff.done.followUp', { count: 4 })).waitFor();
        const email = await heard()
          .heard.db.selectFrom('messages')
          .select(['link', 'body'])
          .where('kind', '=', 'feedback_follow_up')
          .executeTakeFirstOrThrow();
        const answerPath = new URL(email.link ?? '').pathname;
        await reader.goto(`${answerPath}?format=plain`);
        await expectHeading(reader, t('feedback.followUp.plain.title'));
        await expectNoAxeViolations(reader);
        await reader.getByRole('button', { name: t('feedback.followUp.send') }).click();
        await reader.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await expectNoAxeViolations(reader);
        await reader.getByLabel(t('feedback.changed.plain.yes')).check();
        await reader.getByLabel(ACTION).check();
        await reader.getByLabel(t('feedback.followUp.plain.words')).fill('I got a call back.');
        await reader.getByRole('button', { name: t('feedback.followUp.send') }).click();
        await expectHeading(reader, t('feedback.followUp.thanksTitle'));
        await expectNoAxeViolations(reader);

        // The stop link in the email works.
        const stopPath = new URL(/https?:\/\/\S+\/stop-messages\/\S+/.exec(email.body)?.[0] ?? '')
          .pathname;
        await reader.goto(stopPath);
        await expectHeading(reader, t('feedback.stop.title'));
        await expectNoAxeViolations(reader);
        await reader.getByRole('button', { name: t('feedback.stop.button') }).click();
        await reader.getByRole('heading', { name: t('feedback.stop.doneTitle') }).waitFor();
        await expectNoAxeViolations(reader);

        // The lead sees the answer beside the action.
        await lead.goto(staffPage);
        await lead.getByText('I got a call back.').waitFor();
        await expectNoAxeViolations(lead);
      });
    },
  );
}
