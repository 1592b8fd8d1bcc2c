import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { recordAudit } from '../audit/index.ts';

describe.each(testDatabases)("an organisation's audit trail on $label", (database) => {
  let heard: TestApp;
  let advocacyId: string;
  let councilId: string;
  const userIds = new Map<string, string>();
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const organisations = await heard.db
      .selectFrom('organisations')
      .select(['id', 'type'])
      .execute();
    advocacyId = organisations.find((o) => o.type === 'advocacy')?.id ?? '';
    councilId = organisations.find((o) => o.type === 'council')?.id ?? '';
    for (const user of await heard.db.selectFrom('users').select(['id', 'email']).execute())
      userIds.set(user.email, user.id);
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
  const trail = (query = '') => `/organisations/${advocacyId}/audit${query}`;
  /** The table's text, after the filter form (which lists every person). */
  const events = (html: string): string => {
    const text = visibleText(html);
    return text.slice(text.indexOf('What people did, newest first'));
  };
  const actionsRecorded = async (action: string): Promise<number> =>
    (
      await heard.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', action)
        .where('organisation_id', '=', advocacyId)
        .execute()
    ).length;

  it.skipIf(skip)(
    "shows the admin what the organisation's people did, in words, and nothing of another organisation",
    async () => {
      await signedIn(DEMO.lead);
      await signedIn(DEMO.decisionMaker);
      heard.advanceMinutes(5);
      const admin = await signedIn(DEMO.advocacyAdmin);
      const page = await admin.get(trail());
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      expect(text).toContain('Audit trail of');
      expect(text).toContain('Lena Shah');
      expect(text).toContain('Signed in');
      expect(text).toContain('26 November 2026, 9:05am');
      expect(text).not.toContain('Dee Morgan');
      // Newest first: the admin's own sign-in, five minutes after the lead's.
      expect(text.indexOf('9:05am')).toBeLessThan(text.indexOf('9:00am'));
      // Reading the trail is on the trail.
      expect(await actionsRecorded('audit_trail_viewed')).toBeGreaterThan(0);
      expect(visibleText((await admin.get(trail())).body)).toContain('Read the audit trail');
    },
  );

  it.skipIf(skip)('narrows to one person, one kind of action and a range of days', async () => {
    const admin = await signedIn(DEMO.advocacyAdmin);
    const advocate = await signedIn(DEMO.advocate);
    await advocate.get('/home');
    const lead = userIds.get(DEMO.lead) ?? '';

    const onePerson = events((await admin.get(trail(`?person=${lead}`))).body);
    expect(onePerson).toContain('Lena Shah');
    expect(onePerson).not.toContain('Sam Reid');

    const readsOnly = events((await admin.get(trail('?kind=identifiable'))).body);
    expect(readsOnly).toContain('Read the audit trail');
    expect(readsOnly).not.toContain('Signed in');

    const today = '?from-day=26&from-month=11&from-year=2026&to-day=26&to-month=11&to-year=2026';
    expect(visibleText((await admin.get(trail(today))).body)).toContain('Signed in');
    const tomorrow = '?from-day=27&from-month=11&from-year=2026&to-day=30&to-month=11&to-year=2026';
    expect(visibleText((await admin.get(trail(tomorrow))).body)).toContain(
      'Nothing matches these choices.',
    );
  });

  it.skipIf(skip)('says what to fix in a choice and keeps what was chosen', async () => {
    const admin = await signedIn(DEMO.advocacyAdmin);
    const cases: [string, string][] = [
      ['?kind=everything-ever', 'Choose what they did from the list'],
      [`?person=${'x'.repeat(100)}`, 'Choose a person from the list'],
      [`?person=${userIds.get(DEMO.decisionMaker) ?? ''}`, 'Choose a person from the list'],
      ['?from-day=31&from-month=2&from-year=2026', 'The from date must be a real date'],
      [
        '?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026',
        'The to date must be the same as or after the from date',
      ],
    ];
    for (const [query, message] of cases) {
      const response = await admin.get(trail(query));
      expect(response.statusCode, query).toBe(400);
      expect(visibleText(response.body), query).toContain(message);
      expect(visibleText(response.body), query).toContain('There is a problem');
    }
    const kept = await admin.get(trail('?from-day=31&from-month=2&from-year=2026'));
    expect(kept.body).toContain('value="31"');
    const csv = await admin.get(`/organisations/${advocacyId}/audit.csv?kind=nonsense`);
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toBe('Choose what they did from the list');
  });

  it.skipIf(skip)('downloads the events chosen as a spreadsheet, on the record', async () => {
    const admin = await signedIn(DEMO.advocacyAdmin);
    const before = await actionsRecorded('audit_trail_exported');
    const response = await admin.get(`/organisations/${advocacyId}/audit.csv?kind=signing_in`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const lines = response.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'When (UTC),Who,Action,What they did,Record type,Record id,Engagement,Details',
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1))
      expect(line).toMatch(/,(signed_in|signed_out|sign_in_failed),/);
    expect(await actionsRecorded('audit_trail_exported')).toBe(before + 1);
  });

  it.skipIf(skip)('pages a long trail, 50 events at a time', async () => {
    const lead = userIds.get(DEMO.lead) ?? '';
    for (let i = 0; i < 60; i += 1) {
      await recordAudit(heard.db, heard.clock, {
        actorUserId: lead,
        action: 'voice_viewed',
        recordType: 'voice',
        recordId: `voice-${i}`,
        organisationId: advocacyId,
      });
    }
    const admin = await signedIn(DEMO.advocacyAdmin);
    const query = `?person=${lead}&kind=identifiable`;
    const first = visibleText((await admin.get(trail(query))).body);
    expect(first).toMatch(/Showing 1 to 50 of \d+/);
    const total = Number(/Showing 1 to 50 of (\d+)/.exec(first)?.[1]);
    expect(total).toBeGreaterThanOrEqual(60);
    const second = await admin.get(trail(`${query}&page=2`));
    expect(visibleText(second.body)).toContain(`Showing 51 to ${total} of ${total}`);
    expect(visibleText(second.body)).toContain('Opened a voice');
    // The pages keep the choices.
    expect(first).toContain('Next');
    expect((await admin.get(trail(query))).body).toContain(
      `person=${lead}&amp;kind=identifiable&amp;page=2`,
    );
  });

  it.skipIf(skip)("is only for the organisation's admin", async () => {
    const advocate = await signedIn(DEMO.advocate);
    expect((await advocate.get(trail())).statusCode).toBe(403);
    const councilAdmin = await signedIn(DEMO.councilAdmin);
    expect((await councilAdmin.get(trail())).statusCode).toBe(404);
    expect((await councilAdmin.get(`/organisations/${advocacyId}/audit.csv`)).statusCode).toBe(404);
    expect((await councilAdmin.get(`/organisations/${councilId}/audit`)).statusCode).toBe(200);
    const platformAdmin = await signedIn(DEMO.platformAdmin);
    expect((await platformAdmin.get(trail())).statusCode).toBe(200);
    const nobody = new Browser(heard.app);
    expect((await nobody.get(trail())).statusCode).not.toBe(200);
  });
});
