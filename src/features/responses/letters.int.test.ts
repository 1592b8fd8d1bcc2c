import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionForm, voiceForm } from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { down, up } from '../../platform/db/migrations/0019-letter-format.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { findEngagement } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';

const t = translator('en');

/** Where each person asked for their letter, and the format they should get it in. */
const PEOPLE = {
  before: { address: '5 Old Street, Northtown', format: 'plain' },
  publicEasy: { address: '1 Easy Street, Northtown', format: 'easy-read' },
  publicPlain: { address: '2 Plain Road, Northtown', format: 'plain' },
  advocateEasy: { address: '3 Advocate Close, Eastvale', format: 'easy-read' },
  advocatePlain: { address: '4 Quiet Lane, Eastvale', format: 'plain' },
} as const;
type Who = keyof typeof PEOPLE;

describe.each(testDatabases)('Easy Read letters on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;
  const { browsers, as } = signedInBrowsers();
  const overview = () => `/engagements/${listening.id}`;
  const responsesUrl = () => `${overview()}/responses`;
  const tellingUrl = () => `${overview()}/you-said-we-did`;
  const moveTo = async (phase: string) => {
    const moved = await as('lead').submit(overview(), `${overview()}/phase`, { phase });
    expect(moved.statusCode, phase).toBe(303);
  };
  const formatOf = async (who: Who) =>
    (
      await heard.db
        .selectFrom('participant_contacts')
        .select(['route', 'format'])
        .where('detail', '=', PEOPLE[who].address)
        .executeTakeFirstOrThrow()
    ).format;

  /** Answers on the public pages, in the format given, and asks to be told by post. */
  const answerInPublic = async (who: Who, format: 'plain' | 'easy-read') => {
    const browser = new Browser(heard.app);
    await browser.get(`/take-part/${listening.id}?format=${format}`);
    const form = `/take-part/${listening.id}/answer`;
    const fields = {
      perspective: 'lived_experience',
      [`answer-${listening.promptIds[0] ?? ''}`]: 'Letters should be easy to read.',
      consentUse: 'yes',
      consentQuote: 'no',
      contactRoute: 'post',
      contactAddress: PEOPLE[who].address,
    };
    const check = await browser.submit(form, form, fields);
    expect(check.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(check.body)?.[1] ?? '';
    const sent = await browser.post(`/take-part/${listening.id}/send`, { ...fields, _csrf: token });
    expect(sent.statusCode).toBe(303);
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    for (const who of ['lead', 'advocate', 'decisionMaker'] as const) {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(DEMO[who], DEMO.password)).statusCode).toBe(303);
      browsers[who] = browser;
    }
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)('keeps the requests made before migration 0019 in plain English', async () => {
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const { participantId } = await submitPublicVoices(
      { config: heard.config, db: heard.db, clock: heard.clock, t },
      engagement,
      {
        perspective: 'lived_experience',
        answers: [{ promptId: listening.promptIds[0] ?? '', text: 'Write to me.' }],
        consentQuote: false,
        contact: null,
      },
    );
    // Migrations take a database of no known tables; this one is the same database.
    const untyped = heard.db as unknown as Kysely<unknown>;
    await down(untyped);
    await heard.db
      .insertInto('participant_contacts')
      .values({
        participant_id: participantId,
        route: 'post',
        detail: PEOPLE.before.address,
        updated_at: heard.clock().toISOString(),
      })
      .execute();
    await up(untyped);
    expect(await formatOf('before')).toBe('plain');
  });

  it.skipIf(skip)(
    'keeps Easy Read for people who ask on the Easy Read pages, plain for the others',
    async () => {
      await answerInPublic('publicEasy', 'easy-read');
      await answerInPublic('publicPlain', 'plain');
      expect(await formatOf('publicEasy')).toBe('easy-read');
      expect(await formatOf('publicPlain')).toBe('plain');
    },
  );

  it.skipIf(skip)('keeps Easy Read when the advocate ticks "Send it in Easy Read"', async () => {
    const sessions = `${overview()}/sessions`;
    const recorded = await as('advocate').submit(
      `${sessions}/new`,
      `${sessions}/new`,
      sessionForm(),
    );
    expect(recorded.statusCode).toBe(303);
    const sessionUrl = (recorded.headers.location ?? '').replace(/\?.*$/, '');
    const page = `${sessionUrl}/voices/new`;
    const form = visibleText((await as('advocate').get(page)).body);
    expect(form).toContain(t('sessions.voice.contactEasyRead'));
    const promptId = listening.promptIds[0] ?? '';
    const easy = await as('advocate').submit(
      page,
      page,
      voiceForm(promptId, {
        contactRoute: 'post',
        contactAddress: PEOPLE.advocateEasy.address,
        contactEasyRead: 'yes',
      }),
    );
    expect(easy.statusCode).toBe(303);
    const plain = await as('advocate').submit(
      page,
      page,
      voiceForm(promptId, { contactRoute: 'post', contactAddress: PEOPLE.advocatePlain.address }),
    );
    expect(plain.statusCode).toBe(303);
    expect(await formatOf('advocateEasy')).toBe('easy-read');
    expect(await formatOf('advocatePlain')).toBe('plain');
  });

  it.skipIf(skip)('prints each person their letter in the format they asked for', async () => {
    const written = await as('lead').submit(`${responsesUrl()}/new`, `${responsesUrl()}/new`, {
      askedPlain: 'Write letters people can read.',
      askedEasyRead: 'Easy letters.',
    });
    expect(written.statusCode).toBe(303);
    const recommendationId = /responses\/([\w-]+)\?/.exec(written.headers.location ?? '')?.[1];
    await moveTo('synthesis');
    const send = await as('lead').submit(responsesUrl(), `${responsesUrl()}/send`, {});
    expect(send.statusCode).toBe(303);
    await moveTo('response');
    const answerUrl = `${responsesUrl()}/${recommendationId ?? ''}/answer`;
    const answered = await as('decisionMaker').submit(answerUrl, answerUrl, {
      decision: 'adopt',
      reasonsPlain: 'We will write every letter in plain words.',
      reasonsEasyRead: 'We will use easy words.',
      intent: 'publish',
    });
    expect(answered.statusCode).toBe(303);
    const published = await as('lead').submit(tellingUrl(), `${tellingUrl()}/publish`, {});
    expect(published.statusCode).toBe(303);

    const letters = await as('lead').get(`${tellingUrl()}/letters`);
    expect(letters.statusCode).toBe(200);
    const text = visibleText(letters.body);
    expect(text).toContain(t('feedback.letters.intro', { count: 5 }));
    expect(text).toContain(t('feedback.letters.easyReadCount', { count: 2 }));
    const articles = letters.body.split('<article').slice(1);
    expect(articles).toHaveLength(5);
    for (const [who, person] of Object.entries(PEOPLE)) {
      const firstLine = person.address.split(',')[0] ?? '';
      const letter = articles.find((article) => article.includes(firstLine)) ?? '';
      const easy = person.format === 'easy-read';
      expect(letter.includes('heard-easy-read'), who).toBe(easy);
      const words = visibleText(letter);
      expect(words, who).toContain(t(`feedback.letters.${easy ? 'easy' : 'plain'}.readAt`));
      expect(words, who).not.toContain(t(`feedback.letters.${easy ? 'plain' : 'easy'}.readAt`));
    }
    // The choice of one format for the whole batch is gone.
    expect(letters.body).not.toContain('format=easy-read');
  });
});
