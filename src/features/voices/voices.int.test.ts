import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOutsideLead, voiceBody } from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { findEngagement } from '../engagements/index.ts';
import { findParticipant, submitPublicVoices, withdraw } from './index.ts';

/** Every field of a voice as council roles get it: none could point to a person. */
const DEIDENTIFIED_KEYS = [
  'channel',
  'consentQuote',
  'createdAt',
  'id',
  'isSummary',
  'perspective',
  'promptId',
  'text',
];

/** A CSV file as rows of cells, for the few files these tests read (quoted cells, no BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

const COUNCIL_HEADER = [
  'Voice',
  'Date',
  'Question',
  'What they said',
  'Summary',
  'Answering as',
  'How it came in',
  'Consent to quote',
];

describe.each(testDatabases)('voices for staff on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let outsider: string;
  let sessionId: string;
  /** a: in the session, with an email contact; b: words like a formula; e: no consent to use. */
  const ids = { a: '', b: '', c: '', d: '', e: '' };
  const skip = database.skipReason !== undefined;
  const voicesUrl = () => `/engagements/${listening.id}/voices`;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const auditCount = async (action: string, recordId: string): Promise<number> =>
    (
      await heard.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', action)
        .where('record_id', '=', recordId)
        .execute()
    ).length;

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    outsider = await addOutsideLead(heard.db);
    const advocate = await signedIn(DEMO.advocate);
    const api = `/api/v1/engagements/${listening.id}/sessions`;
    const session = await advocate.json('POST', api, {
      kind: 'drop_in',
      heldOn: '2026-11-20',
      place: 'Market Hall',
      attendance: { lived_experience: 5, family_carer: 2 },
    });
    sessionId = session.json<{ id: string }>().id;
    const record = async (fields: Record<string, unknown>): Promise<string> => {
      const response = await advocate.json(
        'POST',
        `${api}/${sessionId}/voices`,
        voiceBody(listening.promptIds[0] ?? '', fields),
      );
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    ids.a = await record({
      text: 'Nobody rang me after I got home.',
      perspective: 'lived_experience',
      helpGiven: ['scribe'],
      consentQuote: 'yes',
      contact: { contactRoute: 'email', contactEmail: 'ann@example.org' },
    });
    ids.b = await record({
      text: '=1+2 is how "the system" felt, all sums',
      perspective: 'professional',
    });
    ids.e = await record({ text: 'Words kept without consent to use.' });
    // As an import without consent to use would be: kept for the record, never shown to the council.
    await heard.db.updateTable('voices').set({ consent_use: 0 }).where('id', '=', ids.e).execute();

    // Three days later, two people answer online; one of them then withdraws.
    heard.advanceMinutes(3 * 24 * 60);
    const deps: Deps = {
      config: heard.config,
      db: heard.db,
      clock: () => new Date('2026-11-29T10:00:00.000Z'),
      t: translator('en'),
    };
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const online = async (text: string, promptId: string) => {
      const { participantId } = await submitPublicVoices(deps, engagement, {
        perspective: 'family_carer',
        answers: [{ promptId, text }],
        consentQuote: false,
        contact: { route: 'text', detail: '07700900982' },
      });
      const [voice] = await heard.db
        .selectFrom('voices')
        .select('id')
        .where('participant_id', '=', participantId)
        .execute();
      return { participantId, voiceId: voice?.id ?? '' };
    };
    ids.c = (
      await online('My mum came home to an empty fridge.', listening.promptIds[1] ?? '')
    ).voiceId;
    const withdrawn = await online('Please forget what I said.', listening.promptIds[1] ?? '');
    ids.d = withdrawn.voiceId;
    const participant = await findParticipant(heard.db, { id: withdrawn.participantId });
    if (participant === undefined) throw new Error('participant not found');
    await withdraw(deps, participant);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'shows advocacy roles every voice with how it came in, and the record of each look',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const before = await auditCount('voices_viewed', listening.id);
      const page = await lead.get(voicesUrl());
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      // The withdrawn voice has left the list altogether.
      expect(text).toContain('Voices found: 4');
      expect(text).toContain('Nobody rang me after I got home.');
      expect(text).toContain('My mum came home to an empty fridge.');
      expect(text).toContain('Words kept without consent to use.');
      expect(text).toContain('Recorded by Sam Reid');
      expect(text).toContain('Drop-in, 20 November 2026, Market Hall');
      expect(text).toContain('Use: Yes. Quote: Yes. Given: In writing.');
      expect(text).toContain('Use: No.');
      expect(text).toContain('Wrote down their words');
      expect(text).not.toContain('Please forget what I said.');
      expect(page.body).not.toContain(`/voices/${ids.d}`);
      expect(page.body).toContain(`href="/engagements/${listening.id}/voices/${ids.a}"`);
      expect(await auditCount('voices_viewed', listening.id)).toBe(before + 1);
    },
  );

  it.skipIf(skip)(
    'shows council roles de-identified voices only, with consent to use and not withdrawn',
    async () => {
      for (const email of [DEMO.officer, DEMO.decisionMaker]) {
        const council = await signedIn(email);
        const page = await council.get(`${voicesUrl()}?session=${sessionId}`);
        expect(page.statusCode, email).toBe(200);
        const text = visibleText(page.body);
        expect(text).toContain('Voices found: 3');
        expect(text).toContain('without anything that could identify them');
        expect(text).toContain('Nobody rang me after I got home.');
        expect(text).toContain('My mum came home to an empty fridge.');
        expect(text).not.toContain('Words kept without consent to use.');
        expect(text).not.toContain('Please forget what I said.');
        expect(text).not.toContain('Withdrawn');
        for (const hidden of [
          'Recorded by',
          'Sam Reid',
          'Market Hall',
          'ann@example.org',
          '07700900982',
        ])
          expect(text, hidden).not.toContain(hidden);
        expect(page.body).not.toContain(`/voices/${ids.a}`);
        expect(page.body).not.toContain(`/sessions/${sessionId}`);
      }
    },
  );

  it.skipIf(skip)('filters voices, keeping the choices in the form', async () => {
    const lead = await signedIn(DEMO.lead);
    const count = async (query: string) => {
      const page = await lead.get(`${voicesUrl()}?${query}`);
      expect(page.statusCode, query).toBe(200);
      return { text: visibleText(page.body), body: page.body };
    };
    const carers = await count('perspective=family_carer');
    expect(carers.text).toContain('Voices found: 2');
    expect(carers.body).toMatch(/value="family_carer" selected/);
    expect((await count('channel=online')).text).toContain('Voices found: 1');
    expect((await count(`channel=session&session=${sessionId}`)).text).toContain('Voices found: 3');
    expect((await count(`prompt=${listening.promptIds[1] ?? ''}`)).text).toContain(
      'Voices found: 1',
    );
    const later = await count('from-day=27&from-month=11&from-year=2026');
    expect(later.text).toContain('Voices found: 1');
    expect(later.body).toContain('name="from-day" type="text" value="27"');
    expect((await count('to-day=26&to-month=11&to-year=2026')).text).toContain('Voices found: 3');
    expect((await count('perspective=&channel=&prompt=')).text).toContain('Voices found: 4');

    const wrong = await lead.get(`${voicesUrl()}?from-day=31&from-month=2&from-year=2026`);
    expect(wrong.statusCode).toBe(400);
    expect(visibleText(wrong.body)).toContain('Enter a real date, for example 27 11 2026');
    expect(wrong.body).toContain('href="#from-day"');
    expect(wrong.body).toContain('value="31"');
    const backwards = await lead.get(
      `${voicesUrl()}?from-day=28&from-month=11&from-year=2026&to-day=1&to-month=11&to-year=2026`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(visibleText(backwards.body)).toContain("The 'to' date must be the same as or after");
    const unknown = await lead.get(`${voicesUrl()}?channel=carrier-pigeon`);
    expect(unknown.statusCode).toBe(400);
    expect(visibleText(unknown.body)).toContain('Select an option from the list');
  });

  it.skipIf(skip)(
    'exports every column to advocacy roles as CSV, safe to open in a spreadsheet, on the record',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const response = await advocate.get(`${voicesUrl()}.csv`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="voices-.+\.csv"$/,
      );
      const [header, ...rows] = parseCsv(response.body);
      expect(header).toEqual(
        expect.arrayContaining([
          'Person',
          'Recorded by',
          'Session',
          'Tell them by',
          'Contact detail',
          'Withdrawn',
        ]),
      );
      expect(rows).toHaveLength(4);
      const column = (name: string) => header?.indexOf(name) ?? -1;
      const rowOf = (id: string) => rows.find((row) => row[column('Voice')] === id) ?? [];
      expect(rowOf(ids.a)[column('Contact detail')]).toBe('ann@example.org');
      expect(rowOf(ids.a)[column('Recorded by')]).toBe('Sam Reid');
      expect(rowOf(ids.a)[column('Session')]).toBe('Drop-in, 20 November 2026, Market Hall');
      expect(rowOf(ids.b)[column('What they said')]).toBe(
        '\'=1+2 is how "the system" felt, all sums',
      );
      expect(response.body).toContain('"\'=1+2 is how ""the system"" felt, all sums"');
      expect(rowOf(ids.d)).toEqual([]);
      expect(await auditCount('voices_exported', listening.id)).toBeGreaterThan(0);

      const filtered = parseCsv((await advocate.get(`${voicesUrl()}.csv?channel=online`)).body);
      expect(filtered).toHaveLength(2);
    },
  );

  it.skipIf(skip)(
    'exports only de-identified columns and consented voices to council roles',
    async () => {
      const officer = await signedIn(DEMO.officer);
      const before = await auditCount('voices_exported', listening.id);
      const response = await officer.get(`${voicesUrl()}.csv`);
      expect(response.statusCode).toBe(200);
      const [header, ...rows] = parseCsv(response.body);
      expect(header).toEqual(COUNCIL_HEADER);
      expect(rows.map((row) => row[0]).sort()).toEqual([ids.a, ids.b, ids.c].sort());
      for (const hidden of [
        'ann@example.org',
        '07700900982',
        'Sam Reid',
        'Market Hall',
        'Words kept without consent',
      ])
        expect(response.body, hidden).not.toContain(hidden);
      expect(await auditCount('voices_exported', listening.id)).toBe(before + 1);
      const exported = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'voices_exported')
        .where('record_id', '=', listening.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(exported.details)).toEqual({ view: 'council', count: 3 });
    },
  );

  it.skipIf(skip)(
    "shows a voice's whole record to advocacy roles only; a council role gets 403, a stranger 404",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const voicePage = `${voicesUrl()}/${ids.a}`;
      const page = await lead.get(voicePage);
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      expect(text).toContain('Nobody rang me after I got home.');
      expect(text).toContain('By email: ann@example.org');
      expect(text).toContain('Now (version 1)');
      expect(await auditCount('voice_viewed', ids.a)).toBeGreaterThan(0);
      const participant = await heard.db
        .selectFrom('voices')
        .select('participant_id')
        .where('id', '=', ids.a)
        .executeTakeFirstOrThrow();
      expect(await auditCount('contact_viewed', participant.participant_id)).toBeGreaterThan(0);

      expect((await lead.get(`${voicesUrl()}/no-such-voice`)).statusCode).toBe(404);
      const other = await startListening(heard.db);
      expect((await lead.get(`/engagements/${other.id}/voices/${ids.a}`)).statusCode).toBe(404);

      for (const email of [DEMO.officer, DEMO.decisionMaker]) {
        const council = await signedIn(email);
        for (const url of [voicePage, `${voicePage}/correct`]) {
          const refused = await council.get(url);
          expect(refused.statusCode, `${email} ${url}`).toBe(403);
          expect(refused.body).not.toContain('ann@example.org');
        }
      }
      const stranger = await signedIn(outsider);
      for (const url of [voicesUrl(), `${voicesUrl()}.csv`, voicePage, `${voicePage}/correct`]) {
        expect((await stranger.get(url)).statusCode, url).toBe(404);
      }
      expect((await stranger.json('GET', `/api/v1${voicesUrl()}`)).statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    'corrects a voice as a new version, keeping and showing the old one',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const correct = `${voicesUrl()}/${ids.c}/correct`;
      const form = await advocate.get(correct);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('My mum came home to an empty fridge.');

      const empty = await advocate.submit(correct, correct, {
        text: ' ',
        isSummary: 'words',
        reason: 'Misheard',
      });
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain('Write the corrected words');
      expect(empty.body).toContain('Misheard');
      const noReason = await advocate.submit(correct, correct, {
        text: 'My mum came home to an empty fridge and no heating.',
        isSummary: 'words',
        reason: '',
      });
      expect(noReason.statusCode).toBe(400);
      expect(visibleText(noReason.body)).toContain('Say why you are correcting it');
      expect(noReason.body).toContain('My mum came home to an empty fridge and no heating.');
      const tooLong = await advocate.submit(correct, correct, {
        text: 'x'.repeat(5001),
        isSummary: 'words',
        reason: 'Longer',
      });
      expect(tooLong.statusCode).toBe(400);
      expect(visibleText(tooLong.body)).toContain('The words must be 5,000 characters or fewer');
      expect(
        await heard.db
          .selectFrom('voice_versions')
          .select('id')
          .where('voice_id', '=', ids.c)
          .execute(),
      ).toHaveLength(1);

      const saved = await advocate.submit(correct, correct, {
        text: 'My mum came home to an empty fridge and no heating.',
        isSummary: 'words',
        reason: 'She asked us to add the heating.',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`${voicesUrl()}/${ids.c}?corrected=1`);
      const versions = await heard.db
        .selectFrom('voice_versions')
        .select(['version', 'text', 'reason'])
        .where('voice_id', '=', ids.c)
        .orderBy('version')
        .execute();
      expect(versions).toEqual([
        { version: 1, text: 'My mum came home to an empty fridge.', reason: '' },
        {
          version: 2,
          text: 'My mum came home to an empty fridge and no heating.',
          reason: 'She asked us to add the heating.',
        },
      ]);
      expect(await auditCount('voice_corrected', ids.c)).toBe(1);

      const page = visibleText((await advocate.get(`${voicesUrl()}/${ids.c}?corrected=1`)).body);
      expect(page).toContain('Correction saved');
      expect(page).toMatch(
        /Now \(version 2\) Words My mum came home to an empty fridge and no heating\./,
      );
      expect(page).toMatch(/Earlier \(version 1\) Words My mum came home to an empty fridge\. /);
      expect(page).toContain('She asked us to add the heating.');

      // The new words were checked again and read as possible neglect: the flag keeps the voice
      // from council roles until the named person decides.
      const council = await signedIn(DEMO.officer);
      const councilText = visibleText((await council.get(voicesUrl())).body);
      expect(councilText).not.toContain('empty fridge');
      const flagged = await heard.db
        .selectFrom('voices')
        .select('triage_state')
        .where('id', '=', ids.c)
        .executeTakeFirstOrThrow();
      expect(flagged.triage_state).toBe('safeguarding_flagged');

      const withdrawn = `${voicesUrl()}/${ids.d}/correct`;
      expect((await advocate.get(withdrawn)).statusCode).toBe(409);
      const home = await advocate.get('/home');
      const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      const refused = await advocate.post(withdrawn, {
        text: 'New words',
        isSummary: 'words',
        reason: 'Trying',
        _csrf: token,
      });
      expect(refused.statusCode).toBe(409);
      expect(
        await heard.db
          .selectFrom('voice_versions')
          .select('id')
          .where('voice_id', '=', ids.d)
          .execute(),
      ).toHaveLength(1);
    },
  );

  it.skipIf(skip)('gives voices through the API under the same rules and filters', async () => {
    const lead = await signedIn(DEMO.lead);
    const all = await lead.json('GET', `/api/v1${voicesUrl()}`);
    expect(all.statusCode).toBe(200);
    const advocacy = all.json<{ view: string; voices: Record<string, unknown>[] }>();
    expect(advocacy.view).toBe('advocacy');
    expect(advocacy.voices).toHaveLength(4);
    expect(advocacy.voices.find((voice) => voice.id === ids.a)).toMatchObject({
      sessionId,
      channel: 'session',
      consentUse: true,
      helpGiven: ['scribe'],
    });
    expect(advocacy.voices.find((voice) => voice.id === ids.d)).toBeUndefined();

    const carers = await lead.json(
      'GET',
      `/api/v1${voicesUrl()}?perspective=family_carer&from=2026-11-27`,
    );
    expect(carers.json<{ voices: unknown[] }>().voices).toHaveLength(1);

    const officer = await signedIn(DEMO.officer);
    const council = (await officer.json('GET', `/api/v1${voicesUrl()}`)).json<{
      view: string;
      voices: Record<string, unknown>[];
    }>();
    expect(council.view).toBe('council');
    // c's corrected words were flagged for safeguarding (see the correction test).
    expect(council.voices.map((voice) => voice.id).sort()).toEqual([ids.a, ids.b].sort());
    for (const voice of council.voices)
      expect(Object.keys(voice).sort()).toEqual(DEIDENTIFIED_KEYS);

    expect((await lead.json('GET', `/api/v1${voicesUrl()}?perspective=alien`)).statusCode).toBe(
      400,
    );
    expect((await lead.json('GET', `/api/v1${voicesUrl()}?from=2026-13-01`)).statusCode).toBe(400);
    const docs = (await lead.get('/api/docs')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(docs.paths)).toContain('/api/v1/engagements/{engagementId}/voices');
  });

  it.skipIf(skip)(
    'pages the API under the same rules, with totals, links that keep the filters, and the look audited',
    async () => {
      interface Paged {
        view: string;
        voices: Record<string, unknown>[];
        page: number;
        perPage: number;
        total: number;
        pages: number;
      }
      const url = `/api/v1${voicesUrl()}`;
      const lead = await signedIn(DEMO.lead);
      const whole = await lead.json('GET', url);
      expect(whole.json<Paged>()).toMatchObject({ page: 1, perPage: 100, total: 4, pages: 1 });
      expect(whole.headers.link).toBeUndefined();
      const order = whole.json<Paged>().voices.map((voice) => voice.id);
      expect(order).toHaveLength(4);

      const looks = async () =>
        heard.db
          .selectFrom('audit_events')
          .select(['id', 'actor_user_id', 'record_type', 'organisation_id', 'details'])
          .where('action', '=', 'voices_viewed')
          .where('record_id', '=', listening.id)
          .execute();
      const seenBefore = new Set((await looks()).map((look) => look.id));

      // The filter matches every voice, so the pages split the whole list.
      const filtered = `${url}?to=2026-12-31&perPage=2`;
      const first = await lead.json('GET', filtered);
      expect(first.statusCode).toBe(200);
      expect(first.json<Paged>()).toMatchObject({ page: 1, perPage: 2, total: 4, pages: 2 });
      expect(first.json<Paged>().voices.map((voice) => voice.id)).toEqual(order.slice(0, 2));
      expect(first.headers.link).toBe(`<${url}?to=2026-12-31&perPage=2&page=2>; rel="next"`);

      const second = await lead.json('GET', `${filtered}&page=2`);
      expect(second.json<Paged>()).toMatchObject({ page: 2, total: 4, pages: 2 });
      expect(second.json<Paged>().voices.map((voice) => voice.id)).toEqual(order.slice(2, 4));
      expect(second.headers.link).toBe(`<${url}?to=2026-12-31&perPage=2&page=1>; rel="prev"`);

      // Each look is audited as the unpaged list's was: who, which engagement, how many matched.
      const added = (await looks()).filter((look) => !seenBefore.has(look.id));
      expect(added).toHaveLength(2);
      for (const look of added) {
        expect(look.record_type).toBe('engagement');
        expect(look.actor_user_id).toEqual(expect.any(String));
        expect(look.organisation_id).toEqual(expect.any(String));
        expect(JSON.parse(look.details)).toEqual({ count: 4 });
      }

      // Past the end: no voices, not an error, and the way back to the last page.
      const past = await lead.json('GET', `${url}?perPage=3&page=5`);
      expect(past.statusCode).toBe(200);
      expect(past.json<Paged>()).toMatchObject({
        voices: [],
        page: 5,
        perPage: 3,
        total: 4,
        pages: 2,
      });
      expect(past.headers.link).toBe(`<${url}?perPage=3&page=2>; rel="prev"`);

      // Council roles: only de-identified voices with consent to use, and totals of just those.
      const officer = await signedIn(DEMO.officer);
      const councilFirst = await officer.json('GET', `${url}?perPage=1`);
      expect(councilFirst.json<Paged>()).toMatchObject({
        view: 'council',
        page: 1,
        perPage: 1,
        total: 2,
        pages: 2,
      });
      expect(councilFirst.headers.link).toBe(`<${url}?perPage=1&page=2>; rel="next"`);
      const councilSecond = (await officer.json('GET', `${url}?perPage=1&page=2`)).json<Paged>();
      const councilIds = [councilFirst.json<Paged>(), councilSecond].flatMap((body) =>
        body.voices.map((voice) => voice.id),
      );
      expect(councilIds).toEqual(order.filter((id) => id === ids.a || id === ids.b));
      for (const voice of councilSecond.voices)
        expect(Object.keys(voice).sort()).toEqual(DEIDENTIFIED_KEYS);

      // A page number or size out of range says which and what to give instead.
      for (const [query, name, reason] of [
        ['page=0', 'page', 'Give page as a whole number from 1 up, for example page=2'],
        ['page=2.5', 'page', 'Give page as a whole number from 1 up, for example page=2'],
        [
          'perPage=501',
          'perPage',
          'Give perPage as a whole number from 1 to 500, for example perPage=100',
        ],
        [
          'perPage=0',
          'perPage',
          'Give perPage as a whole number from 1 to 500, for example perPage=100',
        ],
        [
          'perPage=lots',
          'perPage',
          'Give perPage as a whole number from 1 to 500, for example perPage=100',
        ],
      ] as const) {
        const refused = await lead.json('GET', `${url}?${query}`);
        expect(refused.statusCode, query).toBe(400);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.json<{ invalidParams: unknown[] }>().invalidParams, query).toEqual([
          { name, reason },
        ]);
      }

      const docs = (await lead.get('/api/docs')).json<{
        paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: unknown } }>;
      }>();
      const described = docs.paths['/api/v1/engagements/{engagementId}/voices']?.get;
      expect(described?.parameters?.map((parameter) => parameter.name)).toEqual(
        expect.arrayContaining(['page', 'perPage', 'perspective']),
      );
      for (const field of ['"page"', '"perPage"', '"total"', '"pages"'])
        expect(JSON.stringify(described?.responses)).toContain(field);
    },
  );

  it.skipIf(skip)(
    'shows a long list a page at a time, keeping the filters, and the CSV whole',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const api = `/api/v1/engagements/${listening.id}/sessions/${sessionId}/voices`;
      for (let n = 1; n <= 60; n++) {
        const recorded = await advocate.json(
          'POST',
          api,
          voiceBody(listening.promptIds[0] ?? '', {
            text: `Provider view number ${String(n)} about the day centre`,
            perspective: 'provider',
          }),
        );
        expect(recorded.statusCode).toBe(201);
      }
      const lead = await signedIn(DEMO.lead);
      const first = await lead.get(`${voicesUrl()}?perspective=provider`);
      const firstText = visibleText(first.body);
      expect(firstText).toContain('Voices found: 60');
      expect(firstText).toContain('Showing voices 1 to 50 of 60');
      expect(firstText).toContain('Provider view number 50 about');
      expect(firstText).not.toContain('Provider view number 51 about');
      expect(first.body).toContain(
        `href="/engagements/${listening.id}/voices?perspective=provider&amp;page=2"`,
      );

      const second = visibleText(
        (await lead.get(`${voicesUrl()}?perspective=provider&page=2`)).body,
      );
      expect(second).toContain('Showing voices 51 to 60 of 60');
      expect(second).toContain('Provider view number 60 about');
      expect(second).not.toContain('Provider view number 50 about');
      // A page past the end shows the last one; a broken page number, the first.
      expect(
        visibleText((await lead.get(`${voicesUrl()}?perspective=provider&page=7`)).body),
      ).toContain('Showing voices 51 to 60 of 60');
      expect(
        visibleText((await lead.get(`${voicesUrl()}?perspective=provider&page=x`)).body),
      ).toContain('Showing voices 1 to 50 of 60');

      const csv = await lead.get(`${voicesUrl()}.csv?perspective=provider&page=2`);
      expect(parseCsv(csv.body)).toHaveLength(61);

      const officer = await signedIn(DEMO.officer);
      const council = visibleText(
        (await officer.get(`${voicesUrl()}?perspective=provider&page=2`)).body,
      );
      expect(council).toContain('Showing voices 51 to 60 of 60');
    },
  );
});
