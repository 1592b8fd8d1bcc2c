import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { publishThemes } from '../../../test/published-themes.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { sendDueMessages } from '../../platform/mail/mail-sender.ts';
import { DEFAULT_TIMEOUTS, createMailTransport } from '../../platform/mail/mail-transport.ts';
import { type TestSmtpServer, startTestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { type Perspective, findEngagement } from '../engagements/index.ts';
import { type Contact, submitPublicVoices } from '../voices/index.ts';
import { noticeToken } from './telling-people.tokens.ts';

const t = translator('en');

const WORDS = {
  quoted: 'I want someone to ring me back when I ask for help, not three weeks later.',
  askedPlain: 'Ring people back within two working days when they ask for help.',
  askedEasyRead: 'Call people back fast.',
  reasonsPlain: 'We will set up a call-back promise and check it every month.',
  reasonsEasyRead: 'We will call you back in 2 days.',
  action: 'Publish the call-back promise on the council website',
  done: 'The promise is on the website.',
  answer: 'I got a call back the next day this time.',
  email: 'sam@people.example',
  stopper: 'stop.me@people.example',
  phone: '07700 900123',
  address: '12 Mill Lane, Northtown, NT1 2AB',
} as const;

describe.each(testDatabases)('"You said, we did" and telling people on $label', (database) => {
  let heard: TestApp;
  let smtp: TestSmtpServer;
  let transport: Transporter;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;
  const { browsers, as } = signedInBrowsers();
  const people: Record<string, string> = {};
  let recommendationId = '';
  let actionId = '';
  const deps = (): Deps => ({ config: heard.config, db: heard.db, clock: heard.clock, t });
  const responsesUrl = () => `/engagements/${listening.id}/responses`;
  const tellingUrl = () => `/engagements/${listening.id}/you-said-we-did`;
  const publicUrl = () => `/you-said-we-did/${listening.id}`;

  const say = async (
    perspective: Perspective,
    contact: Contact | null,
    text = 'The forms are too long.',
    consentQuote = false,
  ): Promise<string> => {
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const { participantId } = await submitPublicVoices(deps(), engagement, {
      perspective,
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote,
      contact,
    });
    return participantId;
  };
  const notices = (where: { kind?: string; participantId?: string } = {}) => {
    let query = heard.db
      .selectFrom('feedback_notices')
      .selectAll()
      .where('engagement_id', '=', listening.id);
    if (where.kind !== undefined) query = query.where('kind', '=', where.kind);
    if (where.participantId !== undefined)
      query = query.where('participant_id', '=', where.participantId);
    return query.orderBy('route').execute();
  };
  const messages = (kind: string) =>
    heard.db.selectFrom('messages').selectAll().where('kind', '=', kind).execute();
  /** The lead moves the engagement on a phase, as from its overview page. */
  const moveTo = async (phase: string) => {
    const overview = `/engagements/${listening.id}`;
    const moved = await as('lead').submit(overview, `${overview}/phase`, { phase });
    expect(moved.statusCode, phase).toBe(303);
  };
  const tokenOf = async (who: string, kind: string) => {
    const [notice] = await notices({ kind, participantId: people[who] ?? '' });
    if (notice === undefined) throw new Error(`no ${kind} notice for ${who}`);
    return noticeToken(heard.config.sessionSecret, notice.id);
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    smtp = await startTestSmtpServer();
    transport = createMailTransport(smtp.url, DEFAULT_TIMEOUTS);
    listening = await startListening(heard.db);
    // Six people who use care and support (shown); two family carers and two professionals
    // (four in small groups together: hidden, and with them the total).
    people.quoted = await say('lived_experience', null, WORDS.quoted, true);
    for (let i = 0; i < 4; i += 1) await say('lived_experience', null);
    people.advocate = await say('lived_experience', { route: 'advocate', detail: '' });
    people.email = await say('family_carer', { route: 'email', detail: WORDS.email });
    people.stopper = await say('family_carer', { route: 'email', detail: WORDS.stopper });
    people.text = await say('professional', { route: 'text', detail: WORDS.phone });
    people.post = await say('professional', { route: 'post', detail: WORDS.address });
    for (const who of ['lead', 'advocate', 'decisionMaker', 'officer'] as const) {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(DEMO[who], DEMO.password)).statusCode).toBe(303);
      browsers[who] = browser;
    }
    browsers.public = new Browser(heard.app);

    const quote = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('participant_id', '=', people.quoted)
      .executeTakeFirstOrThrow();
    const written = await as('lead').submit(`${responsesUrl()}/new`, `${responsesUrl()}/new`, {
      askedPlain: WORDS.askedPlain,
      askedEasyRead: WORDS.askedEasyRead,
      quotes: quote.id,
    });
    expect(written.statusCode).toBe(303);
    recommendationId = /responses\/([\w-]+)\?/.exec(written.headers.location ?? '')?.[1] ?? '';
    await moveTo('synthesis');
    expect((await as('lead').submit(responsesUrl(), `${responsesUrl()}/send`, {})).statusCode).toBe(
      303,
    );
  });
  afterAll(async () => {
    if (skip) return;
    transport.close();
    await smtp.close();
    await heard.close();
  });

  it.skipIf(skip)(
    'keeps the page private until there is an answer and a lead publishes it',
    async () => {
      expect((await as('public').get(publicUrl())).statusCode).toBe(404);
      // At synthesis the page cannot be published, and the council cannot answer yet.
      const early = await as('lead').submit(tellingUrl(), `${tellingUrl()}/publish`, {});
      expect(early.statusCode).toBe(409);
      expect(visibleText(early.body)).toContain(t('responses.errors.phase.publish'));
      await moveTo('response');
      const unanswered = await as('lead').submit(tellingUrl(), `${tellingUrl()}/publish`, {});
      expect(unanswered.statusCode).toBe(409);
      expect(visibleText(unanswered.body)).toContain(t('feedback.errors.nothingAnswered'));

      const answerUrl = `${responsesUrl()}/${recommendationId}/answer`;
      const answered = await as('decisionMaker').submit(answerUrl, answerUrl, {
        decision: 'adopt',
        reasonsPlain: WORDS.reasonsPlain,
        reasonsEasyRead: WORDS.reasonsEasyRead,
        intent: 'publish',
      });
      expect(answered.statusCode).toBe(303);
      const actionUrl = `${responsesUrl()}/${recommendationId}/actions/new`;
      const officer = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.officer)
        .executeTakeFirstOrThrow();
      const added = await as('decisionMaker').submit(actionUrl, actionUrl, {
        what: WORDS.action,
        ownerId: officer.id,
        'dueOn-day': '15',
        'dueOn-month': '1',
        'dueOn-year': '2027',
      });
      expect(added.statusCode).toBe(303);
      actionId = (
        await heard.db.selectFrom('response_actions').select('id').executeTakeFirstOrThrow()
      ).id;

      for (const who of ['advocate', 'decisionMaker', 'officer']) {
        const refused = await as(who).submit('/home', `${tellingUrl()}/publish`, {});
        expect(refused.statusCode, who).toBe(403);
      }
      expect((await as('public').get(publicUrl())).statusCode).toBe(404);
      expect(await notices()).toHaveLength(0);
    },
  );

  it.skipIf(skip)('tells each person once, by their route, when the lead publishes', async () => {
    const published = await as('lead').submit(tellingUrl(), `${tellingUrl()}/publish`, {});
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain('count=5');
    const told = await notices({ kind: 'published' });
    expect(told.map((n) => [n.route, n.state])).toEqual([
      ['advocate', 'waiting'],
      ['email', 'queued'],
      ['email', 'queued'],
      ['post', 'waiting'],
      ['text', 'waiting'],
    ]);
    const emails = await messages('feedback_published');
    expect(emails.map((m) => m.recipient_address).sort()).toEqual([WORDS.email, WORDS.stopper]);
    for (const email of emails) {
      expect(email.link).toBe(`${heard.config.publicUrl}${publicUrl()}`);
      expect(email.body).toMatch(/\/stop-messages\/[\w-]+\.[\w-]+/);
      // Nobody's words in an email.
      expect(email.body).not.toContain(WORDS.quoted);
      expect(email.body).not.toContain(WORDS.askedPlain);
    }

    const again = await as('lead').submit(tellingUrl(), `${tellingUrl()}/publish`, {});
    expect(again.headers.location).toContain('count=0');
    expect(await notices()).toHaveLength(5);
    expect(await messages('feedback_published')).toHaveLength(2);
  });

  it.skipIf(skip)(
    'shows the public page in plain English and Easy Read, small counts hidden',
    async () => {
      const plain = visibleText((await as('public').get(publicUrl())).body);
      for (const words of [WORDS.askedPlain, WORDS.reasonsPlain, WORDS.action, WORDS.quoted])
        expect(plain).toContain(words);
      expect(plain).toContain(t('feedback.decisions.plain.adopt'));
      expect(plain).toContain(
        t('feedback.public.perspective', {
          perspective: t('engagements.audiences.lived_experience'),
          count: 6,
        }),
      );
      expect(plain).toContain(t('feedback.public.totalHidden'));
      expect(plain).toContain(t('feedback.public.smallGroupsHidden', { groups: 2 }));
      expect(plain).not.toContain(t('engagements.audiences.family_carer'));
      expect(plain).not.toContain(t('feedback.public.total', { count: 10 }));
      // No contact detail, ever.
      for (const detail of [WORDS.email, WORDS.phone, WORDS.address])
        expect(plain).not.toContain(detail);

      const easy = visibleText((await as('public').get(`${publicUrl()}?format=easy-read`)).body);
      expect(easy).toContain(WORDS.askedEasyRead);
      expect(easy).toContain(WORDS.reasonsEasyRead);
      expect(easy).toContain(t('feedback.decisions.easy.adopt'));
      expect(easy).not.toContain(WORDS.reasonsPlain);
    },
  );

  it.skipIf(skip)(
    'sends a real email whose stop link works, and later notices skip that person',
    async () => {
      const report = await sendDueMessages({
        db: heard.db,
        transport,
        from: 'Heard <no-reply@heard.example>',
        clock: heard.clock,
      });
      // With the decision maker's notice of the recommendations, sent earlier in the outbox.
      expect(report.sent).toBe(3);
      expect((await messages('feedback_published')).map((m) => m.state)).toEqual(['sent', 'sent']);
      const mail = smtp.received.find((m) => m.to.includes(WORDS.stopper));
      expect(mail?.subject).toBe(t('feedback.email.published.subject'));
      const stopLink = /https?:\/\/\S+\/stop-messages\/\S+/.exec(mail?.text ?? '')?.[0];
      const pageLink = mail?.text.includes(`${heard.config.publicUrl}${publicUrl()}`);
      expect(pageLink).toBe(true);
      const stopPath = new URL(stopLink ?? 'http://x/').pathname;
      expect(stopPath).toBe(`/stop-messages/${await tokenOf('stopper', 'published')}`);

      expect((await as('public').get('/stop-messages/not-a-token')).statusCode).toBe(404);
      const forged = stopPath.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await as('public').get(forged)).statusCode).toBe(404);
      const stopped = await as('public').submit(stopPath, stopPath, {});
      expect(stopped.statusCode).toBe(303);
      expect(visibleText((await as('public').get(stopPath)).body)).toContain(
        t('feedback.stop.doneTitle'),
      );
      expect(await heard.db.selectFrom('feedback_stops').selectAll().execute()).toHaveLength(1);

      // The email notices are now shown as sent.
      await as('lead').get(tellingUrl());
      const sent = (await notices({ kind: 'published' })).filter((n) => n.route === 'email');
      expect(sent.map((n) => n.state)).toEqual(['sent', 'sent']);
      expect(sent.every((n) => n.sent_at !== null)).toBe(true);

      heard.advanceMinutes(5);
      const updateUrl = `${responsesUrl()}/${recommendationId}/actions/${actionId}/update`;
      const done = await as('officer').submit(updateUrl, updateUrl, {
        status: 'done',
        note: WORDS.done,
      });
      expect(done.statusCode).toBe(303);
      const actionDone = await notices({ kind: 'action_done' });
      expect(actionDone.map((n) => n.route)).toEqual(['advocate', 'email', 'post', 'text']);
      expect(actionDone.some((n) => n.participant_id === people.stopper)).toBe(false);
      // Marking it done again tells nobody twice.
      await as('officer').submit(updateUrl, updateUrl, { status: 'done', note: WORDS.done });
      await as('lead').get(tellingUrl());
      expect(await notices({ kind: 'action_done' })).toHaveLength(4);
      expect(await messages('feedback_action_done')).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    'asks "Did anything change for you?" and keeps the answers beside the actions',
    async () => {
      expect(
        (await as('advocate').submit('/home', `${tellingUrl()}/follow-up`, {})).statusCode,
      ).toBe(403);
      const sent = await as('lead').submit(tellingUrl(), `${tellingUrl()}/follow-up`, {});
      expect(sent.headers.location).toContain('count=4');
      const [email] = await messages('feedback_follow_up');
      expect(email?.recipient_address).toBe(WORDS.email);
      const token = await tokenOf('email', 'follow_up');
      expect(email?.link).toBe(`${heard.config.publicUrl}/did-anything-change/${token}`);

      // A link from a notice that asked nothing opens no question.
      const published = await tokenOf('email', 'published');
      expect((await as('public').get(`/did-anything-change/${published}`)).statusCode).toBe(404);

      const url = `/did-anything-change/${token}`;
      const form = visibleText((await as('public').get(url)).body);
      expect(form).toContain(WORDS.action);
      const missing = await as('public').submit(url, url, { words: WORDS.answer });
      expect(missing.statusCode).toBe(400);
      expect(visibleText(missing.body)).toContain(t('feedback.errors.changedRequired'));
      expect(missing.body).toContain(WORDS.answer);
      const answered = await as('public').submit(url, url, {
        changed: 'yes',
        actionId,
        words: WORDS.answer,
      });
      expect(answered.statusCode).toBe(303);
      expect(visibleText((await as('public').get(url)).body)).toContain(
        t('feedback.followUp.thanksTitle'),
      );
      // The first answer stands.
      await as('public').post(url, { changed: 'no', _csrf: '' });
      const kept = await heard.db.selectFrom('feedback_answers').selectAll().execute();
      expect(kept.map((a) => [a.changed, a.action_id, a.share_words])).toEqual([
        ['yes', actionId, 0],
      ]);

      const lead = visibleText((await as('lead').get(tellingUrl())).body);
      expect(lead).toContain(t('feedback.staff.answersAbout', { what: WORDS.action }));
      expect(lead).toContain(WORDS.answer);
      const council = visibleText((await as('decisionMaker').get(tellingUrl())).body);
      expect(council).toContain(t('feedback.staff.answersAbout', { what: WORDS.action }));
      expect(council).toContain(t('feedback.staff.fewerThanFive'));
      expect(council).not.toContain(WORDS.answer);
      for (const detail of [WORDS.email, WORDS.phone, WORDS.address])
        expect(council).not.toContain(detail);
    },
  );

  it.skipIf(skip)('prints letters for the post and lists people for their advocate', async () => {
    expect((await as('decisionMaker').get(`${tellingUrl()}/letters`)).statusCode).toBe(403);
    // The person asked by post on the plain pages: their three letters are in plain English.
    const letters = await as('lead').get(`${tellingUrl()}/letters`);
    const text = visibleText(letters.body);
    expect(text).toContain('12 Mill Lane');
    expect(text).toContain(t('feedback.letters.plain.answerAt'));
    expect(text).toContain(t('feedback.letters.easyReadCount', { count: 0 }));
    expect(letters.body.match(/class="heard-letter"/g)).toHaveLength(3);
    expect(letters.body).not.toContain('heard-easy-read');
    const ids = (await notices()).filter((n) => n.route === 'post').map((n) => n.id);
    const posted = await as('lead').submit(
      `${tellingUrl()}/letters`,
      `${tellingUrl()}/letters/posted`,
      { notices: ids },
    );
    expect(posted.headers.location).toContain('count=3');
    const after = (await notices()).filter((n) => n.route === 'post');
    expect(after.every((n) => n.state === 'sent' && n.sent_at !== null)).toBe(true);

    const tasks = visibleText((await as('advocate').get(`${tellingUrl()}/tasks`)).body);
    expect(tasks).toContain(t('feedback.kinds.published'));
    const [task] = (await notices({ participantId: people.advocate })).filter(
      (n) => n.state === 'waiting',
    );
    const done = await as('advocate').submit(
      `${tellingUrl()}/tasks`,
      `${tellingUrl()}/notices/${task?.id ?? ''}/done`,
      { route: 'advocate' },
    );
    expect(done.statusCode).toBe(303);
    const marked = await notices({ participantId: people.advocate });
    expect(marked.filter((n) => n.state === 'done')).toHaveLength(1);
    expect(marked.find((n) => n.id === task?.id)?.done_by_id).not.toBeNull();
  });

  it.skipIf(skip)(
    'shows staff the texts waiting for a provider and the emails that did not arrive',
    async () => {
      const [message] = await messages('feedback_action_done');
      await heard.db
        .updateTable('messages')
        .set({ state: 'given_up', attempts: 1, last_error: 'EENVELOPE 550 at RCPT: unknown user' })
        .where('id', '=', message?.id ?? '')
        .execute();
      const page = visibleText((await as('lead').get(tellingUrl())).body);
      expect(page).toContain(t('feedback.staff.textsWaiting'));
      expect(page).toContain(WORDS.phone);
      expect(page).toContain(t('feedback.messageStates.given_up'));
      expect(page).toContain('550 at RCPT: unknown user');
      const council = visibleText((await as('decisionMaker').get(tellingUrl())).body);
      expect(council).not.toContain(WORDS.phone);
      expect(council).not.toContain(t('feedback.staff.undeliveredHeading'));

      // Someone who stops messages drops off the list of texts still to send.
      const stopPath = `/stop-messages/${await tokenOf('text', 'published')}`;
      expect((await as('public').submit(stopPath, stopPath, {})).statusCode).toBe(303);
      expect(visibleText((await as('lead').get(tellingUrl())).body)).not.toContain(WORDS.phone);
    },
  );

  it.skipIf(skip)(
    'tells only the people its themes came from when an action under a recommendation made from themes is done',
    async () => {
      const voiceOf = async (who: string) =>
        (
          await heard.db
            .selectFrom('voices')
            .select('id')
            .where('participant_id', '=', people[who] ?? '')
            .executeTakeFirstOrThrow()
        ).id;
      await publishThemes(
        heard.db,
        listening.id,
        [
          {
            key: 'forms',
            label: 'Forms that are too long',
            members: [await voiceOf('email'), await voiceOf('post')],
            quotes: [],
          },
        ],
        heard.clock().toISOString(),
      );
      const newUrl = `${responsesUrl()}/new`;
      const written = await as('lead').submit(newUrl, newUrl, {
        askedPlain: 'Make the forms one page long.',
        askedEasyRead: 'Make forms short.',
        themes: 'forms',
      });
      expect(written.statusCode).toBe(303);
      const id = /responses\/([\w-]+)\?/.exec(written.headers.location ?? '')?.[1] ?? '';
      expect(
        (await as('lead').submit(responsesUrl(), `${responsesUrl()}/send`, {})).statusCode,
      ).toBe(303);
      const answerUrl = `${responsesUrl()}/${id}/answer`;
      const answered = await as('decisionMaker').submit(answerUrl, answerUrl, {
        decision: 'adopt',
        reasonsPlain: 'We will cut the form to one page by spring.',
        reasonsEasyRead: 'We will make the form short.',
        intent: 'publish',
      });
      expect(answered.statusCode).toBe(303);
      const officer = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.officer)
        .executeTakeFirstOrThrow();
      const actionUrl = `${responsesUrl()}/${id}/actions/new`;
      const added = await as('decisionMaker').submit(actionUrl, actionUrl, {
        what: 'Cut the form to one page',
        ownerId: officer.id,
        'dueOn-day': '1',
        'dueOn-month': '3',
        'dueOn-year': '2027',
      });
      expect(added.statusCode).toBe(303);
      const action = await heard.db
        .selectFrom('response_actions')
        .select('id')
        .where('what', '=', 'Cut the form to one page')
        .executeTakeFirstOrThrow();

      const before = new Set((await notices({ kind: 'action_done' })).map((n) => n.id));
      const updateUrl = `${responsesUrl()}/${id}/actions/${action.id}/update`;
      const done = await as('officer').submit(updateUrl, updateUrl, {
        status: 'done',
        note: 'The form is one page now.',
      });
      expect(done.statusCode).toBe(303);
      const told = (await notices({ kind: 'action_done' })).filter((n) => !before.has(n.id));
      expect(told.map((n) => n.participant_id).sort()).toEqual(
        [people.email ?? '', people.post ?? ''].sort(),
      );
    },
  );
});
