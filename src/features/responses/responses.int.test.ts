import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { addOutsideLead } from '../../../test/advocacy-fixtures.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { findEngagement, insertCommitment } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';

const t = translator('en');

const WORDS = {
  quotable: 'I want someone to ring me back when I ask for help, not three weeks later.',
  notQuotable: 'Please do not quote me, but the forms are far too long.',
  flagged: 'My son takes my bank card and I never see my money.',
  askedPlain: 'Ring people back within two working days when they ask for help.',
  askedEasyRead: 'Call people back fast.',
  secondPlain: 'Open the day centre on Saturdays.',
  secondEasyRead: 'Day centre open on Saturday.',
  reasonsPlain: 'We will set up a call-back promise and check it every month.',
  reasonsEasyRead: 'We will call you back in 2 days.',
  notNowPlain: 'There is no money for Saturday opening this year.',
  notNowEasyRead: 'No money for Saturdays this year.',
  action: 'Publish the call-back promise on the council website',
  progress: 'The promise is drafted and with the web team.',
  challenge: 'This does not answer what people said about being alone at weekends.',
  reply: 'We will ask the community groups to open on Saturdays instead.',
} as const;

describe.each(testDatabases)('recommendations, responses and actions on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;
  const voiceIds: Record<string, string> = {};
  const recommendationIds: string[] = [];
  const users: Record<string, string> = {};
  const { browsers, as } = signedInBrowsers<keyof typeof DEMO | 'outside'>();
  const deps = (): Deps => ({
    config: heard.config,
    db: heard.db,
    clock: heard.clock,
    t,
  });
  const listUrl = () => `/engagements/${listening.id}/responses`;
  const itemUrl = (n: number) => `${listUrl()}/${recommendationIds[n] ?? ''}`;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };
  const userId = async (email: string) =>
    (
      await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const count = async (
    table:
      | 'recommendations'
      | 'responses'
      | 'response_actions'
      | 'action_updates'
      | 'response_challenges',
  ) =>
    Number(
      (
        await heard.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const say = async (text: string, consentQuote: boolean): Promise<string> => {
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const { participantId } = await submitPublicVoices(deps(), engagement, {
      perspective: 'lived_experience',
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote,
      contact: null,
    });
    return (
      await heard.db
        .selectFrom('voices')
        .select('id')
        .where('participant_id', '=', participantId)
        .executeTakeFirstOrThrow()
    ).id;
  };
  /** The lead moves the engagement on a phase, as from its overview page. */
  const moveTo = async (phase: string) => {
    const overview = `/engagements/${listening.id}`;
    const moved = await as('lead').submit(overview, `${overview}/phase`, { phase });
    expect(moved.statusCode, phase).toBe(303);
  };
  const recommendationForm = (fields: Record<string, string | string[]> = {}) => ({
    askedPlain: WORDS.askedPlain,
    askedEasyRead: WORDS.askedEasyRead,
    ...fields,
  });
  const actionForm = (fields: Record<string, string> = {}) => ({
    what: WORDS.action,
    ownerId: users.officer ?? '',
    'dueOn-day': '15',
    'dueOn-month': '1',
    'dueOn-year': '2027',
    ...fields,
  });

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    voiceIds.quotable = await say(WORDS.quotable, true);
    voiceIds.notQuotable = await say(WORDS.notQuotable, false);
    voiceIds.flagged = await say(WORDS.flagged, true);
    const outside = await addOutsideLead(heard.db);
    for (const who of ['lead', 'advocate', 'decisionMaker', 'officer'] as const) {
      browsers[who] = await signedIn(DEMO[who]);
      users[who] = await userId(DEMO[who]);
    }
    browsers.outside = await signedIn(outside);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)('shows only the engagement parties the record', async () => {
    expect((await as('outside').get(listUrl())).statusCode).toBe(404);
    expect((await as('officer').get(listUrl())).statusCode).toBe(200);
  });

  it.skipIf(skip)(
    'lets the lead quote only people who agreed to be quoted, and keeps bad input',
    async () => {
      const page = visibleText((await as('lead').get(`${listUrl()}/new`)).body);
      expect(page).toContain(WORDS.quotable);
      expect(page).not.toContain(WORDS.notQuotable);
      expect(page).not.toContain(WORDS.flagged);

      for (const refused of [voiceIds.notQuotable, voiceIds.flagged]) {
        const response = await as('lead').submit(`${listUrl()}/new`, `${listUrl()}/new`, {
          ...recommendationForm(),
          quotes: [voiceIds.quotable ?? '', refused ?? ''],
        });
        expect(response.statusCode).toBe(400);
        expect(visibleText(response.body)).toContain(t('responses.errors.quoteNotAllowed'));
        expect(response.body).toContain(WORDS.askedPlain);
      }
      const missing = await as('lead').submit(`${listUrl()}/new`, `${listUrl()}/new`, {
        ...recommendationForm({ askedEasyRead: '  ' }),
      });
      expect(missing.statusCode).toBe(400);
      expect(visibleText(missing.body)).toContain(t('responses.errors.askedEasyReadMissing'));
      expect(missing.body).toContain(WORDS.askedPlain);
      expect(await count('recommendations')).toBe(0);
    },
  );

  it.skipIf(skip)('lets only the advocacy lead write recommendations', async () => {
    for (const who of ['advocate', 'decisionMaker', 'officer'] as const) {
      const response = await as(who).submit('/home', `${listUrl()}/new`, recommendationForm());
      expect(response.statusCode, who).toBe(403);
    }
    expect(await count('recommendations')).toBe(0);
  });

  it.skipIf(skip)('saves drafts the council cannot see until they are sent', async () => {
    for (const fields of [
      recommendationForm({ quotes: voiceIds.quotable ?? '' }),
      recommendationForm({ askedPlain: WORDS.secondPlain, askedEasyRead: WORDS.secondEasyRead }),
    ]) {
      const response = await as('lead').submit(`${listUrl()}/new`, `${listUrl()}/new`, fields);
      expect(response.statusCode).toBe(303);
      const id = /responses\/([\w-]+)\?done=written/.exec(response.headers.location ?? '')?.[1];
      recommendationIds.push(id ?? '');
    }
    const leadPage = visibleText((await as('lead').get(itemUrl(0))).body);
    expect(leadPage).toContain(WORDS.quotable);
    expect(leadPage).toContain(t('responses.status.draft'));
    const councilList = visibleText((await as('decisionMaker').get(listUrl())).body);
    expect(councilList).not.toContain(WORDS.askedPlain);
    expect((await as('decisionMaker').get(itemUrl(0))).statusCode).toBe(404);

    const audit = await heard.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'recommendation_written')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.details).toContain('"quotes":1');
  });

  it.skipIf(skip)(
    'sends nothing while people are still being listened to, saying which phase is needed',
    async () => {
      const refused = await as('lead').submit(listUrl(), `${listUrl()}/send`, {});
      expect(refused.statusCode).toBe(409);
      expect(visibleText(refused.body)).toContain(t('responses.errors.phase.send'));
      expect(visibleText((await as('lead').get(listUrl())).body)).toContain(
        t('responses.errors.phase.send'),
      );
      const sent = await heard.db
        .selectFrom('recommendations')
        .select('id')
        .where('sent_at', 'is not', null)
        .execute();
      expect(sent).toHaveLength(0);
      await moveTo('synthesis');
    },
  );

  it.skipIf(skip)(
    'sends the drafts as one batch: the decision maker is told in Heard and by email, with a link only',
    async () => {
      expect((await as('advocate').submit('/home', `${listUrl()}/send`, {})).statusCode).toBe(403);
      const sent = await as('lead').submit(listUrl(), `${listUrl()}/send`, {});
      expect(sent.statusCode).toBe(303);
      const sentRows = await heard.db
        .selectFrom('recommendations')
        .select('sent_at')
        .where('sent_at', 'is not', null)
        .execute();
      expect(sentRows).toHaveLength(2);

      const messages = await heard.db
        .selectFrom('messages')
        .selectAll()
        .where('kind', '=', 'recommendations_sent')
        .execute();
      expect(messages).toHaveLength(1);
      expect(messages[0]?.recipient_address).toBe(DEMO.decisionMaker);
      expect(messages[0]?.link).toBe(`${heard.config.publicUrl}${listUrl()}`);
      expect(messages[0]?.body).toContain(listening.title);
      expect(messages[0]?.body).not.toContain(WORDS.askedPlain);
      expect(messages[0]?.body).not.toContain(WORDS.quotable);

      const home = visibleText((await as('decisionMaker').get('/home')).body);
      expect(home).toContain(t('responses.home.heading'));
      expect(home).toContain(listening.title);
      expect(visibleText((await as('officer').get('/home')).body)).not.toContain(
        t('responses.home.heading'),
      );

      const again = await as('lead').submit(listUrl(), `${listUrl()}/send`, {});
      expect(again.statusCode).toBe(409);
      expect((await as('lead').get(`${itemUrl(0)}/edit`)).statusCode).toBe(409);
      const change = await as('lead').submit(
        '/home',
        `${itemUrl(0)}/edit`,
        recommendationForm({ askedPlain: 'Something else' }),
      );
      expect(change.statusCode).toBe(409);
      expect(visibleText(change.body)).toContain(t('responses.errors.alreadySent'));
      expect(visibleText((await as('decisionMaker').get(itemUrl(0))).body)).toContain(
        WORDS.askedPlain,
      );
    },
  );

  it.skipIf(skip)('takes no answer before the response phase, saying which is needed', async () => {
    const url = `${itemUrl(0)}/answer`;
    const early = await as('decisionMaker').submit(itemUrl(0), url, {
      intent: 'publish',
      decision: 'adopt',
      reasonsPlain: WORDS.reasonsPlain,
      reasonsEasyRead: WORDS.reasonsEasyRead,
    });
    expect(early.statusCode).toBe(409);
    expect(visibleText(early.body)).toContain(t('responses.errors.phase.answer'));
    const page = visibleText((await as('decisionMaker').get(itemUrl(0))).body);
    expect(page).toContain(t('responses.errors.phase.answer'));
    expect(page).not.toContain(t('responses.recommendation.answer'));
    expect(await count('responses')).toBe(0);
    await moveTo('response');
  });

  it.skipIf(skip)(
    'refuses to publish an answer without reasons in both registers, saving nothing',
    async () => {
      const url = `${itemUrl(0)}/answer`;
      const refused = await as('decisionMaker').submit(url, url, {
        intent: 'publish',
        decision: 'adopt',
        reasonsPlain: '',
        reasonsEasyRead: '',
      });
      expect(refused.statusCode).toBe(400);
      const text = visibleText(refused.body);
      expect(text).toContain(t('responses.errors.reasonsPlainMissing'));
      expect(text).toContain(t('responses.errors.reasonsEasyReadMissing'));
      expect(refused.body).toMatch(/value="adopt" checked/);
      const noDecision = await as('decisionMaker').submit(url, url, {
        intent: 'publish',
        reasonsPlain: WORDS.reasonsPlain,
        reasonsEasyRead: WORDS.reasonsEasyRead,
      });
      expect(noDecision.statusCode).toBe(400);
      expect(visibleText(noDecision.body)).toContain(t('responses.errors.decisionMissing'));
      expect(noDecision.body).toContain(WORDS.reasonsPlain);
      expect(await count('responses')).toBe(0);

      for (const who of ['lead', 'advocate', 'officer'] as const) {
        const response = await as(who).submit('/home', url, {
          intent: 'publish',
          decision: 'adopt',
          reasonsPlain: WORDS.reasonsPlain,
          reasonsEasyRead: WORDS.reasonsEasyRead,
        });
        expect(response.statusCode, who).toBe(403);
      }
      expect(await count('responses')).toBe(0);
    },
  );

  it.skipIf(skip)(
    'keeps a draft answer from the advocacy organisation until it is published',
    async () => {
      const url = `${itemUrl(0)}/answer`;
      const draft = await as('decisionMaker').submit(url, url, {
        intent: 'draft',
        decision: 'adopt',
        reasonsPlain: WORDS.reasonsPlain,
      });
      expect(draft.statusCode).toBe(303);
      expect(visibleText((await as('advocate').get(itemUrl(0))).body)).not.toContain(
        WORDS.reasonsPlain,
      );
      const challenge = await as('advocate').submit('/home', `${itemUrl(0)}/challenge`, {
        reasons: WORDS.challenge,
      });
      expect(challenge.statusCode).toBe(409);
      expect(visibleText(challenge.body)).toContain(t('responses.errors.challengeUnpublished'));
      expect(challenge.body).toContain(WORDS.challenge);
      expect(await count('response_challenges')).toBe(0);

      const published = await as('decisionMaker').submit(url, url, {
        intent: 'publish',
        decision: 'adopt',
        reasonsPlain: WORDS.reasonsPlain,
        reasonsEasyRead: WORDS.reasonsEasyRead,
      });
      expect(published.statusCode).toBe(303);
      const seen = visibleText((await as('advocate').get(itemUrl(0))).body);
      expect(seen).toContain(WORDS.reasonsPlain);
      expect(seen).toContain(WORDS.reasonsEasyRead);
      expect(seen).toContain(t('responses.answered.adopt'));

      const changed = await as('decisionMaker').submit('/home', url, {
        intent: 'publish',
        decision: 'not_now',
        reasonsPlain: WORDS.notNowPlain,
        reasonsEasyRead: WORDS.notNowEasyRead,
      });
      expect(changed.statusCode).toBe(409);
      const row = await heard.db.selectFrom('responses').selectAll().executeTakeFirstOrThrow();
      expect(row.decision).toBe('adopt');
      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('record_type', '=', 'response')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['response_drafted', 'response_published']);
    },
  );

  it.skipIf(skip)(
    'refuses an action owner from another organisation and a due date in the past',
    async () => {
      const url = `${itemUrl(0)}/actions/new`;
      const page = visibleText((await as('decisionMaker').get(url)).body);
      expect(page).toContain('Owen Price');
      expect(page).not.toContain('Lena Shah');

      const outsider = await as('decisionMaker').submit(
        url,
        url,
        actionForm({ ownerId: users.lead ?? '' }),
      );
      expect(outsider.statusCode).toBe(400);
      expect(visibleText(outsider.body)).toContain(t('responses.errors.ownerNotCouncil'));
      expect(outsider.body).toContain(WORDS.action);

      const past = await as('decisionMaker').submit(
        url,
        url,
        actionForm({ 'dueOn-day': '25', 'dueOn-month': '11', 'dueOn-year': '2026' }),
      );
      expect(past.statusCode).toBe(400);
      expect(visibleText(past.body)).toContain(t('responses.errors.dueOnPast'));
      expect(past.body).toContain('value="25"');

      const noSuchDay = await as('decisionMaker').submit(
        url,
        url,
        actionForm({ 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2027' }),
      );
      expect(noSuchDay.statusCode).toBe(400);
      expect(visibleText(noSuchDay.body)).toContain(t('responses.errors.dueOnInvalid'));

      const notPublished = await as('decisionMaker').submit(
        '/home',
        `${itemUrl(1)}/actions/new`,
        actionForm(),
      );
      expect(notPublished.statusCode).toBe(409);
      expect((await as('officer').submit('/home', url, actionForm())).statusCode).toBe(403);
      expect(await count('response_actions')).toBe(0);

      const added = await as('decisionMaker').submit(
        url,
        url,
        actionForm({ 'dueOn-day': '26', 'dueOn-month': '11', 'dueOn-year': '2026' }),
      );
      expect(added.statusCode).toBe(303);
      const action = await heard.db
        .selectFrom('response_actions')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(action).toMatchObject({
        owner_id: users.officer,
        due_on: '2026-11-26',
        status: 'planned',
      });
    },
  );

  it.skipIf(skip)(
    'records dated progress with evidence; dropping needs a reason; rolls up',
    async () => {
      const action = await heard.db
        .selectFrom('response_actions')
        .select('id')
        .executeTakeFirstOrThrow();
      const url = `${itemUrl(0)}/actions/${action.id}/update`;
      const cases: [Record<string, string>, string][] = [
        [{ status: 'dropped', note: '' }, 'responses.errors.droppedReasonMissing'],
        [{ status: 'done', note: '' }, 'responses.errors.noteMissing'],
        [{ note: WORDS.progress }, 'responses.errors.statusMissing'],
        [
          { status: 'in_progress', note: WORDS.progress, evidenceLink: 'javascript:alert(1)' },
          'responses.errors.linkInvalid',
        ],
      ];
      for (const [fields, message] of cases) {
        const response = await as('officer').submit(url, url, fields);
        expect(response.statusCode, message).toBe(400);
        expect(visibleText(response.body)).toContain(t(message));
      }
      expect(
        (await as('advocate').submit('/home', url, { status: 'done', note: 'x' })).statusCode,
      ).toBe(403);
      expect(await count('action_updates')).toBe(0);

      const saved = await as('officer').submit(url, url, {
        status: 'in_progress',
        note: WORDS.progress,
        evidenceLink: 'https://northshire.example/call-back',
      });
      expect(saved.statusCode).toBe(303);
      const page = await as('lead').get(itemUrl(0));
      const text = visibleText(page.body);
      expect(text).toContain(WORDS.progress);
      expect(page.body).toContain('href="https://northshire.example/call-back"');
      expect(text).toContain(
        `${t('responses.rollUp.done', { done: 0, total: 1 })}, ${t('responses.rollUp.inProgress', { count: 1 })}`,
      );
      const status = await heard.db
        .selectFrom('response_actions')
        .select('status')
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('in_progress');
    },
  );

  it.skipIf(skip)(
    'keeps a challenge, its reply and the outcome on the record; the decision maker is told',
    async () => {
      const notNow = await as('decisionMaker').submit(
        `${itemUrl(1)}/answer`,
        `${itemUrl(1)}/answer`,
        {
          intent: 'publish',
          decision: 'not_now',
          reasonsPlain: WORDS.notNowPlain,
          reasonsEasyRead: WORDS.notNowEasyRead,
        },
      );
      expect(notNow.statusCode).toBe(303);
      const url = `${itemUrl(1)}/challenge`;
      expect((await as('officer').submit('/home', url, { reasons: 'x' })).statusCode).toBe(403);
      const empty = await as('advocate').submit(url, url, { reasons: ' ' });
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain(t('responses.errors.challengeReasonsMissing'));
      expect((await as('advocate').submit(url, url, { reasons: WORDS.challenge })).statusCode).toBe(
        303,
      );

      const told = await heard.db
        .selectFrom('messages')
        .selectAll()
        .where('kind', '=', 'response_challenged')
        .execute();
      expect(told).toHaveLength(1);
      expect(told[0]?.body).not.toContain(WORDS.challenge);
      expect(visibleText((await as('decisionMaker').get('/home')).body)).toContain(
        t('responses.home.item', { title: listening.title, recommendations: 0, challenges: 1 }),
      );

      const challenge = await heard.db
        .selectFrom('response_challenges')
        .select('id')
        .executeTakeFirstOrThrow();
      const replyUrl = `${itemUrl(1)}/challenges/${challenge.id}/reply`;
      expect(
        (
          await as('lead').submit('/home', replyUrl, {
            reply: WORDS.reply,
            outcome: 'upheld',
          })
        ).statusCode,
      ).toBe(403);
      const noOutcome = await as('decisionMaker').submit(replyUrl, replyUrl, {
        reply: WORDS.reply,
      });
      expect(noOutcome.statusCode).toBe(400);
      expect(visibleText(noOutcome.body)).toContain(t('responses.errors.outcomeMissing'));
      expect(noOutcome.body).toContain(WORDS.reply);
      const replied = await as('decisionMaker').submit(replyUrl, replyUrl, {
        reply: WORDS.reply,
        outcome: 'not_upheld',
      });
      expect(replied.statusCode).toBe(303);
      const twice = await as('decisionMaker').submit('/home', replyUrl, {
        reply: 'Changed my mind',
        outcome: 'upheld',
      });
      expect(twice.statusCode).toBe(409);

      const record = visibleText((await as('advocate').get(itemUrl(1))).body);
      expect(record).toContain(WORDS.challenge);
      expect(record).toContain(WORDS.reply);
      expect(record).toContain(t('responses.outcomes.not_upheld'));
      expect(visibleText((await as('decisionMaker').get('/home')).body)).not.toContain(
        t('responses.home.heading'),
      );
    },
  );

  it.skipIf(skip)('shows overdue answers and actions, and the accountability figures', async () => {
    const third = await as('lead').submit(
      `${listUrl()}/new`,
      `${listUrl()}/new`,
      recommendationForm({ askedPlain: 'Print letters in larger type.' }),
    );
    expect(third.statusCode).toBe(303);
    expect((await as('lead').submit(listUrl(), `${listUrl()}/send`, {})).statusCode).toBe(303);
    // The decision maker signs a new commitment with a respond-by day already past.
    await insertCommitment(
      heard.db,
      listening.id,
      2,
      {
        statement: 'I will answer sooner.',
        respondBy: '2026-11-25',
        signerName: 'Dee Morgan',
        signerRole: 'Director of Adult Social Care',
      },
      users.decisionMaker ?? '',
      '2026-11-26T09:00:00.000Z',
    );
    heard.advanceMinutes(2 * 24 * 60);
    const lead = await signedIn(DEMO.lead);
    const list = visibleText((await lead.get(listUrl())).body);
    expect(list).toContain(t('responses.status.overdue'));
    expect(list).toContain(t('responses.rollUp.overdue', { count: 1 }));

    const figures = visibleText((await lead.get(`${listUrl()}/figures`)).body);
    const row = (key: string, value: string) =>
      expect(figures).toContain(`${t(`responses.figures.${key}`)} ${value}`);
    row('answered', t('responses.figures.answeredValue', { answered: 2, sent: 3, percent: 67 }));
    row('overdueAnswers', '1');
    row('medianDays', t('responses.figures.days', { days: 0 }));
    row('actions', '1');
    row('actionsOverdue', '1');
    row('challengesRaised', '1');
    row('challengesAnswered', '1');
    row('challengesUpheld', '0');
  });

  it.skipIf(skip)('audits every change with ids and states, never people’s words', async () => {
    const rows = await heard.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('record_type', 'in', ['recommendation', 'response', 'action', 'challenge'])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'recommendation_written',
        'response_drafted',
        'response_published',
        'action_added',
        'action_updated',
        'challenge_raised',
        'challenge_answered',
      ]),
    );
    const sent = await heard.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'recommendations_sent')
      .execute();
    expect(sent).toHaveLength(2);
    const everything = [...rows, ...sent].map((r) => r.details).join('\n');
    for (const words of Object.values(WORDS)) expect(everything).not.toContain(words);
  });
});
