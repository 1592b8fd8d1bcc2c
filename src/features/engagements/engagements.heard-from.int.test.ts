import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { DEMO_ENGAGEMENT } from '../demo/demo.engagement.ts';

describe.each(testDatabases)('who an engagement has heard from, on $label', (database) => {
  let heard: TestApp;
  let engagementId: string;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const engagement = await heard.db
      .selectFrom('engagements')
      .select('id')
      .where('title', '=', DEMO_ENGAGEMENT.title)
      .executeTakeFirstOrThrow();
    engagementId = engagement.id;
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  /** The overview's "Who we have heard from" section, as read, for a person signed in. */
  const section = async (email: string): Promise<string> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    const page = await browser.get(`/engagements/${engagementId}`);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    const start = text.indexOf('Who we have heard from');
    expect(start).toBeGreaterThan(-1);
    return text.slice(start, text.indexOf('Council staff see perspectives', start));
  };

  /** People with a voice not withdrawn, by perspective, read straight from the tables. */
  const peopleHeard = async (): Promise<Map<string, number>> => {
    const rows = await heard.db
      .selectFrom('participants')
      .innerJoin('voices', 'voices.participant_id', 'participants.id')
      .select(['participants.id', 'participants.perspective'])
      .where('participants.engagement_id', '=', engagementId)
      .where('participants.withdrawn_at', 'is', null)
      .where('voices.withdrawn_at', 'is', null)
      .distinct()
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.perspective, (counts.get(row.perspective) ?? 0) + 1);
    return counts;
  };

  it.skipIf(skip)('gives the lead every count, and the council small ones together', async () => {
    const counts = await peopleHeard();
    expect(counts.get('lived_experience')).toBeGreaterThanOrEqual(5);
    // The demo has 3 professionals and 1 person from a care provider: both small.
    const small = [...counts].filter(([, people]) => people < 5);
    expect(small.map(([perspective]) => perspective).sort()).toEqual(['professional', 'provider']);

    const lead = await section(DEMO.lead);
    expect(lead).toContain(`People who use care and support ${counts.get('lived_experience')}`);
    expect(lead).toContain(`Professionals in health and care ${counts.get('professional')}`);
    expect(lead).toContain(`Care providers ${counts.get('provider')}`);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(lead).toContain(`Everyone ${total}`);
    expect(lead).not.toContain('Not heard from yet');

    const officer = await section(DEMO.officer);
    expect(officer).toContain(`People who use care and support ${counts.get('lived_experience')}`);
    expect(officer).toContain(`Perspectives with fewer than 5 people (${small.length}), together`);
    expect(officer).not.toContain('Professionals in health and care');
    expect(officer).not.toContain('Care providers');
    expect(officer).not.toContain('Everyone');
  });

  it.skipIf(skip)(
    'names the audiences not heard from yet, once their people withdraw',
    async () => {
      await heard.db
        .updateTable('participants')
        .set({ withdrawn_at: heard.clock().toISOString() })
        .where('engagement_id', '=', engagementId)
        .where('perspective', '=', 'professional')
        .execute();
      for (const email of [DEMO.lead, DEMO.officer])
        expect(await section(email)).toContain(
          'Not heard from yet: Professionals in health and care.',
        );
    },
  );
});
