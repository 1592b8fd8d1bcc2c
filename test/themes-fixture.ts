import { afterAll, beforeAll, expect } from 'vitest';
import {
  type Engagement,
  type Perspective,
  findEngagement,
} from '../src/features/engagements/index.ts';
import { draftFinished } from '../src/features/themes/themes.drafting.ts';
import {
  type ThemeSnapshot,
  latestThemeSnapshot,
} from '../src/features/themes/themes.repository.ts';
import { submitPublicVoices } from '../src/features/voices/index.ts';
import type { Deps } from '../src/platform/deps.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import {
  type ProviderMood,
  type TestProviderServer,
  startTestProviderServer,
} from '../src/platform/provider/provider-test-server.ts';
import { Browser, DEMO, type TestApp, startTestApp } from './app.ts';
import type { TestDatabase } from './databases.ts';
import { type ListeningEngagement, startListening } from './listening-engagement.ts';

/** Things people said about getting home from hospital, six ways each: enough to draft themes. */
export const HOSPITAL_TOPICS = {
  transport: [
    'The transport home from hospital was late',
    'I waited hours for the hospital transport',
    'Nobody booked the transport home so my daughter drove',
    'The ambulance transport home never came on time',
    'Transport from the ward took all afternoon to arrive',
    'We waited for hospital transport until the evening',
  ],
  food: [
    'There was no food in the house when I got home',
    'Nobody checked I had food or could cook',
    'I came home to an empty fridge and no shopping',
    'A neighbour brought food because nobody else did',
    'I could not get to the shops for food for a week',
    'Meals were not arranged after I left the ward',
  ],
  carers: [
    'The carers did not start until a week after I got home',
    'My care package was not ready when I was discharged',
    'The home carers visited at different times every day',
    'Carers were not told I had come home from hospital',
    'Nobody from the care agency came for the first days',
    'My carers did not know about my new medication',
  ],
  medicines: [
    'The medicines were not explained before I left',
    'I was given new tablets and nobody said what for',
    'My medication changed and my GP was not told',
    'The pharmacy had no record of my new medicines',
    'I did not understand the instructions for my tablets',
    'Nobody told me which medicines to stop taking',
  ],
  nurses: [
    'The nurses on the ward were kind and patient',
    'Staff on the ward listened to my family',
    'The ward nurses explained everything to my husband',
    'The physiotherapist on the ward was brilliant',
    'Kind staff made the ward feel less frightening',
    'The nurses took time to listen to my worries',
  ],
  adaptations: [
    'Adaptations at home were not fitted before I came back',
    'The grab rails were fitted a month late',
    'I needed a hospital bed at home and it came late',
    'My stairlift was not working when I got home',
    'Equipment for the bathroom arrived weeks later',
    'The occupational therapist visited home after I fell',
  ],
} as const;

/** An individual concern: counted in themes, never quoted or sent to a helper service. */
export const CONCERN =
  'My direct payment has been late for three months, reference DP 4471. Nobody rings back.';
/** Said by someone who did not agree to be quoted. */
export const NOT_QUOTABLE =
  'The discharge letter used words nobody in my family understood at all.';
/** The key a test's helper service is configured with: it must never be stored. */
export const PROVIDER_KEY = 'sk-heard-test-key-that-must-never-be-stored';

const PERSPECTIVES: Perspective[] = ['lived_experience', 'family_carer', 'professional'];

export interface SaidVoice {
  id: string;
  text: string;
  triageState: string;
}

interface Started {
  heard: TestApp;
  listening: ListeningEngagement;
  engagement: Engagement;
  server: TestProviderServer | undefined;
}

/**
 * Heard on one of the test databases with an engagement listening on two questions, for the
 * themes feature's tests; each file says what people said and drafts what it needs.
 */
export class ThemesTest {
  private started: Started | undefined;
  /** Each voice said with no perspective given takes the next of three, in turn. */
  private said = 0;

  constructor(readonly database: TestDatabase) {}

  /** Whether the file's tests are skipped on this database. */
  get skip(): boolean {
    return this.database.skipReason !== undefined;
  }

  private get now(): Started {
    if (this.started === undefined) throw new Error('the themes test has not started');
    return this.started;
  }

  get heard(): TestApp {
    return this.now.heard;
  }

  get listening(): ListeningEngagement {
    return this.now.listening;
  }

  get engagement(): Engagement {
    return this.now.engagement;
  }

  /** The fake helper service, when the file asked for one. */
  get server(): TestProviderServer {
    const { server } = this.now;
    if (server === undefined) throw new Error('no helper service was asked for');
    return server;
  }

  async start(options: { provider: boolean }): Promise<void> {
    const heard = await startTestApp(this.database);
    const server = options.provider ? await startTestProviderServer() : undefined;
    const listening = await startListening(heard.db);
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    this.started = { heard, listening, engagement, server };
  }

  async close(): Promise<void> {
    await this.started?.server?.close();
    await this.started?.heard.close();
  }

  deps = (): Deps => {
    return {
      config: this.heard.config,
      db: this.heard.db,
      clock: this.heard.clock,
      t: translator('en'),
    };
  };

  /** The themes page of the whole engagement, or of one question. */
  themesUrl = (promptId?: string): string => {
    const base = `/engagements/${this.listening.id}/themes`;
    return promptId === undefined ? base : `${base}?scope=${promptId}`;
  };

  /** One person answers a question (the first unless told) through the public door. */
  say = async (
    text: string,
    options: { perspective?: Perspective; consentQuote?: boolean; promptIndex?: number } = {},
  ): Promise<SaidVoice> => {
    const { participantId } = await submitPublicVoices(this.deps(), this.engagement, {
      perspective: options.perspective ?? PERSPECTIVES[this.said++ % 3] ?? 'lived_experience',
      answers: [{ promptId: this.listening.promptIds[options.promptIndex ?? 0] ?? '', text }],
      consentQuote: options.consentQuote ?? true,
      contact: null,
    });
    const voice = await this.heard.db
      .selectFrom('voices')
      .select(['id', 'triage_state'])
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    return { id: voice.id, text, triageState: voice.triage_state };
  };

  /** Each text said by a person of its own, perspectives in turn; the voices in that order. */
  sayEach = async (texts: readonly string[], promptIndex = 0): Promise<SaidVoice[]> => {
    const voices: SaidVoice[] = [];
    for (const text of texts) voices.push(await this.say(text, { promptIndex }));
    return voices;
  };

  signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(this.heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  /** The lead presses "Draft themes" on the scope's page; the draft is left to finish. */
  draftAsLead = async (promptId?: string): Promise<ThemeSnapshot> => {
    const lead = await this.signedIn(DEMO.lead);
    const action =
      promptId === undefined
        ? `${this.themesUrl()}/draft`
        : `/engagements/${this.listening.id}/themes/draft?scope=${promptId}`;
    const started = await lead.submit(this.themesUrl(promptId), action, {});
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(this.themesUrl(promptId));
    await draftFinished(this.listening.id);
    const snapshot = await latestThemeSnapshot(this.heard.db, this.listening.id, promptId ?? null);
    if (snapshot === undefined) throw new Error('no snapshot saved');
    return snapshot;
  };

  /** Configures the helper service (the app reads its config when a draft starts). */
  useProvider = (
    moods: { embeddings: ProviderMood; chat: ProviderMood },
    timeoutMs = 10_000,
  ): void => {
    this.server.moods = moods;
    this.heard.config.themesProvider = {
      baseUrl: this.server.url,
      apiKey: PROVIDER_KEY,
      chatModel: 'chat-small',
      embeddingModel: 'embed-small',
      timeoutMs,
    };
  };

  /** Waits, ten seconds at most, until the helper service has been asked something. */
  untilServiceAsked = async (): Promise<void> => {
    const since = Date.now();
    while (this.server.received.length === 0 && Date.now() - since < 10_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
}

/**
 * A themes test on one database: started before the file's tests (then `setup`, what is
 * particular to the file, runs), closed after them; nothing runs where the database is skipped.
 */
export function themesTest(
  database: TestDatabase,
  setup?: (test: ThemesTest) => Promise<void>,
  options: { provider: boolean } = { provider: false },
): ThemesTest {
  const test = new ThemesTest(database);
  beforeAll(async () => {
    if (test.skip) return;
    await test.start(options);
    await setup?.(test);
  }, 60_000);
  afterAll(async () => {
    if (!test.skip) await test.close();
  });
  return test;
}
