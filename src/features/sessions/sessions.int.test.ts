import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOutsideLead,
  sessionForm,
  voiceBody,
  voiceForm,
} from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { setPhase } from '../engagements/index.ts';

describe.each(testDatabases)('advocate-run sessions on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let closed: ListeningEngagement;
  let closedSessionId: string;
  let outsider: string;
  const skip = database.skipReason !== undefined;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const count = async (
    table: 'listening_sessions' | 'voices' | 'participants' | 'participant_contacts',
  ) =>
    Number(
      (
        await heard.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const totals = async () => ({
    sessions: await count('listening_sessions'),
    voices: await count('voices'),
    participants: await count('participants'),
    contacts: await count('participant_contacts'),
  });

  const sessionsOf = (engagement: ListeningEngagement) => `/engagements/${engagement.id}/sessions`;

  /** Records a session through the form and returns its address. */
  const recordSession = async (browser: Browser, fields: Record<string, string> = {}) => {
    const page = `${sessionsOf(listening)}/new`;
    const response = await browser.submit(page, page, sessionForm(fields));
    expect(response.statusCode).toBe(303);
    const location = response.headers.location ?? '';
    expect(location).toMatch(/\?recorded=session$/);
    return location.replace(/\?.*$/, '');
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    closed = await startListening(heard.db);
    outsider = await addOutsideLead(heard.db);
    // A session held while the second engagement listened; then it closed.
    const lead = await signedIn(DEMO.lead);
    const response = await lead.json('POST', `/api/v1${sessionsOf(closed)}`, {
      kind: 'drop_in',
      heldOn: '2026-11-20',
      place: 'Market Hall',
      attendance: { lived_experience: 3 },
    });
    expect(response.statusCode).toBe(201);
    closedSessionId = response.json<{ id: string }>().id;
    await setPhase(heard.db, closed.id, 'closed', '2026-11-26T09:00:00.000Z');
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'lets an advocate record a session and two voices on behalf, each on the record',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const list = await advocate.get(sessionsOf(listening));
      expect(list.statusCode).toBe(200);
      expect(visibleText(list.body)).toContain('Record a session');

      const sessionUrl = await recordSession(advocate);
      const sessionId = sessionUrl.split('/').pop() ?? '';
      const saved = await heard.db
        .selectFrom('listening_sessions')
        .selectAll()
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(saved).toMatchObject({
        engagement_id: listening.id,
        kind: 'group',
        held_on: '2026-11-12',
        place: 'Eastvale Library',
        notes: 'A quiet morning. Tea helped.',
      });
      expect(JSON.parse(saved.attendance)).toEqual({
        lived_experience: 4,
        family_carer: 2,
        professional: 0,
        provider: 0,
        community_member: 0,
      });

      const first = await advocate.get(`${sessionUrl}?recorded=session`);
      const firstText = visibleText(first.body);
      expect(firstText).toContain('Session saved');
      expect(firstText).toContain('Group, 12 November 2026, Eastvale Library');
      expect(firstText).toContain('Everyone: 6');
      expect(firstText).toContain('Run by Sam Reid');
      expect(firstText).toContain('Add a voice');

      const newVoice = `${sessionUrl}/voices/new`;
      const one = await advocate.submit(
        newVoice,
        newVoice,
        voiceForm(listening.promptIds[0] ?? '', {
          contactRoute: 'email',
          contactEmail: ' Ann.Jones@Example.org ',
        }),
      );
      expect(one.statusCode).toBe(303);
      // The voice is named, so the page can offer the optional questions about its person.
      expect(one.headers.location).toMatch(
        new RegExp(`^${sessionUrl}\\?recorded=voice&voice=[0-9a-f-]{36}$`),
      );
      const two = await advocate.submit(
        newVoice,
        newVoice,
        voiceForm(listening.promptIds[1] ?? '', {
          text: 'He said the ward staff should tell families the discharge date sooner.',
          isSummary: 'summary',
          perspective: 'family_carer',
          helpGiven: ['interpreter', 'summarising'],
          whoseView: 'spoken_for',
          consentQuote: 'no',
          consentGivenBy: 'sign_language',
        }),
      );
      expect(two.statusCode).toBe(303);

      const after = await advocate.get(`${sessionUrl}?recorded=voice`);
      const afterText = visibleText(after.body);
      expect(afterText).toContain('Voice saved.');
      expect(afterText).toContain('Add another voice');
      expect(afterText).toContain('I waited three weeks for someone to call me back.');
      expect(afterText).toContain('This is a summary, not their exact words.');

      const voices = await heard.db
        .selectFrom('voices')
        .innerJoin('voice_versions', 'voice_versions.voice_id', 'voices.id')
        .innerJoin('participants', 'participants.id', 'voices.participant_id')
        .selectAll('voices')
        .select(['voice_versions.text', 'voice_versions.is_summary', 'participants.perspective'])
        .where('voices.session_id', '=', sessionId)
        .orderBy('voices.created_at')
        .orderBy('voices.id')
        .execute();
      expect(voices).toHaveLength(2);
      const advocateId = (await advocate.json('GET', '/api/v1/me')).json<{ userId: string }>()
        .userId;
      expect(voices[0]).toMatchObject({
        channel: 'session',
        captured_by_id: advocateId,
        help_given: '["scribe"]',
        whose_view: 'own',
        consent_use: 1,
        consent_quote: 1,
        consent_given_by: 'spoken',
        is_summary: 0,
        perspective: 'lived_experience',
      });
      expect(voices[1]).toMatchObject({
        help_given: '["interpreter","summarising"]',
        whose_view: 'spoken_for',
        consent_quote: 0,
        consent_given_by: 'sign_language',
        is_summary: 1,
        perspective: 'family_carer',
      });
      const contact = await heard.db
        .selectFrom('participant_contacts')
        .selectAll()
        .where('participant_id', '=', voices[0]?.participant_id ?? '')
        .executeTakeFirstOrThrow();
      expect(contact).toMatchObject({ route: 'email', detail: 'ann.jones@example.org' });

      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', 'in', ['session_recorded', 'voice_recorded'])
        .where('details', 'like', `%${listening.id}%`)
        .execute();
      expect(audit.filter((row) => row.action === 'session_recorded')).toHaveLength(1);
      expect(audit.filter((row) => row.action === 'voice_recorded')).toHaveLength(2);
      // The audit trail holds ids and counts, never what was said or how to reach the person.
      for (const row of audit) {
        expect(row.details).not.toContain('three weeks');
        expect(row.details).not.toContain('ann.jones');
        expect(row.details).not.toContain('Tea helped');
      }

      const listAfter = visibleText((await advocate.get(sessionsOf(listening))).body);
      expect(listAfter).toMatch(/Group, 12 November 2026, Eastvale Library 6 2/);
    },
  );

  it.skipIf(skip)(
    'explains each problem with a session beside its field, keeps what was typed and saves nothing',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const page = `${sessionsOf(listening)}/new`;
      const before = await totals();

      const empty = await lead.submit(page, page, {});
      expect(empty.statusCode).toBe(400);
      const emptyText = visibleText(empty.body);
      expect(emptyText).toContain('Select the kind of session');
      expect(emptyText).toContain('Enter the date of the session');
      expect(emptyText).toContain('Enter where the session was held');
      expect(emptyText).toContain('Enter how many people came to the session');
      expect(empty.body).toContain('href="#heldOn-day"');
      expect(empty.body).toContain('href="#attendance-lived_experience"');

      const wrong = await lead.submit(
        page,
        page,
        sessionForm({
          'heldOn-day': '31',
          'heldOn-month': '2',
          'attendance-family_carer': '2.5',
          'attendance-provider': '1001',
          place: 'Ward 7 day room',
        }),
      );
      expect(wrong.statusCode).toBe(400);
      const wrongText = visibleText(wrong.body);
      expect(wrongText).toContain('Enter a real date');
      expect(wrongText).toContain('Enter the number of people as a whole number from 0 to 1,000');
      expect(wrong.body).toContain('href="#attendance-family_carer"');
      expect(wrong.body).toMatch(/govuk-input--error" id="attendance-family_carer"/);
      expect(wrong.body).toMatch(/govuk-input--error" id="attendance-provider"/);
      expect(wrong.body).not.toMatch(/govuk-input--error" id="attendance-lived_experience"/);
      expect(wrong.body).toContain('value="Ward 7 day room"');
      expect(wrong.body).toContain('value="2.5"');
      expect(wrong.body).toContain('A quiet morning. Tea helped.');

      const future = await lead.submit(page, page, sessionForm({ 'heldOn-day': '27' }));
      expect(future.statusCode).toBe(400);
      expect(visibleText(future.body)).toContain(
        'The date of the session must be today or in the past',
      );

      const negative = await lead.submit(
        page,
        page,
        sessionForm({ 'attendance-professional': '-1' }),
      );
      expect(negative.statusCode).toBe(400);
      expect(await totals()).toEqual(before);
    },
  );

  it.skipIf(skip)(
    'explains each problem with a voice beside its field, keeps the words and saves nothing',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const sessionUrl = await recordSession(advocate, { kind: 'one_to_one' });
      const page = `${sessionUrl}/voices/new`;
      const promptId = listening.promptIds[0] ?? '';
      const before = await totals();

      const empty = await advocate.submit(page, page, voiceForm(promptId, { text: '   ' }));
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain('Write what the person said');
      expect(empty.body).toContain('href="#text"');

      const long = 'word '.repeat(1000) + 'x';
      const tooLong = await advocate.submit(page, page, voiceForm(promptId, { text: long }));
      expect(tooLong.statusCode).toBe(400);
      expect(visibleText(tooLong.body)).toContain(
        'What the person said must be 5,000 characters or fewer',
      );
      expect(tooLong.body).toContain(long.trim().slice(0, 200));

      const noConsent = await advocate.submit(
        page,
        page,
        voiceForm(promptId, { consentUse: '', text: 'Nobody told me who to ring.' }),
      );
      expect(noConsent.statusCode).toBe(400);
      expect(visibleText(noConsent.body)).toContain(
        'You can only record what someone said if they agreed we can use it',
      );
      expect(noConsent.body).toContain('Nobody told me who to ring.');
      expect(noConsent.body).toContain('href="#consentUse"');

      const noDetail = await advocate.submit(
        page,
        page,
        voiceForm(promptId, {
          contactRoute: 'email',
          contactEmail: '',
          helpGiven: ['scribe', 'reading_aloud'],
        }),
      );
      expect(noDetail.statusCode).toBe(400);
      expect(visibleText(noDetail.body)).toContain('Enter their email address');
      expect(noDetail.body).toContain('href="#contactEmail"');
      expect(noDetail.body).toMatch(/value="email" checked/);
      expect(noDetail.body).toMatch(/value="reading_aloud" checked/);

      const badPhone = await advocate.submit(
        page,
        page,
        voiceForm(promptId, { contactRoute: 'text', contactPhone: '12345' }),
      );
      expect(badPhone.statusCode).toBe(400);
      expect(visibleText(badPhone.body)).toContain('Enter a UK mobile number');
      expect(badPhone.body).toContain('value="12345"');

      const missing = await advocate.submit(page, page, { promptId: '', text: 'Some words' });
      expect(missing.statusCode).toBe(400);
      const missingText = visibleText(missing.body);
      for (const message of [
        'Select the question this answers',
        'Say whether these are the words as said or a summary',
        'Select who the person is answering as',
        "Say whether this is the person's own view",
        'Say whether we can quote their words',
        'Say how the person gave their consent',
      ])
        expect(missingText).toContain(message);

      // A question from another engagement is a problem with the form, not a lost page.
      const elsewhere = await advocate.submit(page, page, voiceForm(closed.promptIds[0] ?? ''));
      expect(elsewhere.statusCode).toBe(400);
      expect(visibleText(elsewhere.body)).toContain('Select the question this answers');
      expect(elsewhere.body).toContain('I waited three weeks');

      expect(await totals()).toEqual(before);
    },
  );

  it.skipIf(skip)(
    'takes no sessions or voices once the engagement has closed, and says so plainly',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const before = await totals();

      const list = await lead.get(sessionsOf(closed));
      expect(list.statusCode).toBe(200);
      const listText = visibleText(list.body);
      expect(listText).toContain(
        'You can record sessions only while the engagement is listening. It is now: Closed.',
      );
      expect(listText).not.toContain('Record a session');
      expect(listText).toContain('Drop-in, 20 November 2026, Market Hall 3 0');

      const form = await lead.get(`${sessionsOf(closed)}/new`);
      expect(form.statusCode).toBe(409);
      expect(visibleText(form.body)).toContain('You cannot add to this engagement now');

      // The form was open before the engagement closed: the post is refused all the same.
      const openForm = await lead.get(`${sessionsOf(listening)}/new`);
      const token = /name="_csrf" value="([^"]+)"/.exec(openForm.body)?.[1] ?? '';
      const post = await lead.post(`${sessionsOf(closed)}/new`, { ...sessionForm(), _csrf: token });
      expect(post.statusCode).toBe(409);
      expect(visibleText(post.body)).toContain('This engagement is now: Closed.');

      const closedSession = `${sessionsOf(closed)}/${closedSessionId}`;
      const session = await lead.get(closedSession);
      expect(session.statusCode).toBe(200);
      expect(visibleText(session.body)).not.toContain('Add a voice');
      expect((await lead.get(`${closedSession}/voices/new`)).statusCode).toBe(409);
      const voice = await lead.post(`${closedSession}/voices/new`, {
        ...voiceForm(closed.promptIds[0] ?? ''),
        _csrf: token,
      });
      expect(voice.statusCode).toBe(409);

      const api = await lead.json('POST', `/api/v1${sessionsOf(closed)}`, {
        kind: 'phone',
        heldOn: '2026-11-25',
        place: 'By phone',
        attendance: { family_carer: 1 },
      });
      expect(api.statusCode).toBe(409);
      expect(api.headers['content-type']).toContain('application/problem+json');
      const apiVoice = await lead.json(
        'POST',
        `/api/v1${closedSession}/voices`,
        voiceBody(closed.promptIds[0] ?? ''),
      );
      expect(apiVoice.statusCode).toBe(409);

      expect(await totals()).toEqual(before);
    },
  );

  it.skipIf(skip)(
    'answers "not found" for unknown ids and sessions of another engagement',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const missingEngagement = '/engagements/0190f0f0-0000-7000-8000-000000000000/sessions';
      expect((await lead.get(missingEngagement)).statusCode).toBe(404);
      expect((await lead.get(`${missingEngagement}/new`)).statusCode).toBe(404);
      expect((await lead.get(`${sessionsOf(listening)}/no-such-session`)).statusCode).toBe(404);
      expect(
        (await lead.get(`${sessionsOf(listening)}/no-such-session/voices/new`)).statusCode,
      ).toBe(404);
      // A real session, asked for through another engagement's address.
      expect((await lead.get(`${sessionsOf(listening)}/${closedSessionId}`)).statusCode).toBe(404);
      expect(
        (await lead.get(`${sessionsOf(listening)}/${closedSessionId}/voices/new`)).statusCode,
      ).toBe(404);
      const api = await lead.json(
        'POST',
        `/api/v1${sessionsOf(listening)}/${closedSessionId}/voices`,
        voiceBody(listening.promptIds[0] ?? ''),
      );
      expect(api.statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    'tells someone from another organisation the sessions do not exist, and saves nothing',
    async () => {
      const stranger = await signedIn(outsider);
      const before = await totals();
      const sessionUrl = `${sessionsOf(closed)}/${closedSessionId}`;
      for (const url of [
        sessionsOf(listening),
        `${sessionsOf(listening)}/new`,
        sessionUrl,
        `/api/v1${sessionsOf(listening)}`,
      ]) {
        const response = await (url.startsWith('/api/')
          ? stranger.json('GET', url)
          : stranger.get(url));
        expect(response.statusCode, url).toBe(404);
      }
      const home = await stranger.get('/home');
      const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      const post = await stranger.post(`${sessionsOf(listening)}/new`, {
        ...sessionForm(),
        _csrf: token,
      });
      expect(post.statusCode).toBe(404);
      const api = await stranger.json('POST', `/api/v1${sessionsOf(listening)}`, {
        kind: 'group',
        heldOn: '2026-11-20',
        place: 'Somewhere',
        attendance: { lived_experience: 1 },
      });
      expect(api.statusCode).toBe(404);
      expect(await totals()).toEqual(before);
    },
  );

  it.skipIf(skip)(
    "refuses council roles the advocacy organisation's sessions, with a 403",
    async () => {
      const sessionUrl = `${sessionsOf(closed)}/${closedSessionId}`;
      for (const email of [DEMO.officer, DEMO.decisionMaker]) {
        const council = await signedIn(email);
        const before = await totals();
        for (const url of [
          sessionsOf(listening),
          `${sessionsOf(listening)}/new`,
          sessionUrl,
          `${sessionUrl}/voices/new`,
        ]) {
          expect((await council.get(url)).statusCode, `${email} ${url}`).toBe(403);
        }
        const home = await council.get('/home');
        const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
        const post = await council.post(`${sessionsOf(listening)}/new`, {
          ...sessionForm(),
          _csrf: token,
        });
        expect(post.statusCode).toBe(403);
        expect(visibleText(post.body)).toContain('Your account does not let you use this page');
        expect((await council.json('GET', `/api/v1${sessionsOf(listening)}`)).statusCode).toBe(403);
        expect(await totals()).toEqual(before);
      }
    },
  );

  it.skipIf(skip)('records sessions and voices through the API, with the same checks', async () => {
    const advocate = await signedIn(DEMO.advocate);
    const created = await advocate.json('POST', `/api/v1${sessionsOf(listening)}`, {
      kind: 'home_visit',
      heldOn: '2026-11-25',
      place: 'Northtown',
      attendance: { lived_experience: 1, family_carer: '1' },
      notes: 'Met at home with her son.',
    });
    expect(created.statusCode).toBe(201);
    const sessionId = created.json<{ id: string }>().id;

    const voice = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      voiceBody(listening.promptIds[1] ?? '', {
        contact: { contactRoute: 'text', contactPhone: '07700 900 982' },
      }),
    );
    expect(voice.statusCode).toBe(201);
    const voiceId = voice.json<{ id: string }>().id;
    const saved = await heard.db
      .selectFrom('voices')
      .innerJoin(
        'participant_contacts',
        'participant_contacts.participant_id',
        'voices.participant_id',
      )
      .select(['voices.session_id', 'participant_contacts.route', 'participant_contacts.detail'])
      .where('voices.id', '=', voiceId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ session_id: sessionId, route: 'text', detail: '07700900982' });
    // A person told by post can have their letters in Easy Read.
    const byPost = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      {
        ...voiceBody(listening.promptIds[1] ?? '', {
          contact: { contactRoute: 'post', contactAddress: '3 Church Row, Northtown' },
        }),
        letterFormat: 'easy-read',
      },
    );
    expect(byPost.statusCode).toBe(201);
    const letter = await heard.db
      .selectFrom('voices')
      .innerJoin(
        'participant_contacts',
        'participant_contacts.participant_id',
        'voices.participant_id',
      )
      .select(['participant_contacts.route', 'participant_contacts.format'])
      .where('voices.id', '=', byPost.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(letter).toEqual({ route: 'post', format: 'easy-read' });

    const list = await advocate.json('GET', `/api/v1${sessionsOf(listening)}`);
    expect(list.statusCode).toBe(200);
    const sessions =
      list.json<
        { id: string; kind: string; voices: number; attendance: Record<string, number> }[]
      >();
    const listed = sessions.find((session) => session.id === sessionId);
    expect(listed).toMatchObject({ kind: 'home_visit', voices: 2 });
    expect(listed?.attendance).toMatchObject({
      lived_experience: 1,
      family_carer: 1,
      professional: 0,
    });

    const before = await totals();
    const bad = await advocate.json('POST', `/api/v1${sessionsOf(listening)}`, {
      kind: 'group',
      heldOn: '2026-11-25',
      place: '',
      attendance: { lived_experience: 2.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const future = await advocate.json('POST', `/api/v1${sessionsOf(listening)}`, {
      kind: 'group',
      heldOn: '2027-01-01',
      place: 'Hall',
      attendance: { lived_experience: 2 },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ detail: string }>().detail).toBe(
      'The date of the session must be today or in the past',
    );
    const noConsent = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      voiceBody(listening.promptIds[1] ?? '', { consentUse: 'no' }),
    );
    expect(noConsent.statusCode).toBe(400);
    const tooLong = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      voiceBody(listening.promptIds[1] ?? '', { text: 'x'.repeat(5001) }),
    );
    expect(tooLong.statusCode).toBe(400);
    const noDetail = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      voiceBody(listening.promptIds[1] ?? '', { contact: { contactRoute: 'post' } }),
    );
    expect(noDetail.statusCode).toBe(400);
    const elsewhere = await advocate.json(
      'POST',
      `/api/v1${sessionsOf(listening)}/${sessionId}/voices`,
      voiceBody(closed.promptIds[0] ?? ''),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(await totals()).toEqual(before);

    const docs = (await advocate.get('/api/docs')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/engagements/{engagementId}/sessions',
        '/api/v1/engagements/{engagementId}/sessions/{sessionId}/voices',
      ]),
    );
  });
});
