import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANSWERED,
  type AnsweredRecommendation,
  answeredRecommendation,
} from '../../../test/answered-recommendation.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { formatDate } from '../../platform/dates.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { insertCommitment } from '../engagements/index.ts';

const t = translator('en');

const WORDS = {
  challenge: 'People asked for a call back in two days, not a promise checked once a month.',
  reply: 'You are right: a monthly check is not enough.',
  revisedPlain: 'We will check every call-back every week and publish the figures.',
  revisedEasyRead: 'We will check every week. We will show you the numbers.',
  notUpheld: 'This challenge does not change the answer.',
} as const;

describe.each(testDatabases)('a revised answer after an upheld challenge on $label', (database) => {
  let heard: TestApp;
  let answered: AnsweredRecommendation;
  const skip = database.skipReason !== undefined;
  const { browsers, as } = signedInBrowsers();
  const challengeIds: string[] = [];
  const itemUrl = () =>
    `/engagements/${answered.engagement.id}/responses/${answered.recommendationId}`;
  const reviseUrl = (n = 0) => `${itemUrl()}/challenges/${challengeIds[n] ?? ''}/revise`;
  const revisions = () => heard.db.selectFrom('response_revisions').selectAll().execute();
  const revised = (fields: Record<string, string> = {}) => ({
    intent: 'publish',
    decision: 'adapt',
    reasonsPlain: WORDS.revisedPlain,
    reasonsEasyRead: WORDS.revisedEasyRead,
    ...fields,
  });

  /** An advocate challenges the answer and the decision maker replies with an outcome. */
  async function challengeAndReply(outcome: 'upheld' | 'not_upheld'): Promise<string> {
    const challengeUrl = `${itemUrl()}/challenge`;
    const raised = await as('advocate').submit(challengeUrl, challengeUrl, {
      reasons: WORDS.challenge,
    });
    expect(raised.statusCode).toBe(303);
    const newest = await heard.db
      .selectFrom('response_challenges')
      .select('id')
      .where('reply', 'is', null)
      .executeTakeFirstOrThrow();
    const replyUrl = `${itemUrl()}/challenges/${newest.id}/reply`;
    const replied = await as('decisionMaker').submit(replyUrl, replyUrl, {
      reply: outcome === 'upheld' ? WORDS.reply : WORDS.notUpheld,
      outcome,
    });
    expect(replied.statusCode).toBe(303);
    return newest.id;
  }

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    answered = await answeredRecommendation(heard.db);
    for (const who of ['lead', 'advocate', 'decisionMaker', 'officer'] as const) {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(DEMO[who], DEMO.password)).statusCode).toBe(303);
      browsers[who] = browser;
    }
    browsers.public = new Browser(heard.app);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)('asks for no revision when a challenge is not upheld', async () => {
    challengeIds.push(await challengeAndReply('not_upheld'));
    const refused = await as('decisionMaker').submit(itemUrl(), reviseUrl(0), revised());
    expect(refused.statusCode).toBe(409);
    expect(visibleText(refused.body)).toContain(t('responses.errors.notUpheld'));
    expect(visibleText((await as('decisionMaker').get(itemUrl())).body)).not.toContain(
      t('responses.revision.give'),
    );
    expect(await revisions()).toHaveLength(0);
  });

  it.skipIf(skip)(
    'an upheld challenge makes a revised answer due, by the respond-by day or 20 working days on',
    async () => {
      challengeIds.push(await challengeAndReply('upheld'));
      const page = visibleText((await as('decisionMaker').get(itemUrl())).body);
      expect(page).toContain(t('responses.status.revisionDue'));
      // The commitment's respond-by day (31 March 2027) is later than 20 working days on.
      expect(page).toContain(`${t('responses.revision.due')} ${formatDate('2027-03-31')}`);
      expect(page).toContain(t('responses.revision.give'));
      // The decision maker's home page says a revised answer is owed.
      expect(visibleText((await as('decisionMaker').get('/home')).body)).toContain(
        t('responses.home.revisions', { title: answered.engagement.title, revisions: 1 }),
      );
      for (const who of ['lead', 'advocate', 'officer'] as const)
        expect((await as(who).submit('/home', reviseUrl(1), revised())).statusCode, who).toBe(403);
    },
  );

  it.skipIf(skip)(
    'refuses a revision without reasons, keeping what was typed and saving nothing',
    async () => {
      const form = await as('decisionMaker').get(reviseUrl(1));
      const shown = visibleText(form.body);
      expect(shown).toContain(t('responses.revision.title', { number: 1 }));
      expect(shown).toContain(ANSWERED.reasonsPlain);
      expect(shown).toContain(WORDS.challenge);
      const refused = await as('decisionMaker').submit(
        reviseUrl(1),
        reviseUrl(1),
        revised({ reasonsEasyRead: ' ' }),
      );
      expect(refused.statusCode).toBe(400);
      expect(visibleText(refused.body)).toContain(t('responses.errors.reasonsEasyReadMissing'));
      expect(refused.body).toContain(WORDS.revisedPlain);
      expect(refused.body).toMatch(/value="adapt" checked/);
      expect(await revisions()).toHaveLength(0);
    },
  );

  it.skipIf(skip)(
    'keeps a draft revision from the advocacy organisation, then shows the published one',
    async () => {
      const draft = await as('decisionMaker').submit(
        reviseUrl(1),
        reviseUrl(1),
        revised({ intent: 'draft' }),
      );
      expect(draft.statusCode).toBe(303);
      expect(visibleText((await as('advocate').get(itemUrl())).body)).not.toContain(
        WORDS.revisedPlain,
      );
      const published = await as('decisionMaker').submit(reviseUrl(1), reviseUrl(1), revised());
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toContain('done=revised');
      const again = await as('decisionMaker').submit(
        '/home',
        reviseUrl(1),
        revised({ decision: 'not_now' }),
      );
      expect(again.statusCode).toBe(409);

      const rows = await revisions();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        challenge_id: challengeIds[1],
        decision: 'adapt',
        state: 'published',
      });
      // The first answer stays on the record as it was.
      const first = await heard.db
        .selectFrom('responses')
        .selectAll()
        .where('id', '=', answered.responseId)
        .executeTakeFirstOrThrow();
      expect(first).toMatchObject({ decision: 'adopt', reasons_plain: ANSWERED.reasonsPlain });

      const seen = visibleText((await as('advocate').get(itemUrl())).body);
      expect(seen).toContain(WORDS.revisedPlain);
      expect(seen).toContain(ANSWERED.reasonsPlain);
      expect(seen).not.toContain(t('responses.status.revisionDue'));
      expect(visibleText((await as('decisionMaker').get('/home')).body)).not.toContain(
        t('responses.home.revisions', { title: answered.engagement.title, revisions: 1 }),
      );
      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', 'like', 'response_revision%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'response_revision_drafted',
        'response_revision_published',
      ]);
      expect(audit.map((a) => a.details).join()).not.toContain(WORDS.revisedPlain);
    },
  );

  it.skipIf(skip)(
    'shows the public the revised answer, that a challenge led to it, and the first answer',
    async () => {
      const telling = `/engagements/${answered.engagement.id}/you-said-we-did`;
      expect((await as('lead').submit(telling, `${telling}/publish`, {})).statusCode).toBe(303);
      const url = `/you-said-we-did/${answered.engagement.id}`;
      const today = formatDate(heard.clock().toISOString());
      const plain = visibleText((await as('public').get(url)).body);
      const words = (format: string, key: string) => t(`feedback.public.${format}.${key}`);
      expect(plain).toContain(words('plain', 'revised').replace('{date}', today));
      expect(plain).toContain(
        `${t('feedback.decisions.plain.adapt')} ${WORDS.revisedPlain} ${words('plain', 'firstAnswer')} ${t('feedback.decisions.plain.adopt')} ${ANSWERED.reasonsPlain}`,
      );
      expect(plain).toContain(WORDS.challenge);
      expect(plain).toContain(WORDS.reply);

      const easy = await as('public').get(`${url}?format=easy-read`);
      const easyText = visibleText(easy.body);
      expect(easyText).toContain(words('easy', 'revised').replace('{date}', today));
      expect(easyText).toContain(WORDS.revisedEasyRead);
      expect(easyText).toContain(ANSWERED.reasonsEasyRead);
    },
  );

  it.skipIf(skip)('shows a revision overdue past its due day', async () => {
    const third = await challengeAndReply('upheld');
    challengeIds.push(third);
    // A new commitment with a respond-by day already past: 20 working days on decides.
    const signer = await heard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.decisionMaker)
      .executeTakeFirstOrThrow();
    await insertCommitment(
      heard.db,
      answered.engagement.id,
      2,
      {
        statement: 'I will answer sooner.',
        respondBy: '2026-11-25',
        signerName: 'Dee Morgan',
        signerRole: 'Director of Adult Social Care',
      },
      signer.id,
      heard.clock().toISOString(),
    );
    const dueText = `${t('responses.revision.due')} ${formatDate('2026-12-24')}`;
    expect(visibleText((await as('lead').get(itemUrl())).body)).toContain(dueText);
    heard.advanceMinutes(29 * 24 * 60);
    const lead = new Browser(heard.app);
    await lead.signIn(DEMO.lead, DEMO.password);
    const page = visibleText((await lead.get(itemUrl())).body);
    expect(page).toContain(t('responses.status.revisionOverdue'));
    expect(page).toContain(`${dueText} ${t('responses.status.overdue')}`);
  });
});
