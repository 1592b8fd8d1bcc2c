import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { DEMO_ENGAGEMENT } from '../demo/demo.engagement.ts';
import { withdrawParticipant } from '../voices/voices.repository.ts';
import { replacePopulation } from './population.repository.ts';

describe.each(testDatabases)('who an engagement is reaching, on $label', (database) => {
  let heard: TestApp;
  let engagementId: string;
  let councilId: string;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const engagement = await heard.db
      .selectFrom('engagements')
      .select(['id', 'commissioning_organisation_id'])
      .where('title', '=', DEMO_ENGAGEMENT.title)
      .executeTakeFirstOrThrow();
    engagementId = engagement.id;
    councilId = engagement.commissioning_organisation_id;
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  const pageFor = async (email: string) => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser.get(`/engagements/${engagementId}/reach`);
  };

  /** People (not withdrawn) who gave each answer to a question, read straight from the tables. */
  const answered = async (question: string): Promise<Map<string, number>> => {
    const rows = await heard.db
      .selectFrom('equality_answers')
      .innerJoin('participants', 'participants.id', 'equality_answers.participant_id')
      .select(['equality_answers.answer', 'participants.id'])
      .where('participants.engagement_id', '=', engagementId)
      .where('participants.withdrawn_at', 'is', null)
      .where('equality_answers.question', '=', question)
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.answer, (counts.get(row.answer) ?? 0) + 1);
    return counts;
  };

  /** The cells of the table row that starts with `label`, as read. */
  const rowOf = (html: string, label: string): string[] => {
    const row = [...html.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
      .map((match) => [...(match[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)])
      .map((cells) => cells.map((cell) => visibleText(cell[1] ?? '').trim()))
      .find((cells) => cells[0] === label);
    if (row === undefined) throw new Error(`no row for ${label}`);
    return row;
  };

  it.skipIf(skip)(
    'shows the same protected counts to the advocacy organisation and the council',
    async () => {
      const ethnic = await answered('ethnicGroup');
      const white = ethnic.get('white') ?? 0;
      const asian = ethnic.get('asian') ?? 0;
      // The demo is made so that one group is large and another small: the test needs both.
      expect(white).toBeGreaterThanOrEqual(5);
      expect(asian).toBeGreaterThan(0);
      expect(asian).toBeLessThan(5);

      for (const email of [DEMO.advocate, DEMO.officer]) {
        const page = await pageFor(email);
        expect(page.statusCode).toBe(200);
        const text = visibleText(page.body);
        expect(text).toContain('Who we are reaching');
        expect(text).toContain('There are no census figures for this area yet');
        expect(rowOf(page.body, 'Asian, Asian British or Asian Welsh')[1]).toBe('fewer than 5');
        // White is shown unless it was hidden to protect the small groups beside it.
        const whiteCell = rowOf(page.body, 'White')[1];
        expect([String(white), 'fewer than 5']).toContain(whiteCell);
        expect(text).not.toContain('prefer-not-to-say');
        expect(text).not.toMatch(/@example\.org/);
      }
    },
  );

  it.skipIf(skip)('leaves out people who have withdrawn', async () => {
    const before = await answered('sex');
    const someone = await heard.db
      .selectFrom('equality_answers')
      .innerJoin('participants', 'participants.id', 'equality_answers.participant_id')
      .select('participants.id')
      .where('participants.engagement_id', '=', engagementId)
      .where('participants.withdrawn_at', 'is', null)
      .where('equality_answers.question', '=', 'sex')
      .where('equality_answers.answer', '=', 'female')
      .executeTakeFirstOrThrow();
    await withdrawParticipant(heard.db, someone.id, heard.clock().toISOString());
    const after = await answered('sex');
    expect(after.get('female')).toBe((before.get('female') ?? 0) - 1);
    const female = after.get('female') ?? 0;
    const cell = rowOf((await pageFor(DEMO.lead)).body, 'Female')[1];
    expect(cell).toBe(female < 5 ? 'fewer than 5' : String(female));
  });

  it.skipIf(skip)(
    "sets who was heard beside the area's census population, flagging only what is certain",
    async () => {
      // Invented figures, with nearly everyone in the area Asian, so the gap cannot be missed.
      const population = { asian: 9000, black: 300, mixed: 300, white: 100, other: 300 };
      const officer = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.officer)
        .executeTakeFirstOrThrow();
      await heard.db.transaction().execute((trx) =>
        replacePopulation(
          trx,
          councilId,
          'ethnicGroup',
          {
            date: '2021',
            geography: 'Demo borough',
            code: 'E09000099',
            counts: Object.entries(population).map(([key, count]) => ({ key, count })),
          },
          officer.id,
          heard.clock().toISOString(),
        ),
      );
      const page = await pageFor(DEMO.decisionMaker);
      const text = visibleText(page.body);
      expect(text).toContain('We have heard from fewer than half the people we would expect from:');
      expect(text).toContain('Ethnic group: Asian, Asian British or Asian Welsh');
      expect(text).toContain('Demo borough (E09000099)');
      const asian = rowOf(page.body, 'Asian, Asian British or Asian Welsh');
      expect(asian.slice(1)).toEqual(['fewer than 5', 'not shown', '90%', 'Fewer than expected']);
      // White is 1 % of the area: too few expected to say anything about it.
      expect(rowOf(page.body, 'White')[3]).toBe('1%');
      expect(rowOf(page.body, 'White')[4]).toBe('');
      // Other questions have no area figures yet.
      expect(rowOf(page.body, 'Female')[3]).toBe('no figures');
    },
  );

  it.skipIf(skip)('is for the parties who may see voices', async () => {
    expect((await pageFor(DEMO.advocacyAdmin)).statusCode).toBe(403);
    const stranger = new Browser(heard.app);
    const response = await stranger.get(`/engagements/${engagementId}/reach`);
    expect(response.statusCode).toBe(303);
    expect(councilId).not.toBe('');
  });
});
