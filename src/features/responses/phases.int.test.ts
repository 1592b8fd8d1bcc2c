import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANSWERED,
  type AnsweredRecommendation,
  answeredRecommendation,
} from '../../../test/answered-recommendation.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { translator } from '../../platform/i18n/i18n.ts';

const t = translator('en');

const TABLES = [
  'recommendations',
  'responses',
  'response_actions',
  'action_updates',
  'response_challenges',
  'response_revisions',
  'feedback_follow_ups',
] as const;

describe.each(testDatabases)('what each phase allows, on $label', (database) => {
  let heard: TestApp;
  let answered: AnsweredRecommendation;
  let challengeId = '';
  let upheldId = '';
  const skip = database.skipReason !== undefined;
  const { browsers, as } = signedInBrowsers();
  const overview = () => `/engagements/${answered.engagement.id}`;
  const listUrl = () => `${overview()}/responses`;
  const itemUrl = () => `${listUrl()}/${answered.recommendationId}`;
  const telling = () => `${overview()}/you-said-we-did`;
  const moveTo = async (phase: string) => {
    const moved = await as('lead').submit(overview(), `${overview()}/phase`, { phase });
    expect(moved.statusCode, phase).toBe(303);
  };
  /** A form page the phase forbids: the 409 a save gets, no form, and a way back. */
  const refusesForm = async (who: string, path: string, step: 'answer' | 'change' = 'answer') => {
    const refused = await as(who).get(path);
    expect(refused.statusCode, path).toBe(409);
    const text = visibleText(refused.body);
    expect(text, path).toContain(t('errors.conflict.title'));
    expect(text, path).toContain(t(`responses.errors.phase.${step}`));
    expect(refused.body, path).not.toContain(`action="${path}"`);
    expect(refused.body, path).toContain(`href="${itemUrl()}"`);
    // The recommendation's page does not offer the form either.
    expect((await as(who).get(itemUrl())).body, path).not.toContain(`href="${path}"`);
  };
  const counts = async () =>
    Promise.all(
      TABLES.map(async (table) =>
        Number(
          (
            await heard.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );

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

  it.skipIf(skip)('answers in the feedback phase too, and publishes the page then', async () => {
    const challengeUrl = `${itemUrl()}/challenge`;
    expect(
      (await as('advocate').submit(challengeUrl, challengeUrl, { reasons: 'Not enough.' }))
        .statusCode,
    ).toBe(303);
    challengeId = (
      await heard.db.selectFrom('response_challenges').select('id').executeTakeFirstOrThrow()
    ).id;
    // A second challenge, upheld, so a revised answer is owed.
    expect(
      (await as('advocate').submit(challengeUrl, challengeUrl, { reasons: 'Still too slow.' }))
        .statusCode,
    ).toBe(303);
    upheldId = (
      await heard.db
        .selectFrom('response_challenges')
        .select('id')
        .where('reasons', '=', 'Still too slow.')
        .executeTakeFirstOrThrow()
    ).id;
    await moveTo('feedback');
    const replyUrl = `${itemUrl()}/challenges/${upheldId}/reply`;
    expect(
      (
        await as('decisionMaker').submit(replyUrl, replyUrl, {
          reply: 'Upheld: we will look again.',
          outcome: 'upheld',
        })
      ).statusCode,
    ).toBe(303);
    // In this phase the forms open, and the recommendation's page offers them.
    const offered = (await as('decisionMaker').get(itemUrl())).body;
    for (const form of [
      `${itemUrl()}/actions/new`,
      `${itemUrl()}/challenges/${challengeId}/reply`,
      `${itemUrl()}/challenges/${upheldId}/revise`,
    ]) {
      expect(offered, form).toContain(`href="${form}"`);
      expect((await as('decisionMaker').get(form)).statusCode, form).toBe(200);
    }
    expect((await as('decisionMaker').get(`${itemUrl()}/answer`)).statusCode).toBe(200);
    // Sending is over once the council is answering and people are being told.
    const newUrl = `${listUrl()}/new`;
    const written = await as('lead').submit(newUrl, newUrl, {
      askedPlain: 'Print letters in larger type.',
      askedEasyRead: 'Big letters.',
    });
    expect(written.statusCode).toBe(303);
    const send = await as('lead').submit(listUrl(), `${listUrl()}/send`, {});
    expect(send.statusCode).toBe(409);
    expect(visibleText(send.body)).toContain(t('responses.errors.phase.send'));

    const actionUrl = `${itemUrl()}/actions/new`;
    const officer = await heard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.officer)
      .executeTakeFirstOrThrow();
    const added = await as('decisionMaker').submit(actionUrl, actionUrl, {
      what: 'Write to everyone who waited more than a week',
      ownerId: officer.id,
      'dueOn-day': '1',
      'dueOn-month': '2',
      'dueOn-year': '2027',
    });
    expect(added.statusCode).toBe(303);
    expect((await as('lead').submit(telling(), `${telling()}/publish`, {})).statusCode).toBe(303);
  });

  it.skipIf(skip)(
    'once closed, refuses every change with the phase it needs, and still shows the record',
    async () => {
      await moveTo('closed');
      const before = await counts();
      const refusals: [string, string, string, Record<string, string>, string][] = [
        [
          'lead',
          `${listUrl()}/new`,
          `${listUrl()}/new`,
          { askedPlain: 'x', askedEasyRead: 'x' },
          'change',
        ],
        ['lead', listUrl(), `${listUrl()}/send`, {}, 'send'],
        [
          'decisionMaker',
          itemUrl(),
          `${itemUrl()}/actions/new`,
          { what: 'x', ownerId: 'x', 'dueOn-day': '1', 'dueOn-month': '2', 'dueOn-year': '2027' },
          'answer',
        ],
        [
          'officer',
          itemUrl(),
          `${itemUrl()}/actions/${answered.actionId}/update`,
          { status: 'done', note: 'Done.' },
          'change',
        ],
        [
          'advocate',
          itemUrl(),
          `${itemUrl()}/challenge`,
          { reasons: 'Still not enough.' },
          'change',
        ],
        [
          'decisionMaker',
          itemUrl(),
          `${itemUrl()}/challenges/${challengeId}/reply`,
          { reply: 'Upheld.', outcome: 'upheld' },
          'answer',
        ],
        ['lead', telling(), `${telling()}/publish`, {}, 'publish'],
        ['lead', telling(), `${telling()}/follow-up`, {}, 'change'],
      ];
      for (const [who, page, action, fields, step] of refusals) {
        const refused = await as(who).submit(page, action, fields);
        expect(refused.statusCode, action).toBe(409);
        expect(visibleText(refused.body), action).toContain(t(`responses.errors.phase.${step}`));
      }
      expect(await counts()).toEqual(before);

      // Reading goes on: staff pages and the public page.
      const record = visibleText((await as('officer').get(itemUrl())).body);
      expect(record).toContain(ANSWERED.askedPlain);
      expect(record).toContain(ANSWERED.reasonsPlain);
      expect(record).toContain(t('responses.errors.phase.change'));
      expect(record).not.toContain(t('responses.action.update'));
      expect(visibleText((await as('lead').get(listUrl())).body)).not.toContain(
        t('responses.list.write'),
      );
      const publicPage = await as('public').get(`/you-said-we-did/${answered.engagement.id}`);
      expect(publicPage.statusCode).toBe(200);
      expect(visibleText(publicPage.body)).toContain(ANSWERED.action);
    },
  );

  it.skipIf(skip)('once closed, the answer form refuses to open', async () => {
    await refusesForm('decisionMaker', `${itemUrl()}/answer`);
  });

  it.skipIf(skip)('once closed, the action form refuses to open', async () => {
    await refusesForm('decisionMaker', `${itemUrl()}/actions/new`);
  });

  it.skipIf(skip)('once closed, the revised answer form refuses to open', async () => {
    await refusesForm('decisionMaker', `${itemUrl()}/challenges/${upheldId}/revise`);
  });

  it.skipIf(skip)('once closed, the challenge reply form refuses to open', async () => {
    await refusesForm('decisionMaker', `${itemUrl()}/challenges/${challengeId}/reply`);
  });

  it.skipIf(skip)('once closed, the progress update form refuses to open', async () => {
    await refusesForm('officer', `${itemUrl()}/actions/${answered.actionId}/update`, 'change');
  });

  it.skipIf(skip)('once closed, the challenge form refuses to open', async () => {
    await refusesForm('advocate', `${itemUrl()}/challenge`, 'change');
  });
});
