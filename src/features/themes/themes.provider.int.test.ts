import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import type { Perspective } from '../engagements/index.ts';
import { findEngagement } from '../engagements/index.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import {
  INVENTED_QUOTE,
  type ProviderMood,
  type TestProviderServer,
  startTestProviderServer,
} from '../../platform/provider/provider-test-server.ts';
import { listVoices, submitPublicVoices } from '../voices/index.ts';
import { draftFinished, draftInProgress } from './themes.drafting.ts';
import { type ThemeSnapshot, latestThemeSnapshot } from './themes.repository.ts';
import { providerOf } from './themes.snapshot.ts';

const KEY = 'sk-heard-test-key-that-must-never-be-stored';
const CONCERN =
  'My direct payment has been late for three months, reference DP 4471. Nobody rings back.';
const NOT_QUOTABLE = 'The discharge letter used words nobody in my family understood at all.';

// Five things people said, six ways each: enough for the draft to find themes.
const TOPICS = [
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
  [
    'The medicines were not explained before I left',
    'I was given new tablets and nobody said what for',
    'My medication changed and my GP was not told',
    'The pharmacy had no record of my new medicines',
    'I did not understand the instructions for my tablets',
    'Nobody told me which medicines to stop taking',
  ],
  [
    'Adaptations at home were not fitted before I came back',
    'The grab rails were fitted a month late',
    'I needed a hospital bed at home and it came late',
    'My stairlift was not working when I got home',
    'Equipment for the bathroom arrived weeks later',
    'The occupational therapist visited home after I fell',
  ],
] as const;
const PERSPECTIVES: Perspective[] = ['lived_experience', 'family_carer', 'professional'];

describe.each(testDatabases)('drafting themes with a helper service on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let server: TestProviderServer;
  const quotable = new Map<string, string>();
  const skip = database.skipReason !== undefined;
  const themesUrl = () => `/engagements/${listening.id}/themes`;

  const useProvider = (
    moods: { embeddings: ProviderMood; chat: ProviderMood },
    timeoutMs = 10_000,
  ) => {
    server.moods = moods;
    // The app reads its config when a draft starts: as an administrator setting the variables.
    heard.config.themesProvider = {
      baseUrl: server.url,
      apiKey: KEY,
      chatModel: 'chat-small',
      embeddingModel: 'embed-small',
      timeoutMs,
    };
  };

  const lead = async (): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(DEMO.lead, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  /** The lead presses "Draft themes"; the draft is left to finish; the snapshot and the page. */
  const draft = async (): Promise<{ snapshot: ThemeSnapshot; page: string }> => {
    const browser = await lead();
    const started = await browser.submit(themesUrl(), `${themesUrl()}/draft`, {});
    expect(started.statusCode).toBe(303);
    await draftFinished(listening.id);
    const snapshot = await latestThemeSnapshot(heard.db, listening.id);
    if (snapshot === undefined) throw new Error('no snapshot saved');
    return { snapshot, page: visibleText((await browser.get(themesUrl())).body) };
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    server = await startTestProviderServer();
    listening = await startListening(heard.db);
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const deps = { config: heard.config, db: heard.db, clock: heard.clock, t: translator('en') };
    const say = async (text: string, perspective: Perspective, consentQuote = true) => {
      await submitPublicVoices(deps, engagement, {
        perspective,
        answers: [{ promptId: listening.promptIds[0] ?? '', text }],
        consentQuote,
        contact: null,
      });
      if (consentQuote) quotable.set(text, text);
    };
    let n = 0;
    for (const topic of TOPICS)
      for (const text of topic) await say(text, PERSPECTIVES[n++ % 3] ?? 'lived_experience');
    await say(CONCERN, 'lived_experience');
    quotable.delete(CONCERN);
    await say(NOT_QUOTABLE, 'family_carer', false);
  }, 60_000);

  beforeEach(() => {
    if (!skip) server.received.length = 0;
  });

  afterAll(async () => {
    if (skip) return;
    await server.close();
    await heard.close();
  });

  it.skipIf(skip)(
    'names and sums up themes with the service, keeping only quotes that people said and agreed to',
    async () => {
      useProvider({ embeddings: 'good', chat: 'good' });
      const { snapshot, page } = await draft();
      expect(snapshot.themes.length).toBeGreaterThan(1);
      const textOf = new Map(
        (await listVoices(heard.db, listening.id)).map((voice) => [voice.id, voice.text]),
      );
      for (const theme of snapshot.themes) {
        expect(theme.label).toMatch(/^Helper: /);
        expect(theme.summary).toMatch(/^People said a lot about /);
        for (const quote of theme.quotes) {
          // Each quote an exact part of a voice in this theme whose person agreed to be quoted.
          const text = textOf.get(quote.voiceId) ?? '';
          expect(quotable.has(text)).toBe(true);
          expect(text).toContain(quote.text);
          expect(theme.members).toContain(quote.voiceId);
        }
      }
      expect(snapshot.themes.flatMap((theme) => theme.quotes).length).toBeGreaterThan(0);
      expect(JSON.stringify(snapshot)).not.toContain(INVENTED_QUOTE);
      const host = new URL(server.url).host;
      expect(providerOf(snapshot.inputs)).toEqual({
        host,
        chatModel: 'chat-small',
        embeddingModel: 'embed-small',
        compared: true,
        named: snapshot.themes.length,
        themes: snapshot.themes.length,
        droppedQuotes: snapshot.themes.length,
      });
      // The key goes only in the request's header: never stored, never in a body.
      expect(JSON.stringify(snapshot)).not.toContain(KEY);
      expect(server.received.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
      expect(JSON.stringify(server.received.map((r) => r.body))).not.toContain(KEY);
      // A person's own case never leaves Heard: not embedded, not named, not quoted.
      const chats = server.received.filter((r) => r.path === '/chat/completions');
      expect(chats).toHaveLength(snapshot.themes.length);
      expect(JSON.stringify(server.received.map((r) => r.body))).not.toContain('DP 4471');
      expect(server.received.some((r) => r.path === '/embeddings')).toBe(true);
      expect(page).toContain(
        `Themes drafted with help from ${host} (models: embed-small, chat-small).`,
      );
      expect(page).toContain('Summary from the helper service: People said a lot about');
      expect(page).toContain(
        `${snapshot.themes.length} quotes the helper service suggested were left out`,
      );
      expect(page).not.toContain(INVENTED_QUOTE);
    },
  );

  it.skipIf(skip)('a person’s name for a theme stands over the service’s', async () => {
    useProvider({ embeddings: 'good', chat: 'good' });
    const before = await latestThemeSnapshot(heard.db, listening.id);
    const theme = before?.themes[0];
    if (theme === undefined) throw new Error('no theme');
    const browser = await lead();
    const editUrl = `${themesUrl()}/${theme.key}/edit`;
    const saved = await browser.submit(editUrl, editUrl, {
      label: 'Getting home',
      description: '',
    });
    expect(saved.statusCode).toBe(303);
    const { snapshot, page } = await draft();
    expect(snapshot.themes.map((t) => t.key)).toContain(theme.key);
    expect(page).toContain('Getting home');
    expect(page).toContain('The machine first called it “Helper: ');
  });

  it.skipIf(skip)(
    'a service that is down: themes are drafted without it and the page says so',
    async () => {
      useProvider({ embeddings: 'failing', chat: 'failing' });
      const { snapshot, page } = await draft();
      expect(snapshot.themes.length).toBeGreaterThan(1);
      expect(snapshot.themes.some((theme) => theme.label.startsWith('Helper: '))).toBe(false);
      expect(snapshot.themes.every((theme) => theme.summary === undefined)).toBe(true);
      expect(providerOf(snapshot.inputs)?.failure).toEqual({
        step: 'compare',
        reason: 'refused',
        status: 500,
      });
      // Down when comparing: not asked again to name the themes.
      expect(server.received.map((r) => r.path)).toEqual(['/embeddings']);
      expect(page).toContain(
        `The helper service at ${new URL(server.url).host} answered with error 500, so themes were drafted without it.`,
      );
      expect(page).not.toContain('Themes drafted with help from');
    },
  );

  it.skipIf(skip)(
    'a slow service: the draft waits only its timeout, pages answer meanwhile, and the page says what happened',
    async () => {
      useProvider({ embeddings: 'slow', chat: 'slow' }, 1500);
      const browser = await lead();
      await browser.submit(themesUrl(), `${themesUrl()}/draft`, {});
      const waitingFor = Date.now();
      while (server.received.length === 0 && Date.now() - waitingFor < 10_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // The service is holding the draft up: the page still answers, saying it is drafting.
      expect(draftInProgress(listening.id)).toBeDefined();
      const meanwhile = await browser.get(themesUrl());
      expect(meanwhile.statusCode).toBe(200);
      expect(visibleText(meanwhile.body)).toContain('Drafting themes…');
      await draftFinished(listening.id);
      const snapshot = await latestThemeSnapshot(heard.db, listening.id);
      if (snapshot === undefined) throw new Error('no snapshot saved');
      expect(providerOf(snapshot.inputs)?.failure).toEqual({ step: 'compare', reason: 'timeout' });
      expect(snapshot.themes.length).toBeGreaterThan(1);
      expect(visibleText((await browser.get(themesUrl())).body)).toContain(
        'did not answer in time, so themes were drafted without it.',
      );
    },
  );

  it.skipIf(skip)(
    'nonsense while naming: the themes it did not name keep the machine’s names, and the page says so',
    async () => {
      useProvider({ embeddings: 'good', chat: 'malformed' });
      const { snapshot, page } = await draft();
      const record = providerOf(snapshot.inputs);
      expect(record).toMatchObject({ compared: true, named: 0 });
      expect(record?.failure).toEqual({ step: 'name', reason: 'nonsense' });
      expect(snapshot.themes.some((theme) => theme.label.startsWith('Helper: '))).toBe(false);
      expect(page).toContain('Themes drafted with help from');
      expect(page).toContain(
        `gave an answer Heard could not use while naming the themes, so ${snapshot.themes.length} of them keep the machine's names and have no summary.`,
      );
    },
  );

  it.skipIf(skip)(
    'invented quotes and a label too long: dropped, and the machine’s label and quotes stay',
    async () => {
      useProvider({ embeddings: 'good', chat: 'inventing' });
      const { snapshot, page } = await draft();
      expect(JSON.stringify(snapshot.themes)).not.toContain(INVENTED_QUOTE);
      expect(snapshot.themes.some((theme) => theme.label.startsWith('A label far too long'))).toBe(
        false,
      );
      expect(snapshot.themes.some((theme) => theme.quotes.length > 0)).toBe(true);
      expect(providerOf(snapshot.inputs)?.droppedQuotes).toBe(snapshot.themes.length);
      expect(page).toContain('quotes the helper service suggested were left out');
    },
  );
});
