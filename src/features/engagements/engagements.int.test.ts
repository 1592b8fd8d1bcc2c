import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(testDatabases)('engagements on $label', (database) => {
  let heard: TestApp;
  let councilId: string;
  let advocacyId: string;
  let leadId: string;
  let advocateId: string;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const organisations = await heard.db
      .selectFrom('organisations')
      .select(['id', 'type'])
      .execute();
    councilId = organisations.find((o) => o.type === 'council')?.id ?? '';
    advocacyId = organisations.find((o) => o.type === 'advocacy')?.id ?? '';
    const users = await heard.db.selectFrom('users').select(['id', 'email']).execute();
    leadId = users.find((u) => u.email === DEMO.lead)?.id ?? '';
    advocateId = users.find((u) => u.email === DEMO.advocate)?.id ?? '';
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const draft = {
    title: 'Short breaks for carers',
    partnerOrganisationId: '',
    purposePlain: 'We want to hear how short breaks could work better for carers.',
    purposeEasyRead: 'We want to hear about short breaks. Tell us what helps.',
    openToInfluence: 'How breaks are booked, and where they happen.',
    alreadyDecided: 'The budget for next year is set.',
    audiences: ['family_carer', 'lived_experience'],
    areas: 'Northtown\nSouthvale',
    'startsOn-day': '1',
    'startsOn-month': '12',
    'startsOn-year': '2026',
    'endsOn-day': '31',
    'endsOn-month': '1',
    'endsOn-year': '2027',
  };

  async function startDraft(lead: Browser): Promise<string> {
    const response = await lead.submit('/engagements/new', '/engagements', {
      ...draft,
      partnerOrganisationId: councilId,
      safeguardingLeadId: leadId,
      safeguardingDeputyId: advocateId,
    });
    expect(response.statusCode).toBe(303);
    const id = /\/engagements\/([^?]+)/.exec(response.headers.location ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    return id;
  }

  it.skipIf(skip)('lets an advocacy lead start an engagement, on the record', async () => {
    const lead = await signedIn(DEMO.lead);
    const id = await startDraft(lead);
    const stored = await heard.db
      .selectFrom('engagements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      phase: 'draft',
      commissioning_organisation_id: councilId,
      advocacy_organisation_id: advocacyId,
      starts_on: '2026-12-01',
      ends_on: '2027-01-31',
      safeguarding_lead_id: leadId,
    });
    expect(JSON.parse(stored.areas)).toEqual(['Northtown', 'Southvale']);
    const page = await lead.get(`/engagements/${id}`);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Short breaks for carers');
    expect(text).toContain('The decision maker must sign the commitment before listening starts');
    expect(text).toContain('Add at least one question before listening starts');
    const audit = await heard.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('engagement_created');
  });

  it.skipIf(skip)('guides the writer on readability without stopping them saving', async () => {
    const lead = await signedIn(DEMO.lead);
    const response = await lead.submit('/engagements/new', '/engagements', {
      ...draft,
      partnerOrganisationId: councilId,
      purposeEasyRead:
        'We are commissioning a holistic pathway so that every stakeholder can utilise the new front door and tell us what matters to them today.',
    });
    expect(response.statusCode).toBe(303);
    const page = visibleText((await lead.get(response.headers.location ?? '')).body);
    expect(page).toContain('Could the words be easier to read?');
    expect(page).toContain('In Easy Read, keep each sentence to 15 words or fewer');
    expect(page).toMatch(/“commissioning” is jargon/);
    const officer = await signedIn(DEMO.officer);
    expect(visibleText((await officer.get(response.headers.location ?? '')).body)).toContain(
      'Could the words be easier to read?',
    );
  });

  it.skipIf(skip)(
    'explains each problem in the engagement form and keeps what was typed',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const response = await lead.submit('/engagements/new', '/engagements', {
        ...draft,
        title: '',
        audiences: [],
        'endsOn-day': '31',
        'endsOn-month': '2',
        'endsOn-year': '2027',
        partnerOrganisationId: advocacyId,
      });
      expect(response.statusCode).toBe(400);
      const text = visibleText(response.body);
      expect(text).toContain('Enter a title');
      expect(text).toContain('Select who the engagement is for');
      expect(text).toContain('Enter a real date');
      expect(response.body).toContain(
        'We want to hear how short breaks could work better for carers.',
      );
      const count = await heard.db
        .selectFrom('engagements')
        .select('id')
        .where('title', '=', '')
        .execute();
      expect(count).toHaveLength(0);

      const wrongPartner = await lead.submit('/engagements/new', '/engagements', {
        ...draft,
        partnerOrganisationId: advocacyId,
      });
      expect(wrongPartner.statusCode).toBe(400);
      expect(visibleText(wrongPartner.body)).toContain('Select the other organisation taking part');
    },
  );

  it.skipIf(skip)(
    'cannot open for listening until the commitment, safeguarding people and a question are in place',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const id = await startDraft(lead);
      const tooSoon = await lead.submit(`/engagements/${id}`, `/engagements/${id}/phase`, {
        phase: 'listening',
      });
      expect(tooSoon.statusCode).toBe(400);
      expect(visibleText(tooSoon.body)).toContain(
        'The decision maker must sign the commitment before listening starts',
      );
      expect(
        (
          await heard.db
            .selectFrom('engagements')
            .select('phase')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).phase,
      ).toBe('draft');

      const prompt = await lead.submit(
        `/engagements/${id}/prompts/new`,
        `/engagements/${id}/prompts`,
        {
          kind: 'open',
          questionPlain: 'What would make a short break work for you?',
          questionEasyRead: 'What makes a good break?',
          influences: 'How breaks are booked.',
        },
      );
      expect(prompt.statusCode).toBe(303);

      const director = await signedIn(DEMO.decisionMaker);
      const signed = await director.submit(
        `/engagements/${id}/commitment`,
        `/engagements/${id}/commitment`,
        {
          statement:
            'I will read what carers tell us and change how breaks are booked where we can.',
          'respondBy-day': '1',
          'respondBy-month': '3',
          'respondBy-year': '2027',
          signerName: 'Dee Morgan',
          signerRole: 'Director of Adult Social Care',
        },
      );
      expect(signed.statusCode).toBe(303);

      const opened = await lead.submit(`/engagements/${id}`, `/engagements/${id}/phase`, {
        phase: 'listening',
      });
      expect(opened.statusCode).toBe(303);
      const moves = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('record_id', '=', id)
        .where('action', '=', 'phase_moved')
        .execute();
      expect(moves.map((m) => JSON.parse(m.details) as unknown)).toEqual([
        { from: 'draft', to: 'listening' },
      ]);

      // Changing the commitment once listening keeps the earlier version visible.
      const changed = await director.submit(
        `/engagements/${id}/commitment`,
        `/engagements/${id}/commitment`,
        {
          statement: 'I will respond to every theme carers raise, with reasons.',
          'respondBy-day': '15',
          'respondBy-month': '3',
          'respondBy-year': '2027',
          signerName: 'Dee Morgan',
          signerRole: 'Director of Adult Social Care',
        },
      );
      expect(changed.statusCode).toBe(303);
      const overview = visibleText((await lead.get(`/engagements/${id}`)).body);
      expect(overview).toContain('I will respond to every theme carers raise, with reasons.');
      expect(overview).toContain('Earlier versions of the commitment');
      expect(overview).toContain('I will read what carers tell us');
      const publicPage = visibleText((await new Browser(heard.app).get(`/take-part/${id}`)).body);
      expect(publicPage).toContain('I will respond to every theme carers raise, with reasons.');
      expect(publicPage).toContain('The council changed this promise');
      expect(publicPage).toContain('I will read what carers tell us');
      const versions = await heard.db
        .selectFrom('commitments')
        .select('version')
        .where('engagement_id', '=', id)
        .execute();
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    },
  );

  it.skipIf(skip)(
    'adds a statements question: its kind chosen, one per engagement, a seed statement before listening',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const id = await startDraft(lead);
      const promptsUrl = `/engagements/${id}/prompts`;
      const wording = {
        questionPlain: 'Do you agree or disagree with what other carers said?',
        questionEasyRead: 'Do you agree?',
        influences: 'Which changes to short breaks come first.',
      };
      const prompts = () =>
        heard.db
          .selectFrom('prompts')
          .select(['kind', 'question_plain'])
          .where('engagement_id', '=', id)
          .execute();

      // The kind must be chosen; what was typed stays.
      const noKind = await lead.submit(`${promptsUrl}/new`, promptsUrl, wording);
      expect(noKind.statusCode).toBe(400);
      expect(visibleText(noKind.body)).toContain('Choose what kind of question it is');
      expect(noKind.body).toContain('Do you agree or disagree with what other carers said?');
      expect(await prompts()).toHaveLength(0);

      const added = await lead.submit(`${promptsUrl}/new`, promptsUrl, {
        ...wording,
        kind: 'statements',
      });
      expect(added.statusCode).toBe(303);
      expect(await prompts()).toEqual([
        { kind: 'statements', question_plain: wording.questionPlain },
      ]);
      const audit = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('record_id', '=', id)
        .where('action', '=', 'prompt_added')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ kind: 'statements' });

      // A second one is refused, with the words kept and nothing saved.
      const second = await lead.submit(`${promptsUrl}/new`, promptsUrl, {
        ...wording,
        questionPlain: 'Another set of statements?',
        kind: 'statements',
      });
      expect(second.statusCode).toBe(400);
      expect(visibleText(second.body)).toContain(
        'This engagement already has a question with statements people agree or disagree with',
      );
      expect(second.body).toContain('Another set of statements?');
      expect(await prompts()).toHaveLength(1);

      // The overview shows it with its statements; open questions are offered for answers only.
      const overview = visibleText((await lead.get(`/engagements/${id}`)).body);
      expect(overview).toContain(
        'Statements people agree or disagree with. Statements shown for votes: 0',
      );
      expect(overview).toContain(
        'Add at least one statement for people to agree or disagree with before listening starts',
      );

      const director = await signedIn(DEMO.decisionMaker);
      await director.submit(`/engagements/${id}/commitment`, `/engagements/${id}/commitment`, {
        statement: 'I will read every vote and say what we change.',
        'respondBy-day': '1',
        'respondBy-month': '3',
        'respondBy-year': '2027',
        signerName: 'Dee Morgan',
        signerRole: 'Director of Adult Social Care',
      });
      const open = () =>
        lead.submit(`/engagements/${id}`, `/engagements/${id}/phase`, { phase: 'listening' });
      const tooSoon = await open();
      expect(tooSoon.statusCode).toBe(400);
      expect(visibleText(tooSoon.body)).toContain(
        'Add at least one statement for people to agree or disagree with before listening starts',
      );
      expect(tooSoon.body).toContain('href="#prompts"');

      // A statement a council officer proposes is not shown for votes yet, so it does not count.
      const officer = await signedIn(DEMO.officer);
      await officer.submit(
        `/engagements/${id}/statements/new`,
        `/engagements/${id}/statements/new`,
        {
          text: 'Breaks should be bookable online.',
        },
      );
      expect((await open()).statusCode).toBe(400);
      await lead.submit(`/engagements/${id}/statements/new`, `/engagements/${id}/statements/new`, {
        text: 'Carers should choose where a break happens.',
      });
      expect((await open()).statusCode).toBe(303);

      // Its wording changes like any question's; its kind does not.
      const [statementsPrompt] = await heard.db
        .selectFrom('prompts')
        .select('id')
        .where('engagement_id', '=', id)
        .execute();
      const change = `${promptsUrl}/${statementsPrompt?.id ?? ''}`;
      expect(visibleText((await lead.get(change)).body)).toContain(
        'Kind of question Statements people agree or disagree with',
      );
      const changed = await lead.submit(change, change, {
        ...wording,
        questionEasyRead: 'Do you agree with these?',
        kind: 'open',
      });
      expect(changed.statusCode).toBe(303);
      expect(
        await heard.db
          .selectFrom('prompts')
          .select(['kind', 'question_easy_read'])
          .where('engagement_id', '=', id)
          .execute(),
      ).toEqual([{ kind: 'statements', question_easy_read: 'Do you agree with these?' }]);
    },
  );

  it.skipIf(skip)('lets only the decision maker sign, with a date in the future', async () => {
    const lead = await signedIn(DEMO.lead);
    const id = await startDraft(lead);
    expect((await lead.get(`/engagements/${id}/commitment`)).statusCode).toBe(403);
    expect(
      (await (await signedIn(DEMO.officer)).get(`/engagements/${id}/commitment`)).statusCode,
    ).toBe(403);

    const director = await signedIn(DEMO.decisionMaker);
    const past = await director.submit(
      `/engagements/${id}/commitment`,
      `/engagements/${id}/commitment`,
      {
        statement: 'I will listen.',
        'respondBy-day': '1',
        'respondBy-month': '1',
        'respondBy-year': '2020',
        signerName: '',
        signerRole: 'Director',
      },
    );
    expect(past.statusCode).toBe(400);
    const text = visibleText(past.body);
    expect(text).toContain('Enter your name');
    expect(past.body).toContain('I will listen.');
    const problem = await director.submit(
      `/engagements/${id}/commitment`,
      `/engagements/${id}/commitment`,
      {
        statement: 'I will listen.',
        'respondBy-day': '1',
        'respondBy-month': '1',
        'respondBy-year': '2020',
        signerName: 'Dee Morgan',
        signerRole: 'Director',
      },
    );
    expect(visibleText(problem.body)).toContain(
      'The date you will respond by must be in the future',
    );
    expect(
      await heard.db
        .selectFrom('commitments')
        .select('id')
        .where('engagement_id', '=', id)
        .execute(),
    ).toHaveLength(0);
  });

  it.skipIf(skip)('moves phases only for the advocacy lead, one step at a time', async () => {
    const lead = await signedIn(DEMO.lead);
    const id = await startDraft(lead);
    const director = await signedIn(DEMO.decisionMaker);
    expect(
      (
        await director.submit(`/engagements/${id}`, `/engagements/${id}/phase`, {
          phase: 'listening',
        })
      ).statusCode,
    ).toBe(403);
    const jump = await lead.submit(`/engagements/${id}`, `/engagements/${id}/phase`, {
      phase: 'closed',
    });
    expect(jump.statusCode).toBe(400);
    expect(visibleText(jump.body)).toContain(
      'The engagement cannot move to that phase from where it is now',
    );
  });

  it.skipIf(skip)(
    "keeps another council's and another advocacy organisation's staff out",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const id = await startDraft(lead);
      const platform = await signedIn(DEMO.platformAdmin);
      await platform.submit('/organisations/new', '/organisations', {
        name: 'Westshire Council',
        type: 'council',
      });
      const westshire = await heard.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Westshire Council')
        .executeTakeFirstOrThrow();
      await platform.submit(
        `/organisations/${westshire.id}/users/new`,
        `/organisations/${westshire.id}/users`,
        {
          name: 'West Director',
          email: 'director@westshire.example',
          roles: 'decision_maker',
          password: 'westshire password',
        },
      );
      const outsider = new Browser(heard.app);
      expect(
        (await outsider.signIn('director@westshire.example', 'westshire password')).statusCode,
      ).toBe(303);
      expect((await outsider.get(`/engagements/${id}`)).statusCode).toBe(404);
      expect((await outsider.get(`/engagements/${id}/commitment`)).statusCode).toBe(404);
      expect((await outsider.json('GET', `/api/v1/engagements/${id}`)).statusCode).toBe(404);
      expect((await outsider.get('/engagements/no-such-engagement')).statusCode).toBe(404);
      expect(visibleText((await outsider.get('/engagements')).body)).not.toContain(
        'Short breaks for carers',
      );
    },
  );

  it.skipIf(skip)('offers the same through the API, with problem+json for bad input', async () => {
    const officer = await signedIn(DEMO.officer);
    const bad = await officer.json('POST', '/api/v1/engagements', {
      title: '',
      partnerOrganisationId: advocacyId,
      audiences: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const created = await officer.json('POST', '/api/v1/engagements', {
      title: 'Day services',
      partnerOrganisationId: advocacyId,
      audiences: ['lived_experience'],
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const prompt = await officer.json('POST', `/api/v1/engagements/${id}/prompts`, {
      questionPlain: 'What do you enjoy about day services?',
      questionEasyRead: 'What do you like?',
      influences: 'What day services offer.',
    });
    expect(prompt.statusCode).toBe(201);
    const statements = {
      kind: 'statements',
      questionPlain: 'Do you agree with what others said about day services?',
      questionEasyRead: 'Do you agree?',
      influences: 'What day services offer first.',
    };
    const statementsPrompt = await officer.json(
      'POST',
      `/api/v1/engagements/${id}/prompts`,
      statements,
    );
    expect(statementsPrompt.statusCode).toBe(201);
    const second = await officer.json('POST', `/api/v1/engagements/${id}/prompts`, statements);
    expect(second.statusCode).toBe(422);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.body).toContain('already has a question with statements');
    const badKind = await officer.json('POST', `/api/v1/engagements/${id}/prompts`, {
      ...statements,
      kind: 'poll',
    });
    expect(badKind.statusCode).toBe(400);
    const record = await officer.json('GET', `/api/v1/engagements/${id}`);
    expect(
      record.json<{ engagement: { commissioningOrganisationId: string }; prompts: unknown[] }>(),
    ).toMatchObject({
      engagement: { commissioningOrganisationId: councilId },
      prompts: [
        { kind: 'open', questionPlain: 'What do you enjoy about day services?' },
        { kind: 'statements', questionPlain: statements.questionPlain },
      ],
    });
    const docs = (await officer.get('/api/docs')).json<{
      paths: Record<
        string,
        { post?: { requestBody: { content: Record<string, { schema: unknown }> } } }
      >;
    }>();
    const body = JSON.stringify(docs.paths['/api/v1/engagements/{engagementId}/prompts']?.post);
    expect(body).toContain('"kind"');
    expect(body).toContain('"statements"');
    expect(body).toContain('"default":"open"');
    expect(
      (await officer.json('POST', `/api/v1/engagements/${id}/phase`, { phase: 'listening' }))
        .statusCode,
    ).toBe(403);
    const list = await officer.json('GET', '/api/v1/engagements');
    expect(list.json<{ title: string }[]>().map((e) => e.title)).toContain('Day services');
  });
});
