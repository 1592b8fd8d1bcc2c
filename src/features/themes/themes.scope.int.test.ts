import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import {
  LISTENING,
  type ListeningEngagement,
  startListening,
} from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import {
  type TestProviderServer,
  startTestProviderServer,
} from '../../platform/provider/provider-test-server.ts';
import { type Engagement, type Perspective, findEngagement } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';
import { codingsOf } from './themes.codings.ts';
import { draftFinished } from './themes.drafting.ts';
import { latestPublication } from './themes.publication.ts';
import { type ThemeSnapshot, latestThemeSnapshot, themeEditsOf } from './themes.repository.ts';
import { providerOf } from './themes.snapshot.ts';

// Two questions, three things people said about each, six ways each: enough for a draft of
// each question to find themes of its own.
const ANSWERS = [
  [
    [
      'The transport home from hospital was late',
      'I waited hours for the hospital transport',
      'Nobody booked the transport home so my daughter drove',
      'The ambulance transport home never came on time',
      'Transport from the ward took all afternoon to arrive',
      'We waited for hospital transport until the evening',
    ],
    [
      'There was no food in the house when I got home',
      'Nobody checked I had food or could cook',
      'I came home to an empty fridge and no shopping',
      'A neighbour brought food because nobody else did',
      'I could not get to the shops for food for a week',
      'Meals were not arranged after I left the ward',
    ],
    [
      'The carers did not start until a week after I got home',
      'My care package was not ready when I was discharged',
      'The home carers visited at different times every day',
      'Carers were not told I had come home from hospital',
      'Nobody from the care agency came for the first days',
      'My carers did not know about my new medication',
    ],
  ],
  [
    [
      'The medicines were not explained before I left',
      'I was given new tablets and nobody said what for',
      'My medication changed and my GP was not told',
      'The pharmacy had no record of my new medicines',
      'I did not understand the instructions for my tablets',
      'Nobody told me which medicines to stop taking',
    ],
    [
      'The nurses on the ward were kind and patient',
      'Staff on the ward listened to my family',
      'The ward nurses explained everything to my husband',
      'The physiotherapist on the ward was brilliant',
      'Kind staff made the ward feel less frightening',
      'The nurses took time to listen to my worries',
    ],
    [
      'Adaptations at home were not fitted before I came back',
      'The grab rails were fitted a month late',
      'I needed a hospital bed at home and it came late',
      'My stairlift was not working when I got home',
      'Equipment for the bathroom arrived weeks later',
      'The occupational therapist visited home after I fell',
    ],
  ],
] as const;
const PERSPECTIVES: Perspective[] = ['lived_experience', 'family_carer', 'professional'];
const ADDED = 'Getting the right help at the door';

describe.each(testDatabases)('themes for one question on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let engagement: Engagement;
  let server: TestProviderServer;
  /**
   * Voice ids and texts by question, in the order of ANSWERS: those that may go in (the triage
   * rules flag some of these words as safeguarding matters, which never go in).
   */
  const voicesOf: { id: string; text: string }[][] = [[], []];
  const skip = database.skipReason !== undefined;
  const question = (index: number): string => listening.promptIds[index] ?? '';
  const themesUrl = (promptId?: string) =>
    `/engagements/${listening.id}/themes${promptId === undefined ? '' : `?scope=${promptId}`}`;
  const inScope = (path: string, promptId: string) =>
    `/engagements/${listening.id}/themes/${path}?scope=${promptId}`;
  const deps = (): Deps => ({
    config: heard.config,
    db: heard.db,
    clock: heard.clock,
    t: translator('en'),
  });
  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };
  const page = async (browser: Browser, url: string): Promise<string> => {
    const response = await browser.get(url);
    expect(response.statusCode).toBe(200);
    return visibleText(response.body);
  };

  /** The lead drafts the scope's themes from its page; the draft is left to finish. */
  const draft = async (promptId?: string): Promise<ThemeSnapshot> => {
    const lead = await signedIn(DEMO.lead);
    const action = promptId === undefined ? `${themesUrl()}/draft` : inScope('draft', promptId);
    const started = await lead.submit(themesUrl(promptId), action, {});
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(themesUrl(promptId));
    await draftFinished(listening.id);
    return newest(promptId ?? null);
  };
  const newest = async (promptId: string | null): Promise<ThemeSnapshot> => {
    const snapshot = await latestThemeSnapshot(heard.db, listening.id, promptId);
    if (snapshot === undefined) throw new Error('no snapshot saved');
    return snapshot;
  };
  const themed = (snapshot: ThemeSnapshot) =>
    new Set(snapshot.assignments.map((assignment) => assignment.voiceId));

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    server = await startTestProviderServer();
    listening = await startListening(heard.db);
    const found = await findEngagement(heard.db, listening.id);
    if (found === undefined) throw new Error('engagement not found');
    engagement = found;
    let n = 0;
    for (const [index, topics] of ANSWERS.entries()) {
      for (const text of topics.flat()) {
        const { participantId } = await submitPublicVoices(deps(), engagement, {
          perspective: PERSPECTIVES[n++ % 3] ?? 'lived_experience',
          answers: [{ promptId: question(index), text }],
          consentQuote: true,
          contact: null,
        });
        const voice = await heard.db
          .selectFrom('voices')
          .select(['id', 'triage_state'])
          .where('participant_id', '=', participantId)
          .executeTakeFirstOrThrow();
        if (!voice.triage_state.startsWith('safeguarding_'))
          voicesOf[index]?.push({ id: voice.id, text });
      }
    }
  }, 60_000);

  afterAll(async () => {
    if (skip) return;
    await server.close();
    await heard.close();
  });

  it.skipIf(skip)(
    "a draft for one question themes only that question's voices, and the page shows each scope and where it stands",
    async () => {
      const first = await draft(question(0));
      expect(first.promptId).toBe(question(0));
      expect(first.themes.length).toBeGreaterThan(1);
      expect([...themed(first)].sort()).toEqual(voicesOf[0]?.map((voice) => voice.id).sort());
      // Nothing drafted for the whole engagement yet.
      expect(await latestThemeSnapshot(heard.db, listening.id)).toBeUndefined();

      const lead = await signedIn(DEMO.lead);
      const one = await page(lead, themesUrl(question(0)));
      expect(one).toContain(`Showing themes for: ${LISTENING.questions[0].questionPlain}`);
      expect(one).toContain(`Draft ${first.version}, made on`);
      expect(one).toContain('Draft themes for this question');
      expect(one).not.toContain(ANSWERS[1][0][0]);
      const whole = await page(lead, themesUrl());
      expect(whole).toContain('Showing themes for: The whole engagement');
      expect(whole).toContain('There are no themes yet.');
      expect(whole).toContain('No draft yet');
      expect(whole).toContain(`Draft ${first.version}, not reviewed; Not published`);
    },
  );

  it.skipIf(skip)(
    'the whole engagement and each question keep their own drafts: keys and names never cross',
    async () => {
      const questionBefore = await newest(question(0));
      const whole = await draft();
      expect(whole.promptId).toBeNull();
      const everyVoice = voicesOf.flat().map((voice) => voice.id);
      expect([...themed(whole)].sort()).toEqual(everyVoice.sort());
      const questionKeys = new Set(questionBefore.themes.map((theme) => theme.key));
      expect(whole.themes.some((theme) => questionKeys.has(theme.key))).toBe(false);

      // Drafting the question again carries its own keys forward, never the engagement's.
      const again = await draft(question(0));
      expect(again.version).toBe(whole.version + 1);
      expect(again.themes.some((theme) => questionKeys.has(theme.key))).toBe(true);
      const wholeKeys = new Set(whole.themes.map((theme) => theme.key));
      expect(again.themes.some((theme) => wholeKeys.has(theme.key))).toBe(false);
    },
  );

  it.skipIf(skip)(
    "a theme added and a voice coded in one question's themes stay there",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const added = await lead.submit(themesUrl(question(0)), inScope('add', question(0)), {
        label: ADDED,
      });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toMatch(
        new RegExp(`^/engagements/${listening.id}/themes\\?scope=${question(0)}&done=saved#theme-`),
      );
      const key = String(added.headers.location).split('#theme-')[1] ?? '';
      const voice = voicesOf[0]?.[0]?.id ?? '';
      const voiceUrl = inScope(`voices/${voice}`, question(0));
      const coded = await lead.submit(voiceUrl, voiceUrl, { themes: [key] });
      expect(coded.statusCode).toBe(303);

      expect(await page(lead, themesUrl(question(0)))).toContain(ADDED);
      expect(await page(lead, themesUrl())).not.toContain(ADDED);
      expect((await themeEditsOf(heard.db, listening.id)).map((edit) => edit.value)).not.toContain(
        ADDED,
      );
      expect(await codingsOf(heard.db, listening.id)).toEqual([]);
      expect(await codingsOf(heard.db, listening.id, question(0))).toEqual([
        expect.objectContaining({ voiceId: voice, themeKeys: [key] }),
      ]);
      // The engagement's themes do not know the key: coding to it there is a 404.
      const wholeVoice = `/engagements/${listening.id}/themes/voices/${voice}`;
      expect((await lead.submit(wholeVoice, wholeVoice, { themes: [key] })).statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    "each scope is reviewed and published on its own; council roles see each scope's published version only",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const officer = await signedIn(DEMO.officer);
      const snapshot = await newest(question(0));
      const snapshotId = snapshot.id;
      const url = themesUrl(question(0));
      expect(
        (await lead.submit(url, inScope('review', question(0)), { snapshotId })).statusCode,
      ).toBe(303);
      const published = await lead.submit(url, inScope('publish', question(0)), { snapshotId });
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(`${url}&done=published`);

      // The engagement-wide publication, which other features read, is still none.
      expect(await latestPublication(heard.db, listening.id)).toBeUndefined();
      expect((await latestPublication(heard.db, listening.id, question(0)))?.snapshotId).toBe(
        snapshotId,
      );

      const one = await page(officer, url);
      expect(one).toContain(`Published by the advocacy organisation on`);
      expect(one).toContain(ADDED);
      expect(one).not.toContain('Draft themes');
      const whole = await page(officer, themesUrl());
      expect(whole).toContain('Not published');
      expect(whole).toContain(`Draft ${snapshot.version} is published`);
      expect(whole).not.toContain('The themes');
      for (const path of ['draft', 'map', 'review', 'publish']) {
        expect(
          (await officer.submit(url, inScope(path, question(0)), { snapshotId })).statusCode,
        ).toBe(403);
      }

      // Taking the question's themes back leaves the engagement's publication alone.
      const wholeId = (await newest(null)).id;
      await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: wholeId });
      await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId: wholeId });
      const publication = await latestPublication(heard.db, listening.id, question(0));
      const takenBack = await lead.submit(url, inScope('take-back', question(0)), {
        publicationId: publication?.id ?? '',
        reason: 'One quote needs checking with the person who said it.',
      });
      expect(takenBack.statusCode).toBe(303);
      expect(await latestPublication(heard.db, listening.id, question(0))).toBeUndefined();
      expect((await latestPublication(heard.db, listening.id))?.snapshotId).toBe(wholeId);
      expect(await page(officer, url)).toContain(
        'One quote needs checking with the person who said it.',
      );
    },
  );

  it.skipIf(skip)('a scope that is not one of the engagement’s questions is a 404', async () => {
    const lead = await signedIn(DEMO.lead);
    expect((await lead.get(themesUrl('no-such-question'))).statusCode).toBe(404);
    const other = await startListening(heard.db);
    expect((await lead.get(themesUrl(other.promptIds[0] ?? ''))).statusCode).toBe(404);
    const url = themesUrl(question(0));
    expect((await lead.submit(url, inScope('draft', 'no-such-question'), {})).statusCode).toBe(404);
  });

  it.skipIf(skip)(
    "mapping one question maps only its voices, with the helper service's embeddings when configured",
    async () => {
      heard.config.themesProvider = {
        baseUrl: server.url,
        apiKey: 'sk-heard-test-key',
        chatModel: 'chat-small',
        embeddingModel: 'embed-small',
        timeoutMs: 10_000,
      };
      server.moods = { embeddings: 'good', chat: 'good' };
      server.received.length = 0;
      const lead = await signedIn(DEMO.lead);
      const url = themesUrl(question(0));
      const started = await lead.submit(url, inScope('map', question(0)), {});
      expect(started.statusCode).toBe(303);
      await draftFinished(listening.id);
      const mapped = await newest(question(0));
      expect(mapped.pipelineVersion).toMatch(/\+mapped$/);
      expect([...themed(mapped)].sort()).toEqual(voicesOf[0]?.map((voice) => voice.id).sort());
      // The service compared exactly the question's voices, and was asked to name nothing.
      const sent = server.received
        .filter((request) => request.path === '/embeddings')
        .flatMap((request) => request.body.input as string[]);
      expect(sent.sort()).toEqual(voicesOf[0]?.map((voice) => voice.text).sort());
      expect(server.received.some((request) => request.path === '/chat/completions')).toBe(false);
      const host = new URL(server.url).host;
      expect(providerOf(mapped.inputs)).toEqual({
        host,
        embeddingModel: 'embed-small',
        compared: true,
        named: 0,
        themes: mapped.themes.length,
        droppedQuotes: 0,
      });
      expect(await page(lead, url)).toContain(`with help from ${host} (models: embed-small)`);

      // A service that is down: the voices are mapped without it, and the page says so.
      server.moods = { embeddings: 'failing', chat: 'failing' };
      await lead.submit(url, inScope('map', question(0)), {});
      await draftFinished(listening.id);
      const without = await newest(question(0));
      expect(without.version).toBe(mapped.version + 1);
      expect(providerOf(without.inputs)?.failure).toEqual({
        step: 'compare',
        reason: 'refused',
        status: 500,
      });
      expect(await page(lead, url)).toContain(`answered with error 500`);

      // While one question is mapped (the service holding it up), the whole engagement's page
      // says which question is being worked on, and offers no draft until it is done.
      server.moods = { embeddings: 'slow', chat: 'slow' };
      heard.config.themesProvider = { ...heard.config.themesProvider, timeoutMs: 1500 };
      server.received.length = 0;
      await lead.submit(url, inScope('map', question(0)), {});
      const waitingFor = Date.now();
      while (server.received.length === 0 && Date.now() - waitingFor < 10_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const meanwhile = await page(lead, themesUrl());
      expect(meanwhile).toContain(
        `Themes are being drafted or mapped for: ${LISTENING.questions[0].questionPlain}.`,
      );
      expect(meanwhile).toContain('Drafting themes…');
      expect(meanwhile).not.toContain('Draft themes');
      await draftFinished(listening.id);
      heard.config.themesProvider = undefined;
    },
  );
});
