import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voiceBody } from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { safeguardingCheckVersion } from '../../analysis/triage/safeguarding-check.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { findEngagement } from '../engagements/index.ts';
import { submitPublicVoices } from './index.ts';

const WORDS = {
  onBehalf: 'My carer hits me when nobody is looking.',
  online: 'The carer takes my pension and I have no money left for food.',
  negated: 'Nobody has ever hit me, I want to be clear.',
  neutral: 'The staff were kind and the bus came on time.',
} as const;
const TAG = 'Possible safeguarding concern';

describe.each(testDatabases)('safeguarding check on new voices on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  const ids = { onBehalf: '', online: '', negated: '', neutral: '' };
  const skip = database.skipReason !== undefined;
  const voicesUrl = () => `/engagements/${listening.id}/voices`;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    const advocate = await signedIn(DEMO.advocate);
    const api = `/api/v1/engagements/${listening.id}/sessions`;
    const session = await advocate.json('POST', api, {
      kind: 'drop_in',
      heldOn: '2026-11-20',
      place: 'Market Hall',
      attendance: { lived_experience: 3 },
    });
    const sessionId = session.json<{ id: string }>().id;
    const recorded = await advocate.json(
      'POST',
      `${api}/${sessionId}/voices`,
      voiceBody(listening.promptIds[0] ?? '', { text: WORDS.onBehalf }),
    );
    expect(recorded.statusCode).toBe(201);
    ids.onBehalf = recorded.json<{ id: string }>().id;

    const deps: Deps = {
      config: heard.config,
      db: heard.db,
      clock: () => new Date('2026-11-29T10:00:00.000Z'),
      t: translator('en'),
    };
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const online = async (text: string): Promise<string> => {
      const { participantId } = await submitPublicVoices(deps, engagement, {
        perspective: 'lived_experience',
        answers: [{ promptId: listening.promptIds[1] ?? '', text }],
        consentQuote: true,
        contact: null,
      });
      const voice = await heard.db
        .selectFrom('voices')
        .select('id')
        .where('participant_id', '=', participantId)
        .executeTakeFirstOrThrow();
      return voice.id;
    };
    ids.online = await online(WORDS.online);
    ids.negated = await online(WORDS.negated);
    ids.neutral = await online(WORDS.neutral);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  const stateOf = async (voiceId: string): Promise<string> =>
    (
      await heard.db
        .selectFrom('voices')
        .select('triage_state')
        .where('id', '=', voiceId)
        .executeTakeFirstOrThrow()
    ).triage_state;

  const suggestionsFor = (voiceId: string) =>
    heard.db.selectFrom('triage_suggestions').selectAll().where('voice_id', '=', voiceId).execute();

  it.skipIf(skip)(
    'flags a disclosure from either door, even a denial, with the rules that raised it',
    async () => {
      for (const [voiceId, category] of [
        [ids.onBehalf, 'physical'],
        [ids.online, 'financial'],
        [ids.negated, 'physical'],
      ] as const) {
        expect(await stateOf(voiceId)).toBe('safeguarding_flagged');
        const [suggestion, ...others] = await suggestionsFor(voiceId);
        expect(others).toHaveLength(0);
        expect(suggestion).toMatchObject({
          kind: 'safeguarding',
          source: 'rule+model',
          version: safeguardingCheckVersion(),
        });
        expect(Number(suggestion?.score)).toBeGreaterThan(0);
        expect(JSON.parse(suggestion?.categories ?? '[]')).toContain(category);
      }
      expect(await stateOf(ids.neutral)).toBe('new');
      expect(await suggestionsFor(ids.neutral)).toHaveLength(0);
    },
  );

  it.skipIf(skip)('audits each flag with its categories, never the words', async () => {
    const rows = await heard.db
      .selectFrom('audit_events')
      .select(['record_id', 'details'])
      .where('action', '=', 'voice_flagged_safeguarding')
      .execute();
    expect(rows.map((row) => row.record_id).sort()).toEqual(
      [ids.onBehalf, ids.online, ids.negated].sort(),
    );
    for (const row of rows) {
      expect(JSON.parse(row.details)).toMatchObject({ flagged: true });
      for (const words of Object.values(WORDS)) expect(row.details).not.toContain(words);
    }
    const everything = await heard.db.selectFrom('audit_events').select('details').execute();
    for (const { details } of everything)
      expect(details).not.toMatch(/hits me|my pension|ever hit me/);
  });

  it.skipIf(skip)('hides flagged voices from council roles on the page, CSV and API', async () => {
    const officer = await signedIn(DEMO.officer);
    const page = await officer.get(`${voicesUrl()}?perspective=`);
    expect(page.statusCode).toBe(200);
    const csv = await officer.get(`${voicesUrl()}.csv`);
    expect(csv.statusCode).toBe(200);
    const api = await officer.json('GET', `/api/v1${voicesUrl()}`);
    expect(api.statusCode).toBe(200);
    const council = api.json<{ view: string; voices: { id: string }[] }>();
    expect(council.view).toBe('council');
    expect(council.voices.map((voice) => voice.id)).toEqual([ids.neutral]);
    for (const body of [visibleText(page.body), csv.body, api.body]) {
      expect(body).toContain(WORDS.neutral);
      expect(body).not.toContain(TAG);
      for (const hidden of [WORDS.onBehalf, WORDS.online, WORDS.negated])
        expect(body).not.toContain(hidden);
    }
    for (const hidden of [ids.onBehalf, ids.online, ids.negated]) {
      expect(page.body).not.toContain(hidden);
      expect(csv.body).not.toContain(hidden);
    }
  });

  it.skipIf(skip)('shows advocacy roles every voice, tagging the flagged ones', async () => {
    const lead = await signedIn(DEMO.lead);
    const page = await lead.get(`${voicesUrl()}?perspective=`);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    for (const words of Object.values(WORDS)) expect(text).toContain(words);
    expect(text.split(TAG)).toHaveLength(4);

    const flagged = visibleText((await lead.get(`${voicesUrl()}/${ids.online}`)).body);
    expect(flagged).toContain(TAG);
    const neutral = await lead.get(`${voicesUrl()}/${ids.neutral}`);
    expect(neutral.statusCode).toBe(200);
    expect(visibleText(neutral.body)).not.toContain(TAG);

    const api = (await lead.json('GET', `/api/v1${voicesUrl()}`)).json<{
      voices: { id: string; triageState: string }[];
    }>();
    expect(api.voices).toHaveLength(4);
    expect(api.voices.find((voice) => voice.id === ids.negated)?.triageState).toBe(
      'safeguarding_flagged',
    );
  });
});
