import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { buildApp } from '../../app.ts';
import { testDatabases } from '../../../test/databases.ts';
import {
  CODE,
  type Fields,
  WORDS,
  answerAndSend,
  comeBack as comeBackFrom,
  csrfOf,
  goodAnswers,
} from '../../../test/public-door.ts';
import { LISTENING, startListening } from '../../../test/listening-engagement.ts';
import { insertEngagement, setPhase } from '../engagements/index.ts';
import { findContact, findParticipant, listVoices } from '../voices/index.ts';

describe.each(testDatabases)('the public door on $label', (database) => {
  let heard: TestApp;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  const count = async (engagementId: string) => {
    const participants = await heard.db
      .selectFrom('participants')
      .select('id')
      .where('engagement_id', '=', engagementId)
      .execute();
    const ids = participants.map((row) => row.id);
    const voices = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('engagement_id', '=', engagementId)
      .execute();
    const contacts =
      ids.length === 0
        ? []
        : await heard.db
            .selectFrom('participant_contacts')
            .select('participant_id')
            .where('participant_id', 'in', ids)
            .execute();
    return { participants: ids.length, voices: voices.length, contacts: contacts.length };
  };

  // Each test comes back from an address of its own: the rate limit counts per address.
  let addresses = 0;
  const comeBack = (browser: Browser, typed: string, address = `198.51.100.${++addresses}`) =>
    comeBackFrom(heard.app, browser, typed, address);

  const setCookie = (response: LightMyRequestResponse, name: string): string =>
    [response.headers['set-cookie'] ?? []].flat().find((header) => header.startsWith(`${name}=`)) ??
    '';

  it.skipIf(skip)(
    'shows what people need to know before they answer, with help now on every page',
    async () => {
      const engagement = await startListening(heard.db);
      const browser = new Browser(heard.app);

      const list = await browser.get('/take-part');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`href="/take-part/${engagement.id}"`);
      expect(visibleText(list.body)).toContain(engagement.title);

      const page = await browser.get(`/take-part/${engagement.id}`);
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      for (const words of [
        LISTENING.purposePlain,
        LISTENING.openToInfluence,
        LISTENING.alreadyDecided,
        LISTENING.statement,
        `${LISTENING.signerName}, ${LISTENING.signerRole}, Northshire Council`,
        `They will reply to what people say by ${LISTENING.respondByText}.`,
        LISTENING.questions[0].questionPlain,
        LISTENING.questions[1].questionPlain,
        `What your answers can change: ${LISTENING.questions[0].influences}`,
        'Northshire Independent Advocacy looks after what you tell us.',
        'at risk of harm, we will pass it on',
        'If you are in danger now, call 999.',
        "tell the council's adult social care team",
      ]) {
        expect(text).toContain(words);
      }
      expect(text).not.toContain(LISTENING.purposeEasyRead);
      expect(page.body).toContain('href="/privacy"');
      expect(page.body).toContain('href="/accessibility"');
      expect(page.body).toContain(`href="/take-part/${engagement.id}/answer"`);

      // Every page of the journey points to help now.
      for (const url of [
        '/take-part',
        `/take-part/${engagement.id}/answer`,
        '/take-part/return',
        '/your-answers/withdrawn',
      ]) {
        expect(visibleText((await browser.get(url)).body), url).toContain('call 999');
      }
    },
  );

  it.skipIf(skip)('switches to Easy Read and remembers the choice on the next pages', async () => {
    const engagement = await startListening(heard.db);
    const browser = new Browser(heard.app);

    const plain = await browser.get(`/take-part/${engagement.id}`);
    expect(plain.body).toContain('href="?format=easy-read"');
    expect(plain.body).not.toContain('heard-easy-read');

    const easy = await browser.get(`/take-part/${engagement.id}?format=easy-read`);
    expect(easy.statusCode).toBe(200);
    expect(browser.cookie('heard_format')).toBe('easy-read');
    const easyText = visibleText(easy.body);
    expect(easyText).toContain(LISTENING.purposeEasyRead);
    expect(easyText).toContain(LISTENING.questions[0].questionEasyRead);
    expect(easyText).toContain('If you or someone else might get hurt');
    expect(easyText).not.toContain(LISTENING.purposePlain);
    expect(easy.body).toContain('heard-easy-read');
    expect(easy.body).toMatch(/href="\?format=easy-read" aria-current="true"/);

    const form = await browser.get(`/take-part/${engagement.id}/answer`);
    expect(visibleText(form.body)).toContain(LISTENING.questions[1].questionEasyRead);
    expect(form.body).toContain('heard-easy-read');

    const back = await browser.get(`/take-part/${engagement.id}?format=plain`);
    expect(browser.cookie('heard_format')).toBe('plain');
    expect(visibleText(back.body)).toContain(LISTENING.purposePlain);
    expect(back.body).not.toContain('heard-easy-read');
  });

  it.skipIf(skip)(
    'takes answers through a check page, saves them on Send, and shows a code kept out of the address',
    async () => {
      const engagement = await startListening(heard.db);
      const browser = new Browser(heard.app);
      const form = `/take-part/${engagement.id}/answer`;
      const fields = goodAnswers(engagement);

      const check = await browser.submit(form, form, fields);
      expect(check.statusCode).toBe(200);
      const checkText = visibleText(check.body);
      expect(checkText).toContain('Check your answers before you send them');
      expect(checkText).toContain('I care for a family member or friend');
      expect(checkText).toContain('The district nurse came the next morning.');
      expect(checkText).toContain('By email: carer@example.org');
      expect(checkText).not.toContain(LISTENING.questions[1].questionPlain);
      expect(check.body).toContain('name="perspective" value="family_carer"');
      expect(await count(engagement.id)).toEqual({ participants: 0, voices: 0, contacts: 0 });

      // "Change" brings the form back as it was typed.
      const change = await browser.post(`/take-part/${engagement.id}/change`, {
        ...fields,
        _csrf: csrfOf(check.body),
      });
      expect(change.statusCode).toBe(200);
      expect(change.body).toContain(`>${WORDS}</textarea>`);
      expect(change.body).toMatch(/value="family_carer" checked/);
      expect(change.body).toMatch(/value="email" checked/);
      expect(change.body).toContain('value="Carer@Example.org"');
      expect(await count(engagement.id)).toEqual({ participants: 0, voices: 0, contacts: 0 });

      const sent = await browser.post(`/take-part/${engagement.id}/send`, {
        ...fields,
        _csrf: csrfOf(change.body),
      });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/take-part/${engagement.id}/sent`);
      const cookie = setCookie(sent, 'heard_reference');
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(new RegExp(`Path=/take-part/${engagement.id}/sent`));
      expect(cookie).toMatch(/Max-Age=\d+/);

      const confirmation = await browser.get(`/take-part/${engagement.id}/sent`);
      expect(confirmation.statusCode).toBe(200);
      expect(confirmation.headers['cache-control']).toBe('no-store');
      const confirmationText = visibleText(confirmation.body);
      expect(confirmationText).toContain('Your answers have been sent');
      expect(confirmationText).toContain('Keep this code');
      const code = CODE.exec(confirmationText)?.[0] ?? '';
      expect(code).not.toBe('');
      expect(sent.headers.location).not.toContain(code);
      // The cookie is signed: its code cannot be read off or swapped without the secret.
      expect(browser.cookie('heard_reference')).not.toBe(`${engagement.id}:${code}`);

      expect(await count(engagement.id)).toEqual({ participants: 1, voices: 1, contacts: 1 });
      const [voice] = await listVoices(heard.db, engagement.id);
      expect(voice).toMatchObject({
        text: WORDS,
        perspective: 'family_carer',
        channel: 'online',
        consentUse: true,
        consentQuote: false,
        promptId: engagement.promptIds[0],
      });
      expect(await findContact(heard.db, voice?.participantId ?? '')).toEqual({
        route: 'email',
        detail: 'carer@example.org',
      });
      const audit = await heard.db
        .selectFrom('audit_events')
        .selectAll()
        .where('record_id', '=', voice?.participantId ?? '')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['voices_submitted']);
      expect(JSON.stringify(audit)).not.toContain('district nurse');
      expect(JSON.stringify(audit)).not.toContain('carer@example.org');

      // Another browser, or this one for another engagement, is not shown the code.
      const stranger = await new Browser(heard.app).get(`/take-part/${engagement.id}/sent`);
      expect(visibleText(stranger.body)).toContain('We cannot show your reference code again');
      expect(visibleText(stranger.body)).not.toMatch(CODE);
      const other = await startListening(heard.db);
      const elsewhere = await browser.get(`/take-part/${other.id}/sent`);
      expect(visibleText(elsewhere.body)).not.toContain(code);
    },
  );

  it.skipIf(skip)(
    'lets a person come back with their code to see, add to, change how to tell them, and withdraw',
    async () => {
      const engagement = await startListening(heard.db);
      const code = await answerAndSend(new Browser(heard.app), engagement);
      const browser = new Browser(heard.app);

      const before = await browser.get('/your-answers');
      expect(before.statusCode).toBe(303);
      expect(before.headers.location).toBe('/take-part/return');

      // Case, spaces and dashes do not matter.
      const back = await comeBack(browser, ` ${code.replace(/-/g, '').toLowerCase()} `);
      expect(back.statusCode).toBe(303);
      expect(back.headers.location).toBe('/your-answers');
      const cookie = setCookie(back, 'heard_participant');
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/your-answers/);

      const mine = await browser.get('/your-answers');
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['cache-control']).toBe('no-store');
      let text = visibleText(mine.body);
      expect(text).toContain(engagement.title);
      expect(text).toContain(LISTENING.questions[0].questionPlain);
      expect(text).toContain('The district nurse came the next morning.');
      expect(text).toContain('I care for a family member or friend');
      expect(text).toContain('By email: carer@example.org');

      const [first = '', second = ''] = engagement.promptIds;
      const added = await browser.submit('/your-answers/add', '/your-answers/add', {
        [`answer-${second}`]: 'Nobody told us about the equipment.',
      });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/your-answers?done=added');
      text = visibleText((await browser.get('/your-answers?done=added')).body);
      expect(text).toContain('Your new answers have been sent.');
      expect(text).toContain('Nobody told us about the equipment.');
      const participantId = (await listVoices(heard.db, engagement.id))[0]?.participantId ?? '';
      const voices = await listVoices(heard.db, engagement.id, { participantId });
      expect(voices.map((voice) => voice.promptId)).toEqual([first, second]);
      expect(voices[1]?.consentQuote).toBe(false);

      const contactPage = await browser.get('/your-answers/contact');
      expect(contactPage.body).toMatch(/value="email" checked/);
      expect(contactPage.body).toContain('value="carer@example.org"');
      const badPhone = await browser.submit('/your-answers/contact', '/your-answers/contact', {
        contactRoute: 'text',
        contactPhone: '0123',
      });
      expect(badPhone.statusCode).toBe(400);
      expect(visibleText(badPhone.body)).toContain('Enter a UK mobile number');
      expect(badPhone.body).toContain('value="0123"');
      expect(await findContact(heard.db, participantId)).toEqual({
        route: 'email',
        detail: 'carer@example.org',
      });
      const changed = await browser.submit('/your-answers/contact', '/your-answers/contact', {
        contactRoute: 'text',
        contactPhone: '07700 900 982',
      });
      expect(changed.statusCode).toBe(303);
      expect(await findContact(heard.db, participantId)).toEqual({
        route: 'text',
        detail: '07700900982',
      });

      const explain = await browser.get('/your-answers/withdraw');
      text = visibleText(explain.body);
      expect(text).toContain('what you said is taken out of every list, count and summary');
      expect(text).toContain('The law says we must keep that record');
      const withdrawn = await browser.submit(
        '/your-answers/withdraw',
        '/your-answers/withdraw',
        {},
      );
      expect(withdrawn.statusCode).toBe(303);
      expect(withdrawn.headers.location).toBe('/your-answers/withdrawn');
      expect(browser.cookie('heard_participant')).toBeUndefined();
      expect(visibleText((await browser.get('/your-answers/withdrawn')).body)).toContain(
        'You have withdrawn your answers',
      );

      expect(await listVoices(heard.db, engagement.id)).toEqual([]);
      expect(await listVoices(heard.db, engagement.id, { participantId })).toEqual([]);
      expect(await findContact(heard.db, participantId)).toBeUndefined();
      expect((await findParticipant(heard.db, { id: participantId }))?.withdrawnAt).not.toBeNull();
      const actions = await heard.db
        .selectFrom('audit_events')
        .select('action')
        .where('record_id', '=', participantId)
        .orderBy('id')
        .execute();
      expect(actions.map((row) => row.action)).toEqual([
        'voices_submitted',
        'voices_added',
        'contact_changed',
        'participant_withdrew',
      ]);

      // The code stops working, and the page will not come back.
      const again = await comeBack(new Browser(heard.app), code);
      expect(again.statusCode).toBe(400);
      expect(visibleText(again.body)).toContain('We cannot find that reference code');
      expect((await browser.get('/your-answers')).statusCode).toBe(303);
    },
  );

  it.skipIf(skip)(
    'refuses each bad answer with a message beside its field, keeps what was typed and saves nothing',
    async () => {
      const engagement = await startListening(heard.db);
      const [first = '', second = ''] = engagement.promptIds;
      const tooLong = `${'a'.repeat(4990)} ${'b'.repeat(10)}`;
      const cases: [string, Fields, string, string][] = [
        [
          'no answers',
          { [`answer-${first}`]: '', [`answer-${second}`]: '  ' },
          `answer-${first}`,
          'Answer at least one question',
        ],
        [
          'an answer over 5,000 characters',
          { [`answer-${second}`]: tooLong },
          `answer-${second}`,
          'What you write must be 5,000 characters or fewer',
        ],
        [
          'no consent to use',
          { consentUse: '~' },
          'consentUse',
          'You need to agree that we can use what you said',
        ],
        [
          'no choice about quotes',
          { consentQuote: '~' },
          'consentQuote',
          'Say whether we can quote your words',
        ],
        [
          'no one to answer as',
          { perspective: '~' },
          'perspective',
          'Select who you are answering as',
        ],
        [
          'no contact choice',
          { contactRoute: '~' },
          'contactRoute',
          'Say whether and how you want to be told what happened',
        ],
        ['email with no address', { contactEmail: '' }, 'contactEmail', 'Enter your email address'],
        [
          'an invalid email address',
          { contactEmail: 'carer-at-example' },
          'contactEmail',
          'Enter an email address in the correct format',
        ],
        [
          'text with no number',
          { contactRoute: 'text', contactEmail: '' },
          'contactPhone',
          'Enter your mobile phone number',
        ],
        [
          'an invalid phone number',
          { contactRoute: 'text', contactPhone: '01234 567890' },
          'contactPhone',
          'Enter a UK mobile number, like 07700 900 982',
        ],
        [
          'post with no address',
          { contactRoute: 'post' },
          'contactAddress',
          'Enter your postal address',
        ],
      ];
      const browser = new Browser(heard.app);
      const form = `/take-part/${engagement.id}/answer`;
      for (const [name, changes, field, message] of cases) {
        const fields = goodAnswers(engagement, changes);
        for (const action of [form, `/take-part/${engagement.id}/send`]) {
          const response = await browser.submit(form, action, fields);
          expect(response.statusCode, `${name} at ${action}`).toBe(400);
          expect(response.body, name).toContain(`href="#${field}"`);
          const beside = new RegExp(`id="${field}-error"[^>]*>[\\s\\S]*?</p>`).exec(
            response.body,
          )?.[0];
          expect(beside, name).toContain(message);
          // What was typed is still there.
          for (const [key, value] of Object.entries(fields)) {
            if (!key.startsWith('answer-') || value.trim() === '') continue;
            expect(response.body, `${name}: ${key}`).toContain(`>${value}</textarea>`);
          }
          if (fields.contactEmail) {
            expect(response.body).toContain(`value="${fields.contactEmail}"`);
          }
          expect(await count(engagement.id), name).toEqual({
            participants: 0,
            voices: 0,
            contacts: 0,
          });
        }
      }
    },
  );

  it.skipIf(skip)('counts a line break as one character, as the page does', async () => {
    const engagement = await startListening(heard.db);
    const [first = ''] = engagement.promptIds;
    const browser = new Browser(heard.app);
    const form = `/take-part/${engagement.id}/answer`;
    // 5,000 characters with single line breaks; 6,250 as a browser sends them (CR LF).
    const typed = 'abc\r\n'.repeat(1250);
    const response = await browser.submit(form, form, {
      ...goodAnswers(engagement),
      [`answer-${first}`]: typed,
    });
    expect(response.statusCode).toBe(200);
  });

  it.skipIf(skip)(
    'explains an unknown or mistyped code, keeps it on the page, and slows down guessing',
    async () => {
      const engagement = await startListening(heard.db);
      const code = await answerAndSend(new Browser(heard.app), engagement);
      const browser = new Browser(heard.app);
      const address = '203.0.113.50';

      const cases: [string, string][] = [
        ['', 'Enter your reference code'],
        ['ABC-123', 'A reference code has 10 letters and numbers'],
        ['7KQ4-M2XP-9D', 'We cannot find that reference code'],
        // One character changed from a real code.
        [
          `${code.slice(0, -1)}${code.endsWith('X') ? 'Y' : 'X'}`,
          'We cannot find that reference code',
        ],
      ];
      for (const [typed, message] of cases) {
        const response = await comeBack(browser, typed, address);
        expect(response.statusCode, typed).toBe(400);
        expect(response.body).toContain('href="#reference"');
        const beside = /id="reference-error"[^>]*>[\s\S]*?<\/p>/.exec(response.body)?.[0];
        expect(beside, typed).toContain(message);
        if (typed !== '') expect(response.body).toContain(`value="${typed}"`);
        expect(browser.cookie('heard_participant')).toBeUndefined();
      }

      for (let attempt = cases.length; attempt < 10; attempt++) {
        expect((await comeBack(browser, '7KQ4-M2XP-9D', address)).statusCode).toBe(400);
      }
      // The eleventh try in 15 minutes is refused, even with the right code.
      const limited = await comeBack(browser, code, address);
      expect(limited.statusCode).toBe(429);
      expect(visibleText(limited.body)).toContain('You have tried too many times');
      expect(browser.cookie('heard_participant')).toBeUndefined();
      // Someone at another address is not held up.
      expect((await comeBack(browser, code)).statusCode).toBe(303);
    },
  );

  it.skipIf(skip)(
    'a closed engagement takes no new answers, but a person can still see and withdraw',
    async () => {
      const engagement = await startListening(heard.db);
      const code = await answerAndSend(new Browser(heard.app), engagement);
      const browser = new Browser(heard.app);
      const form = `/take-part/${engagement.id}/answer`;
      const formPage = await browser.get(form);
      await setPhase(heard.db, engagement.id, 'synthesis', '2026-11-26T10:00:00.000Z');

      expect(visibleText((await browser.get('/take-part')).body)).not.toContain(engagement.title);
      expect((await browser.get(`/take-part/${engagement.id}`)).statusCode).toBe(404);
      const closed = await browser.get(form);
      expect(closed.statusCode).toBe(409);
      expect(visibleText(closed.body)).toContain('This is not open for answers now');
      expect(visibleText(closed.body)).toContain('call 999');

      // A form opened before it closed is refused when sent, and nothing is kept.
      const send = await browser.post(`/take-part/${engagement.id}/send`, {
        ...goodAnswers(engagement),
        _csrf: csrfOf(formPage.body),
      });
      expect(send.statusCode).toBe(409);
      expect(await count(engagement.id)).toEqual({ participants: 1, voices: 1, contacts: 1 });

      expect((await comeBack(browser, code)).statusCode).toBe(303);
      const mine = await browser.get('/your-answers');
      expect(mine.statusCode).toBe(200);
      expect(visibleText(mine.body)).toContain('The district nurse came the next morning.');
      expect(visibleText(mine.body)).toContain('We are no longer taking new answers');
      expect(mine.body).not.toContain('href="/your-answers/add"');
      expect((await browser.get('/your-answers/add')).statusCode).toBe(409);
      const add = await browser.post('/your-answers/add', {
        [`answer-${engagement.promptIds[1] ?? ''}`]: 'One more thing.',
        _csrf: csrfOf(mine.body),
      });
      expect(add.statusCode).toBe(409);
      expect(await count(engagement.id)).toEqual({ participants: 1, voices: 1, contacts: 1 });

      const withdrawn = await browser.submit(
        '/your-answers/withdraw',
        '/your-answers/withdraw',
        {},
      );
      expect(withdrawn.statusCode).toBe(303);
      expect(await listVoices(heard.db, engagement.id)).toEqual([]);
      expect(await count(engagement.id)).toEqual({ participants: 1, voices: 1, contacts: 0 });
    },
  );

  it.skipIf(skip)('keeps drafts and unknown engagements out of sight', async () => {
    const listening = await startListening(heard.db);
    const organisations = await heard.db
      .selectFrom('organisations')
      .select(['id', 'type'])
      .execute();
    const draftId = await insertEngagement(
      heard.db,
      {
        title: 'A draft nobody should see',
        commissioningOrganisationId: organisations.find((o) => o.type === 'council')?.id ?? '',
        advocacyOrganisationId: organisations.find((o) => o.type === 'advocacy')?.id ?? '',
        purposePlain: '',
        purposeEasyRead: '',
        openToInfluence: '',
        alreadyDecided: '',
        audiences: ['lived_experience'],
        areas: [],
        startsOn: null,
        endsOn: null,
        safeguardingLeadId: null,
        safeguardingDeputyId: null,
      },
      null,
      '2026-11-26T09:00:00.000Z',
    );
    const browser = new Browser(heard.app);
    expect(visibleText((await browser.get('/take-part')).body)).not.toContain('A draft nobody');
    for (const url of [
      `/take-part/${draftId}`,
      `/take-part/${draftId}/answer`,
      `/take-part/${draftId}/sent`,
      '/take-part/no-such-engagement',
      '/take-part/no-such-engagement/answer',
    ]) {
      expect((await browser.get(url)).statusCode, url).toBe(404);
    }
    const token = csrfOf((await browser.get(`/take-part/${listening.id}/answer`)).body);
    const send = await browser.post(`/take-part/${draftId}/send`, {
      ...goodAnswers(listening),
      _csrf: token,
    });
    expect(send.statusCode).toBe(404);
    expect(await count(draftId)).toEqual({ participants: 0, voices: 0, contacts: 0 });
  });

  it.skipIf(skip)(
    'asks for the code again after 30 minutes, and ignores a forged cookie',
    async () => {
      const engagement = await startListening(heard.db);
      const code = await answerAndSend(new Browser(heard.app), engagement);
      const participantId = (await listVoices(heard.db, engagement.id))[0]?.participantId ?? '';

      const forged = new Browser(heard.app);
      forged.setCookie('heard_participant', `${participantId}:${Date.parse('2100-01-01')}`);
      expect((await forged.get('/your-answers')).statusCode).toBe(303);

      const browser = new Browser(heard.app);
      expect((await comeBack(browser, code)).statusCode).toBe(303);
      heard.advanceMinutes(20);
      // Each page renews the 30 minutes.
      expect((await browser.get('/your-answers')).statusCode).toBe(200);
      heard.advanceMinutes(20);
      expect((await browser.get('/your-answers')).statusCode).toBe(200);
      heard.advanceMinutes(31);
      const expired = await browser.get('/your-answers');
      expect(expired.statusCode).toBe(303);
      expect(expired.headers.location).toBe('/take-part/return');

      // Closing on a shared computer forgets the person at once.
      expect((await comeBack(browser, code)).statusCode).toBe(303);
      const mine = await browser.get('/your-answers');
      const closed = await browser.post('/your-answers/close', { _csrf: csrfOf(mine.body) });
      expect(closed.statusCode).toBe(303);
      expect(browser.cookie('heard_participant')).toBeUndefined();
      expect((await browser.get('/your-answers')).statusCode).toBe(303);
    },
  );

  it.skipIf(skip)("limits the public door's forms per address", async () => {
    const engagement = await startListening(heard.db);
    const limited = await buildApp({
      config: { ...heard.config, publicPostLimit: 3 },
      db: heard.db,
      clock: heard.clock,
    });
    await limited.ready();
    // One count is shared by every app on this database: the next minute is a window of its own.
    heard.advanceMinutes(1);
    try {
      const browser = new Browser(limited);
      const form = `/take-part/${engagement.id}/answer`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await browser.submit(form, form, {})).statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});
