import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionForm } from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { buildApp } from '../../app.ts';
import { setPhase } from '../engagements/index.ts';

const SEEDED = [
  {
    text: 'Letters from the council should use plain words.',
    easy: 'Letters should use easy words.',
  },
  { text: 'I knew who to ring when I got home from hospital.', easy: '' },
  { text: 'Carers should be asked before a discharge date is set.', easy: '' },
];
const META = 'These statements cover what matters to me.';
const OWN = 'There should be a phone line open at weekends.';
const RUDE = 'Everyone at the council is useless and should be sacked.';

describe.each(testDatabases)('statements and votes on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;
  const staffUrl = () => `/engagements/${listening.id}/statements`;
  const publicUrl = (id = listening.id) => `/take-part/${id}/statements`;
  const ids: Record<string, string> = {};

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const statementId = async (text: string): Promise<string> =>
    (
      await heard.db
        .selectFrom('statements')
        .select('id')
        .where('text', '=', text)
        .executeTakeFirstOrThrow()
    ).id;

  const votesOf = (participantId: string) =>
    heard.db
      .selectFrom('statement_votes')
      .selectAll()
      .where('participant_id', '=', participantId)
      .execute();

  const countRows = async (table: 'statement_votes' | 'statements' | 'participants') =>
    Number(
      (
        await heard.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A new person in their own browser who has chosen their perspective. */
  const newVoter = async (
    engagementId = listening.id,
  ): Promise<{ browser: Browser; participantId: string }> => {
    const browser = new Browser(heard.app);
    const started = await browser.submit(
      publicUrl(engagementId),
      `${publicUrl(engagementId)}/start`,
      {
        perspective: 'family_carer',
      },
    );
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(publicUrl(engagementId));
    const participantId = heard.app.unsignCookie(browser.cookie('heard_voter') ?? '').value;
    if (participantId === null) throw new Error('No voter cookie');
    return { browser, participantId };
  };

  // The token comes from any page with a form: the voting page has none once all are voted on.
  const vote = (browser: Browser, fields: Record<string, string>, engagementId = listening.id) =>
    browser.submit('/sign-in', `${publicUrl(engagementId)}/vote`, fields);

  /** The statement the voting page shows now, by its hidden id. */
  const shownStatement = async (browser: Browser): Promise<string | undefined> =>
    /name="statementId" value="([^"]+)"/.exec((await browser.get(publicUrl())).body)?.[1];

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
  });

  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'lets the advocacy lead seed statements, shown for votes at once and audited',
    async () => {
      const lead = await signedIn(DEMO.lead);
      for (const [index, seeded] of SEEDED.entries()) {
        heard.advanceMinutes(1);
        const saved = await lead.submit(`${staffUrl()}/new`, `${staffUrl()}/new`, {
          text: seeded.text,
          textEasyRead: seeded.easy,
        });
        expect(saved.statusCode, `statement ${index}`).toBe(303);
        expect(saved.headers.location).toBe(`${staffUrl()}?saved=approved`);
      }
      heard.advanceMinutes(1);
      await lead.submit(`${staffUrl()}/new`, `${staffUrl()}/new`, { text: META, isMeta: 'yes' });

      const rows = await heard.db
        .selectFrom('statements')
        .selectAll()
        .where('engagement_id', '=', listening.id)
        .orderBy('created_at')
        .execute();
      expect(rows.map((row) => [row.text, row.state, row.is_meta, row.text_easy_read])).toEqual([
        [SEEDED[0]?.text, 'approved', 0, SEEDED[0]?.easy],
        [SEEDED[1]?.text, 'approved', 0, null],
        [SEEDED[2]?.text, 'approved', 0, null],
        [META, 'approved', 1, null],
      ]);
      for (const row of rows) ids[row.text] = row.id;
      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('record_type', '=', 'statement')
        .execute();
      expect(audit.filter((event) => event.action === 'statement_seeded')).toHaveLength(4);
      // Audit rows hold ids and flags, never the words.
      expect(audit.some((event) => event.details.includes('plain words'))).toBe(false);

      const page = visibleText((await lead.get(staffUrl())).body);
      expect(page).toContain('Shown for votes (4)');
      expect(page).toContain('About the conversation');
      expect(page).toContain(`Easy Read: ${SEEDED[0]?.easy}`);
    },
  );

  it.skipIf(skip)(
    'tells staff what is wrong with an empty or too long statement, keeping what they typed',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const before = await countRows('statements');
      const empty = await lead.submit(`${staffUrl()}/new`, `${staffUrl()}/new`, { text: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain('Enter the statement');
      const long = 'a'.repeat(1000);
      const tooLong = await lead.submit(`${staffUrl()}/new`, `${staffUrl()}/new`, {
        text: long,
        textEasyRead: 'Short words.',
      });
      expect(tooLong.statusCode).toBe(400);
      expect(visibleText(tooLong.body)).toContain('The statement must be 500 characters or fewer');
      expect(tooLong.body).toContain(long);
      expect(tooLong.body).toContain('Short words.');
      expect(await countRows('statements')).toBe(before);
    },
  );

  it.skipIf(skip)(
    'holds a statement proposed by council staff for a lead, and keeps participants’ words from the council',
    async () => {
      const director = await signedIn(DEMO.decisionMaker);
      const proposed = await director.submit(`${staffUrl()}/new`, `${staffUrl()}/new`, {
        text: 'The council should publish discharge waiting times.',
      });
      expect(proposed.headers.location).toBe(`${staffUrl()}?saved=pending`);
      const row = await heard.db
        .selectFrom('statements')
        .select('state')
        .where('text', '=', 'The council should publish discharge waiting times.')
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('pending');

      // A participant's statement waits too; the council does not see it before a lead has.
      const { browser } = await newVoter();
      await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, { text: RUDE });
      const councilPage = visibleText((await director.get(staffUrl())).body);
      expect(councilPage).toContain('The council should publish discharge waiting times.');
      expect(councilPage).not.toContain(RUDE);
      expect(councilPage).not.toContain('Approve or reject');
      const leadPage = visibleText((await (await signedIn(DEMO.lead)).get(staffUrl())).body);
      expect(leadPage).toContain(RUDE);

      // Only a lead moderates.
      const rude = await statementId(RUDE);
      expect((await director.get(`${staffUrl()}/${rude}/moderate`)).statusCode).toBe(403);
      const advocate = await signedIn(DEMO.advocate);
      expect((await advocate.get(`${staffUrl()}/${rude}/moderate`)).statusCode).toBe(403);
      expect((await advocate.get(`${staffUrl()}/new`)).statusCode).toBe(403);
    },
  );

  it.skipIf(skip)(
    'asks a new person for their perspective first, and needs an answer',
    async () => {
      const browser = new Browser(heard.app);
      const first = await browser.get(publicUrl());
      expect(first.statusCode).toBe(200);
      expect(visibleText(first.body)).toContain('Which of these best describes you?');
      const before = await countRows('participants');
      const none = await browser.submit(publicUrl(), `${publicUrl()}/start`, {});
      expect(none.statusCode).toBe(400);
      expect(visibleText(none.body)).toContain('Choose the one that best describes you');
      const wrong = await browser.submit(publicUrl(), `${publicUrl()}/start`, {
        perspective: 'mayor',
      });
      expect(wrong.statusCode).toBe(400);
      expect(await countRows('participants')).toBe(before);
      expect(browser.cookie('heard_voter')).toBeUndefined();
    },
  );

  it.skipIf(skip)(
    'shows one statement at a time, fewest votes then oldest, with progress, never one already voted on',
    async () => {
      const approved = [...SEEDED.map((s) => ids[s.text] ?? ''), ids[META] ?? ''];
      // Someone else has voted on the first two, so the third (fewest votes) comes first.
      const other = await newVoter();
      for (const id of approved.slice(0, 2)) {
        expect((await vote(other.browser, { statementId: id, vote: 'agree' })).statusCode).toBe(
          303,
        );
      }
      const { browser, participantId } = await newVoter();
      const page = await browser.get(publicUrl());
      expect(visibleText(page.body)).toContain('Statement 1 of 4');
      expect(visibleText(page.body)).toContain(SEEDED[2]?.text);
      expect(page.body).toMatch(/<legend[^>]*>[\s\S]*Statement 1 of 4[\s\S]*<\/legend>/);

      const seen: string[] = [];
      for (const value of ['agree', 'disagree', 'pass', 'agree']) {
        const shown = await shownStatement(browser);
        if (shown === undefined) throw new Error('No statement shown');
        expect(seen).not.toContain(shown);
        seen.push(shown);
        const voted = await vote(browser, { statementId: shown, vote: value });
        expect(voted.statusCode).toBe(303);
        expect(voted.headers.location).toBe(publicUrl());
      }
      // Fewest votes first (two unvoted ones, oldest first), then the two the other person voted on.
      expect(seen).toEqual([approved[2], approved[3], approved[0], approved[1]]);
      const done = visibleText((await browser.get(publicUrl())).body);
      expect(done).toContain('You have voted on every statement');
      expect(done).toContain('all 4 statements');
      const stored = await votesOf(participantId);
      expect(stored.map((v) => [v.statement_id, v.value, v.recorded_by_id]).sort()).toEqual(
        [
          [approved[2], 1, null],
          [approved[3], -1, null],
          [approved[0], 0, null],
          [approved[1], 1, null],
        ].sort(),
      );
      // A participant's own vote writes no audit row.
      const audit = await heard.db
        .selectFrom('audit_events')
        .select('id')
        .where('details', 'like', `%${participantId}%`)
        .execute();
      expect(audit).toHaveLength(0);
    },
  );

  it.skipIf(skip)(
    'shows a statement in Easy Read words to a person who chose Easy Read',
    async () => {
      const engagement = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const url = `/engagements/${engagement.id}/statements`;
      await lead.submit(`${url}/new`, `${url}/new`, {
        text: 'Discharge letters should say who to ring.',
        textEasyRead: 'Your letter should say who to ring.',
      });
      const { browser } = await newVoter(engagement.id);
      const easy = visibleText(
        (await browser.get(`${publicUrl(engagement.id)}?format=easy-read`)).body,
      );
      expect(easy).toContain('Your letter should say who to ring.');
      expect(easy).not.toContain('Discharge letters should say who to ring.');
      const plain = visibleText(
        (await browser.get(`${publicUrl(engagement.id)}?format=plain`)).body,
      );
      expect(plain).toContain('Discharge letters should say who to ring.');
    },
  );

  it.skipIf(skip)(
    'keeps the latest vote when a person votes twice on a statement, without an error',
    async () => {
      const { browser, participantId } = await newVoter();
      const id = ids[SEEDED[0]?.text ?? ''] ?? '';
      expect((await vote(browser, { statementId: id, vote: 'agree' })).statusCode).toBe(303);
      heard.advanceMinutes(1);
      expect((await vote(browser, { statementId: id, vote: 'disagree' })).statusCode).toBe(303);
      const stored = await votesOf(participantId);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.value).toBe(-1);
    },
  );

  it.skipIf(skip)('stores every acknowledged vote when many arrive at once', async () => {
    const voters = await Promise.all(Array.from({ length: 8 }, () => newVoter()));
    const approved = [...SEEDED.map((s) => ids[s.text] ?? ''), ids[META] ?? ''];
    const token = async (browser: Browser) =>
      /name="_csrf" value="([^"]+)"/.exec((await browser.get('/sign-in')).body)?.[1] ?? '';
    const tokens = await Promise.all(voters.map(({ browser }) => token(browser)));
    // Every voter votes on every statement at once, with one bad vote among them.
    const sent = voters.flatMap(({ browser }, v) =>
      approved.map((statementId, s) =>
        browser.post(`${publicUrl()}/vote`, {
          statementId,
          vote: v === 3 && s === 2 ? 'maybe' : (['agree', 'disagree', 'pass'][(v + s) % 3] ?? ''),
          _csrf: tokens[v] ?? '',
        }),
      ),
    );
    const statuses = (await Promise.all(sent)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 303)).toHaveLength(voters.length * 4 - 1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(1);
    for (const [v, { participantId }] of voters.entries()) {
      const stored = await votesOf(participantId);
      expect(stored).toHaveLength(v === 3 ? 3 : 4);
      for (const row of stored) {
        const s = approved.indexOf(row.statement_id);
        expect(row.value).toBe([1, -1, 0][(v + s) % 3]);
      }
    }
  });

  it.skipIf(skip)('refuses a vote with a value other than agree, disagree or unsure', async () => {
    const { browser, participantId } = await newVoter();
    for (const value of ['yes', '1', '', 'AGREE']) {
      const refused = await vote(browser, { statementId: ids[META] ?? '', vote: value });
      expect(refused.statusCode, value).toBe(400);
      expect(visibleText(refused.body)).toContain('A vote must be agree, disagree or unsure');
    }
    const missing = await vote(browser, { statementId: ids[META] ?? '' });
    expect(missing.statusCode).toBe(400);
    expect(await votesOf(participantId)).toHaveLength(0);
  });

  it.skipIf(skip)(
    'refuses a vote on an unknown statement, or one from another engagement',
    async () => {
      const { browser, participantId } = await newVoter();
      const unknown = await vote(browser, { statementId: 'no-such-statement', vote: 'agree' });
      expect(unknown.statusCode).toBe(404);
      expect(visibleText(unknown.body)).toContain('We cannot find that statement');
      expect((await vote(browser, { vote: 'agree' })).statusCode).toBe(404);

      const elsewhere = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const theirs = `/engagements/${elsewhere.id}/statements`;
      await lead.submit(`${theirs}/new`, `${theirs}/new`, {
        text: 'Another engagement’s statement.',
      });
      const foreign = await statementId('Another engagement’s statement.');
      expect((await vote(browser, { statementId: foreign, vote: 'agree' })).statusCode).toBe(404);
      // Nor may this engagement's voter vote in the other one with their cookie.
      const other = await vote(browser, { statementId: foreign, vote: 'agree' }, elsewhere.id);
      expect(other.statusCode).toBe(403);
      expect(await votesOf(participantId)).toHaveLength(0);
    },
  );

  it.skipIf(skip)('refuses a vote with no voter cookie, or a forged one', async () => {
    const stranger = new Browser(heard.app);
    const noCookie = await vote(stranger, { statementId: ids[META] ?? '', vote: 'agree' });
    expect(noCookie.statusCode).toBe(403);
    expect(visibleText(noCookie.body)).toContain('Your vote was not saved');
    const before = await countRows('statement_votes');
    stranger.setCookie('heard_voter', 'made-up-participant');
    expect((await vote(stranger, { statementId: ids[META] ?? '', vote: 'agree' })).statusCode).toBe(
      403,
    );
    expect(await countRows('statement_votes')).toBe(before);
  });

  it.skipIf(skip)(
    'lets a person add their own statement, held for moderation, with clear messages for empty and too long',
    async () => {
      const { browser, participantId } = await newVoter();
      const empty = await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, {
        text: '  ',
      });
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain('Write your statement');
      const long = `${'b'.repeat(995)} end!!`;
      const tooLong = await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, {
        text: long,
      });
      expect(tooLong.statusCode).toBe(400);
      expect(visibleText(tooLong.body)).toContain('Your statement must be 500 characters or fewer');
      expect(tooLong.body).toContain(long);

      const exactly = 'c'.repeat(500);
      const ok = await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, {
        text: exactly,
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`${publicUrl()}?added=1`);
      const added = await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, { text: OWN });
      expect(added.statusCode).toBe(303);
      expect(visibleText((await browser.get(`${publicUrl()}?added=1`)).body)).toContain(
        'We will check your statement before other people see it',
      );
      const rows = await heard.db
        .selectFrom('statements')
        .select(['text', 'state', 'author_participant_id'])
        .where('author_participant_id', '=', participantId)
        .execute();
      expect(rows.map((row) => row.state)).toEqual(['pending', 'pending']);

      // A pending statement is not shown for votes, and a vote on it is refused.
      const own = await statementId(OWN);
      const refused = await vote(browser, { statementId: own, vote: 'agree' });
      expect(refused.statusCode).toBe(409);
      expect(visibleText(refused.body)).toContain('This statement is not shown for votes');
      const yours = visibleText((await browser.get(`${publicUrl()}/yours`)).body);
      expect(yours).toContain(OWN);
      expect(yours).toContain('We have not checked it yet.');
    },
  );

  it.skipIf(skip)(
    'lets a lead approve one statement and reject another with a reason the author reads',
    async () => {
      const { browser } = await newVoter();
      await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, {
        text: 'Transport home should be booked before discharge.',
      });
      await browser.submit(`${publicUrl()}/add`, `${publicUrl()}/add`, {
        text: 'Dr Smith on ward 4 is rude.',
      });
      const approveId = await statementId('Transport home should be booked before discharge.');
      const rejectId = await statementId('Dr Smith on ward 4 is rude.');
      const lead = await signedIn(DEMO.lead);

      const noDecision = await lead.submit(
        `${staffUrl()}/${approveId}/moderate`,
        `${staffUrl()}/${approveId}/moderate`,
        {},
      );
      expect(noDecision.statusCode).toBe(400);
      expect(visibleText(noDecision.body)).toContain('Choose approve or reject');
      const noReason = await lead.submit(
        `${staffUrl()}/${rejectId}/moderate`,
        `${staffUrl()}/${rejectId}/moderate`,
        {
          decision: 'reject',
        },
      );
      expect(noReason.statusCode).toBe(400);
      expect(visibleText(noReason.body)).toContain('Give a reason for rejecting');

      const approved = await lead.submit(
        `${staffUrl()}/${approveId}/moderate`,
        `${staffUrl()}/${approveId}/moderate`,
        {
          decision: 'approve',
        },
      );
      expect(approved.headers.location).toBe(`${staffUrl()}?saved=approved`);
      const reason = 'It names a member of staff. Please say what should change instead.';
      const rejected = await lead.submit(
        `${staffUrl()}/${rejectId}/moderate`,
        `${staffUrl()}/${rejectId}/moderate`,
        {
          decision: 'reject',
          reason,
        },
      );
      expect(rejected.headers.location).toBe(`${staffUrl()}?saved=rejected`);

      const yours = visibleText((await browser.get(`${publicUrl()}/yours`)).body);
      expect(yours).toContain('Other people can now vote on it.');
      expect(yours).toContain(`Why: ${reason}`);
      const refused = await vote(browser, { statementId: rejectId, vote: 'agree' });
      expect(refused.statusCode).toBe(409);
      expect((await vote(browser, { statementId: approveId, vote: 'agree' })).statusCode).toBe(303);

      const trail = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'record_id'])
        .where('action', 'in', ['statement_approved', 'statement_rejected'])
        .execute();
      expect(trail).toEqual(
        expect.arrayContaining([
          { action: 'statement_approved', record_id: approveId },
          { action: 'statement_rejected', record_id: rejectId },
        ]),
      );
    },
  );

  it.skipIf(skip)(
    'refuses votes and new statements once the engagement has stopped listening',
    async () => {
      const closing = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const url = `/engagements/${closing.id}/statements`;
      await lead.submit(`${url}/new`, `${url}/new`, { text: 'A statement about closing.' });
      const id = await statementId('A statement about closing.');
      const { browser, participantId } = await newVoter(closing.id);
      await setPhase(heard.db, closing.id, 'synthesis', '2026-11-27T09:00:00.000Z');

      const refused = await vote(browser, { statementId: id, vote: 'agree' }, closing.id);
      expect(refused.statusCode).toBe(409);
      expect(visibleText(refused.body)).toContain('no longer taking votes');
      expect(await votesOf(participantId)).toHaveLength(0);
      const page = await browser.get(publicUrl(closing.id));
      expect(page.statusCode).toBe(409);
      expect(visibleText(page.body)).toContain('Voting has closed');
      expect((await lead.get(`${url}/new`)).statusCode).toBe(409);
    },
  );

  it.skipIf(skip)('does not show a draft engagement’s voting page', async () => {
    const draft = await startListening(heard.db);
    await heard.db
      .updateTable('engagements')
      .set({ phase: 'draft' })
      .where('id', '=', draft.id)
      .execute();
    expect((await new Browser(heard.app).get(publicUrl(draft.id))).statusCode).toBe(404);
  });

  it.skipIf(skip)('refuses the votes of a person who has withdrawn', async () => {
    const { browser, participantId } = await newVoter();
    await heard.db
      .updateTable('participants')
      .set({ withdrawn_at: '2026-11-26T10:00:00.000Z' })
      .where('id', '=', participantId)
      .execute();
    expect((await vote(browser, { statementId: ids[META] ?? '', vote: 'agree' })).statusCode).toBe(
      403,
    );
    // Their browser is treated as someone new.
    expect(visibleText((await browser.get(publicUrl())).body)).toContain(
      'Which of these best describes you?',
    );
  });

  it.skipIf(skip)(
    'chooses the next statement by the latest opinion snapshot’s priority when there is one',
    async () => {
      const engagement = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const url = `/engagements/${engagement.id}/statements`;
      const texts = ['Priority low.', 'Priority high.', 'Priority middle.'];
      for (const text of texts) {
        heard.advanceMinutes(1);
        await lead.submit(`${url}/new`, `${url}/new`, { text });
      }
      const [low, high, middle] = await Promise.all(texts.map(statementId));
      // Written by the opinion map's background job (migration 0007); here by hand.
      const snapshot = (version: number, priority: Record<string, number>) =>
        sql`insert into opinion_snapshots
        (id, engagement_id, version, votes, participants, last_vote_at, result, computed_at)
        values (${`snapshot-${engagement.id}-${version}`}, ${engagement.id}, ${version}, 0, 0,
          null, ${JSON.stringify({ priority })}, ${'2026-11-26T09:00:00.000Z'})`.execute(heard.db);
      await snapshot(1, { [low ?? '']: 9, [high ?? '']: 1, [middle ?? '']: 2 });
      await snapshot(2, { [low ?? '']: 0.1, [high ?? '']: 0.9, [middle ?? '']: 0.5 });

      const { browser } = await newVoter(engagement.id);
      const order: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const shown = /name="statementId" value="([^"]+)"/.exec(
          (await browser.get(publicUrl(engagement.id))).body,
        )?.[1];
        if (shown === undefined) throw new Error('No statement shown');
        order.push(shown);
        await vote(browser, { statementId: shown, vote: 'pass' }, engagement.id);
      }
      expect(order).toEqual([high, middle, low]);
    },
  );

  it.skipIf(skip)(
    'lets an advocate record a person’s votes in a session, with consent, audited',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const recorded = await advocate.submit(
        `/engagements/${listening.id}/sessions/new`,
        `/engagements/${listening.id}/sessions/new`,
        sessionForm(),
      );
      const sessionId = /sessions\/([^?]+)\?/.exec(recorded.headers.location ?? '')?.[1] ?? '';
      const voterUrl = `/engagements/${listening.id}/sessions/${sessionId}/statements`;

      const noConsent = await advocate.submit(voterUrl, voterUrl, {
        perspective: 'lived_experience',
      });
      expect(noConsent.statusCode).toBe(400);
      const text = visibleText(noConsent.body);
      expect(text).toContain(
        'Votes can only be recorded if the person agrees that we can use them',
      );
      expect(text).toContain('Choose how the person agreed');

      const started = await advocate.submit(voterUrl, voterUrl, {
        perspective: 'lived_experience',
        consentUse: 'yes',
        consentGivenBy: 'spoken',
      });
      expect(started.statusCode).toBe(303);
      const personUrl = started.headers.location ?? '';
      const participantId = personUrl.split('/').pop() ?? '';
      const page = await advocate.get(personUrl);
      expect(visibleText(page.body)).toContain('Statement 1 of');
      const shown = /name="statementId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const voted = await advocate.submit(personUrl, `${personUrl}/vote`, {
        statementId: shown,
        vote: 'disagree',
      });
      expect(voted.statusCode).toBe(303);
      const stored = await votesOf(participantId);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.value).toBe(-1);
      expect(stored[0]?.session_id).toBe(sessionId);
      expect(stored[0]?.recorded_by_id).not.toBeNull();
      const bad = await advocate.submit(personUrl, `${personUrl}/vote`, {
        statementId: shown,
        vote: 'maybe',
      });
      expect(bad.statusCode).toBe(400);

      const actions = (
        await heard.db
          .selectFrom('audit_events')
          .select('action')
          .where('details', 'like', `%${participantId}%`)
          .execute()
      ).map((event) => event.action);
      expect(actions).toContain('vote_recorded_on_behalf');
      const voterRow = await heard.db
        .selectFrom('session_voters')
        .selectAll()
        .where('participant_id', '=', participantId)
        .executeTakeFirstOrThrow();
      expect(voterRow.consent_given_by).toBe('spoken');

      // The council sees neither the page nor the person.
      const director = await signedIn(DEMO.decisionMaker);
      expect((await director.get(personUrl)).statusCode).toBe(403);
      // A person from another session is not found here.
      const otherSession = await advocate.submit(
        `/engagements/${listening.id}/sessions/new`,
        `/engagements/${listening.id}/sessions/new`,
        sessionForm({ place: 'Westvale Hall' }),
      );
      const otherId = /sessions\/([^?]+)\?/.exec(otherSession.headers.location ?? '')?.[1] ?? '';
      expect(
        (
          await advocate.get(
            `/engagements/${listening.id}/sessions/${otherId}/statements/${participantId}`,
          )
        ).statusCode,
      ).toBe(404);
    },
  );

  it.skipIf(skip)(
    'limits public posts per address, to a number a deployment can raise',
    async () => {
      const limited = await buildApp({
        config: { ...heard.config, publicPostLimit: 3 },
        db: heard.db,
        clock: heard.clock,
      });
      await limited.ready();
      // Every process shares one count, so this app sees the earlier tests' posts from the same
      // address: the next minute starts a window of its own.
      heard.advanceMinutes(1);
      try {
        const browser = new Browser(limited);
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          statuses.push((await browser.submit(publicUrl(), `${publicUrl()}/start`, {})).statusCode);
        }
        expect(statuses).toEqual([400, 400, 400, 429]);
      } finally {
        await limited.close();
      }
    },
  );
});
