import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Browser, DEMO } from '../test/app.ts';
import {
  LISTENING,
  type ListeningEngagement,
  startListening,
} from '../test/listening-engagement.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  scrollWidth,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const FIRST_WORDS = 'I waited three weeks for anyone to ring me back after I came home.';
const SECOND_WORDS = 'Her son said the ward should tell families the going-home date sooner.';

/** The advocate's session and two voices, recorded through the API, for the officer's journey. */
async function recordTwoVoices(
  app: FastifyInstance,
  engagement: ListeningEngagement,
): Promise<string[]> {
  const advocate = new Browser(app);
  await advocate.signIn(DEMO.advocate, DEMO.password);
  const sessions = `/api/v1/engagements/${engagement.id}/sessions`;
  const session = await advocate.json('POST', sessions, {
    kind: 'drop_in',
    heldOn: '2026-11-20',
    place: 'Eastvale Library',
    attendance: { lived_experience: 5, family_carer: 2 },
  });
  const sessionId = session.json<{ id: string }>().id;
  const voice = (fields: Record<string, unknown>) =>
    advocate.json('POST', `${sessions}/${sessionId}/voices`, {
      isSummary: 'words',
      helpGiven: ['scribe'],
      whoseView: 'own',
      consentUse: 'yes',
      consentQuote: 'yes',
      consentGivenBy: 'spoken',
      ...fields,
    });
  const first = await voice({
    promptId: engagement.promptIds[0],
    text: FIRST_WORDS,
    perspective: 'lived_experience',
    contact: { contactRoute: 'email', contactEmail: 'ann.jones@example.org' },
  });
  const second = await voice({
    promptId: engagement.promptIds[1],
    text: SECOND_WORDS,
    isSummary: 'summary',
    perspective: 'family_carer',
  });
  expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
  return [first.json<{ id: string }>().id, second.json<{ id: string }>().id];
}

describe.skipIf(skipBrowserTests)(
  `Advocates record sessions and voices; the council sees them de-identified (${browserLabel})`,
  { timeout: 240_000 },
  () => {
    const heard = useHeard();

    for (const javaScriptEnabled of [true, false]) {
      it(`an advocate records a session with two voices on behalf, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, every page passing axe`, async () => {
        const engagement = await startListening(heard().heard.db);
        const sessions = `/engagements/${engagement.id}/sessions`;
        const advocate = await heard().newPage({ javaScriptEnabled });
        await signIn(advocate, DEMO.advocate);
        await expectHeading(advocate, 'Hello, Sam Reid');

        await advocate.goto(sessions);
        await expectHeading(advocate, 'Sessions');
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('button', { name: 'Record a session' }).click();
        await expectHeading(advocate, 'Record a session');
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('button', { name: 'Save session' }).click();
        await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
        expect(await advocate.title()).toMatch(/^Error: /);
        await expectNoAxeViolations(advocate);

        await advocate.getByLabel('Drop-in').check();
        await advocate.getByLabel('Day').fill('20');
        await advocate.getByLabel('Month').fill('11');
        await advocate.getByLabel('Year').fill('2026');
        await advocate.getByLabel('Where was it held?').fill('Eastvale Library');
        await advocate.getByLabel('People who use care and support').fill('5');
        await advocate.getByLabel('Family carers and friends who care').fill('2');
        await advocate
          .getByLabel('Notes (optional)')
          .fill('Busy morning. Two people needed a quiet room.');
        await advocate.getByRole('button', { name: 'Save session' }).click();
        await expectHeading(advocate, 'Drop-in, 20 November 2026, Eastvale Library');
        await advocate.getByText('Session saved. Now add what people said.').waitFor();
        await advocate.getByText('Everyone: 7').waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('button', { name: 'Add a voice' }).click();
        await expectHeading(advocate, 'Add what someone said');
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('button', { name: 'Save voice' }).click();
        await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await advocate.getByRole('link', { name: 'Write what the person said' }).waitFor();
        await expectNoAxeViolations(advocate);

        // The first person answers in their own words and wants an email about what changed.
        await advocate.getByLabel(LISTENING.questions[0].questionPlain).check();
        await advocate.getByLabel('What they said', { exact: true }).fill(FIRST_WORDS);
        await advocate.getByLabel('Their words, as they said them').check();
        await advocate.getByLabel('Someone who uses care and support').check();
        await advocate.getByLabel('Wrote down their words').check();
        await advocate.getByLabel("The person's own view").check();
        await advocate.getByLabel('Yes, they agreed we can use what they said').check();
        await advocate.getByLabel('Yes', { exact: true }).check();
        await advocate.getByLabel('Spoken').check();
        await advocate.getByLabel('By email').check();
        await advocate.getByLabel('Their email address').fill('ann.jones@example.org');
        await advocate.getByRole('button', { name: 'Save voice' }).click();
        await advocate.getByText('Voice saved.').waitFor();
        await advocate.getByText(FIRST_WORDS).waitFor();
        await expectNoAxeViolations(advocate);

        // She agrees to the optional questions about her: asked, saved, and not shown again.
        await advocate
          .getByRole('link', {
            name: 'Ask the optional questions about this person, if they agree',
          })
          .click();
        await expectHeading(advocate, 'Questions about the person (optional)');
        await expectNoAxeViolations(advocate);
        await advocate.getByLabel('How old are you?').fill('79');
        await advocate
          .getByRole('group', { name: /health condition or illness/ })
          .getByLabel('Yes, and it limits what I can do day to day a lot')
          .check();
        await advocate.getByRole('button', { name: 'Save their answers' }).click();
        await advocate.getByText('Their answers about themselves are saved.').waitFor();
        await expectNoAxeViolations(advocate);

        // The second is a summary, with an interpreter, of what a son said for his mother.
        await advocate.getByRole('button', { name: 'Add another voice' }).click();
        await expectHeading(advocate, 'Add what someone said');
        await advocate.getByLabel(LISTENING.questions[1].questionPlain).check();
        await advocate.getByLabel('What they said', { exact: true }).fill(SECOND_WORDS);
        await advocate.getByLabel('A summary of what they said').check();
        await advocate.getByLabel('A family carer or a friend who cares').check();
        await advocate.getByLabel('Interpreted (including British Sign Language)').check();
        await advocate.getByLabel('Someone speaking for them').check();
        await advocate.getByLabel('Yes, they agreed we can use what they said').check();
        await advocate.getByLabel('No', { exact: true }).check();
        await advocate.getByLabel('In sign language').check();
        await advocate.getByLabel('No, thank you').check();
        await advocate.getByRole('button', { name: 'Save voice' }).click();
        await advocate.getByText('Voice saved.').waitFor();
        await advocate.getByText(SECOND_WORDS).waitFor();
        await advocate.getByText('This is a summary, not their exact words.').waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'View Voice 1' }).click();
        await expectHeading(advocate, 'Voice from 26 November 2026');
        await advocate.getByText('By email: ann.jones@example.org').waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'All voices' }).click();
        await expectHeading(advocate, 'Voices');
        await advocate.getByText('Voices found: 2').waitFor();
        await expectNoAxeViolations(advocate);
      });

      it(`a council officer sees de-identified voices only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, every page passing axe`, async () => {
        const engagement = await startListening(heard().heard.db);
        const voiceIds = await recordTwoVoices(heard().heard.app, engagement);
        const officer = await heard().newPage({
          javaScriptEnabled,
          viewport: { width: 320, height: 640 },
        });
        await signIn(officer, DEMO.officer);
        await expectHeading(officer, 'Hello, Owen Price');
        await officer.goto(`/engagements/${engagement.id}/voices`);
        await expectHeading(officer, 'Voices');
        await officer.getByText('Voices found: 2').waitFor();
        await officer.getByText(FIRST_WORDS).waitFor();
        await officer.getByText(SECOND_WORDS).waitFor();
        const seen = (await officer.locator('main').innerText()).toLowerCase();
        for (const hidden of [
          'recorded by',
          'sam reid',
          'eastvale library',
          'ann.jones@example.org',
        ])
          expect(seen, hidden).not.toContain(hidden);
        expect(await officer.getByRole('link', { name: /^View/ }).count()).toBe(0);
        expect(await scrollWidth(officer), 'voices page width').toBeLessThanOrEqual(320);
        await expectNoAxeViolations(officer);

        await officer
          .getByLabel('Answering as')
          .selectOption({ label: 'A family carer or a friend who cares' });
        await officer.getByRole('button', { name: 'Filter voices' }).click();
        await officer.getByText('Voices found: 1').waitFor();
        expect(await officer.getByText(FIRST_WORDS).count()).toBe(0);
        await officer.getByText(SECOND_WORDS).waitFor();
        await expectNoAxeViolations(officer);

        const refused = await officer.goto(
          `/engagements/${engagement.id}/voices/${voiceIds[0] ?? ''}`,
        );
        expect(refused?.status()).toBe(403);
        await expectHeading(officer, 'You cannot see this page');
        await expectNoAxeViolations(officer);
      });
    }

    it('an advocate withdraws what a person said at their request, JavaScript off, every page passing axe', async () => {
      const engagement = await startListening(heard().heard.db);
      const [voiceId = ''] = await recordTwoVoices(heard().heard.app, engagement);
      const advocate = await heard().newPage({ javaScriptEnabled: false });
      await signIn(advocate, DEMO.advocate);
      await advocate.goto(`/engagements/${engagement.id}/voices/${voiceId}`);
      await advocate.getByRole('heading', { name: 'If the person asks' }).waitFor();
      await expectNoAxeViolations(advocate);

      await advocate.getByRole('link', { name: 'Withdraw everything this person said' }).click();
      await expectHeading(advocate, 'Withdraw everything this person said');
      await expectNoAxeViolations(advocate);
      await advocate.getByRole('button', { name: 'Withdraw everything they said' }).click();
      await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(advocate);
      await advocate.getByLabel('In writing, by email or by text').check();
      await advocate.getByRole('button', { name: 'Withdraw everything they said' }).click();
      await advocate.getByText('The person withdrew this voice on').waitFor();
      expect(await advocate.getByText(FIRST_WORDS).count()).toBe(0);
      await expectNoAxeViolations(advocate);
    });
  },
);
