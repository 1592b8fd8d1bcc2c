import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(testDatabases)('organisations and users on $label', (database) => {
  let heard: TestApp;
  let councilId: string;
  let advocacyId: string;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const organisations = await heard.db
      .selectFrom('organisations')
      .select(['id', 'type'])
      .execute();
    councilId = organisations.find((o) => o.type === 'council')?.id ?? '';
    advocacyId = organisations.find((o) => o.type === 'advocacy')?.id ?? '';
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

  const auditActions = async (recordId: string): Promise<string[]> =>
    (
      await heard.db
        .selectFrom('audit_events')
        .select('action')
        .where('record_id', '=', recordId)
        .orderBy('id')
        .execute()
    ).map((row) => row.action);

  it.skipIf(skip)('lets a platform administrator add an organisation, on the record', async () => {
    const browser = await signedIn(DEMO.platformAdmin);
    const response = await browser.submit('/organisations/new', '/organisations', {
      name: 'Eastvale Carers Network',
      type: 'community',
    });
    expect(response.statusCode).toBe(303);
    const created = await heard.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', 'Eastvale Carers Network')
      .executeTakeFirstOrThrow();
    expect(created.type).toBe('community');
    expect(response.headers.location).toBe(`/organisations/${created.id}/users?added=organisation`);
    expect(await auditActions(created.id)).toContain('organisation_created');
    const list = await browser.get('/organisations');
    expect(visibleText(list.body)).toContain('Eastvale Carers Network');
  });

  it.skipIf(skip)(
    'explains what to fix in an organisation form and keeps what was typed',
    async () => {
      const browser = await signedIn(DEMO.platformAdmin);
      const empty = await browser.submit('/organisations/new', '/organisations', { name: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(visibleText(empty.body)).toContain("Enter the organisation's name");
      expect(visibleText(empty.body)).toContain('Select the type of organisation');

      const duplicate = await browser.submit('/organisations/new', '/organisations', {
        name: 'northshire council',
        type: 'provider',
      });
      expect(duplicate.statusCode).toBe(400);
      expect(visibleText(duplicate.body)).toContain(
        'An organisation with this name already exists',
      );
      expect(duplicate.body).toContain('value="northshire council"');
      expect(duplicate.body).toMatch(/value="provider" checked/);
    },
  );

  it.skipIf(skip)(
    'lets an organisation admin add a user who can then sign in with their roles',
    async () => {
      const browser = await signedIn(DEMO.councilAdmin);
      const page = `/organisations/${councilId}/users/new`;
      const response = await browser.submit(page, `/organisations/${councilId}/users`, {
        name: 'Ravi Patel',
        email: '  Ravi.Patel@Council.example ',
        roles: ['officer', 'decision_maker'],
        password: 'a long enough first password',
      });
      expect(response.statusCode).toBe(303);
      const users = await browser.get(`/organisations/${councilId}/users`);
      expect(visibleText(users.body)).toContain('ravi.patel@council.example');

      const ravi = new Browser(heard.app);
      expect(
        (await ravi.signIn('ravi.patel@council.example', 'a long enough first password'))
          .statusCode,
      ).toBe(303);
      const me = (await ravi.json('GET', '/api/v1/me')).json<{
        roles: string[];
        organisationId: string;
      }>();
      expect(me.roles.sort()).toEqual(['decision_maker', 'officer']);
      expect(me.organisationId).toBe(councilId);
    },
  );

  it.skipIf(skip)(
    'keeps the typed details but never the password when a new user is refused',
    async () => {
      const browser = await signedIn(DEMO.councilAdmin);
      const response = await browser.submit(
        `/organisations/${councilId}/users/new`,
        `/organisations/${councilId}/users`,
        {
          name: 'Jo Bloggs',
          email: 'not-an-email',
          roles: 'officer',
          password: 'short',
        },
      );
      expect(response.statusCode).toBe(400);
      const text = visibleText(response.body);
      expect(text).toContain('Enter an email address in the correct format');
      expect(text).toContain('Password must be at least 12 characters');
      expect(response.body).toContain('value="Jo Bloggs"');
      expect(response.body).toContain('value="not-an-email"');
      expect(response.body).toMatch(/value="officer" checked/);
      expect(response.body).not.toContain('value="short"');
      const saved = await heard.db
        .selectFrom('users')
        .select('id')
        .where('name', '=', 'Jo Bloggs')
        .execute();
      expect(saved).toHaveLength(0);
    },
  );

  it.skipIf(skip)('refuses an email address that already has an account', async () => {
    const browser = await signedIn(DEMO.advocacyAdmin);
    const response = await browser.submit(
      `/organisations/${advocacyId}/users/new`,
      `/organisations/${advocacyId}/users`,
      {
        name: 'Another Lead',
        email: DEMO.lead.toUpperCase(),
        roles: 'lead',
        password: 'another long password',
      },
    );
    expect(response.statusCode).toBe(400);
    expect(visibleText(response.body)).toContain(
      'Someone already has an account with this email address',
    );
  });

  it.skipIf(skip)(
    "does not let one organisation's admin see, add or change another organisation's users",
    async () => {
      const browser = await signedIn(DEMO.councilAdmin);
      const lead = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow();
      expect((await browser.get(`/organisations/${advocacyId}/users`)).statusCode).toBe(404);
      expect((await browser.get(`/organisations/${advocacyId}/users/new`)).statusCode).toBe(404);
      expect((await browser.get(`/organisations/${advocacyId}/users/${lead.id}`)).statusCode).toBe(
        404,
      );
      // A user of another organisation, reached through one's own organisation's address.
      expect((await browser.get(`/organisations/${councilId}/users/${lead.id}`)).statusCode).toBe(
        404,
      );

      const add = await browser.submit(
        `/organisations/${councilId}/users/new`,
        `/organisations/${advocacyId}/users`,
        {
          name: 'Intruder',
          email: 'intruder@council.example',
          roles: 'admin',
          password: 'a long enough password',
        },
      );
      expect(add.statusCode).toBe(404);
      const change = await browser.submit(
        `/organisations/${councilId}/users/new`,
        `/organisations/${advocacyId}/users/${lead.id}`,
        {
          roles: 'admin',
          access: 'disabled',
        },
      );
      expect(change.statusCode).toBe(404);
      const api = await browser.json('GET', `/api/v1/organisations/${advocacyId}/users`);
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');

      expect(
        await heard.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'intruder@council.example')
          .execute(),
      ).toHaveLength(0);
      const leadRoles = await heard.db
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', lead.id)
        .execute();
      expect(leadRoles.map((r) => r.role)).toEqual(['lead']);
    },
  );

  it.skipIf(skip)("refuses a role another role's pages, with a plain 403", async () => {
    const lead = await signedIn(DEMO.lead);
    const users = await lead.get(`/organisations/${advocacyId}/users`);
    expect(users.statusCode).toBe(403);
    expect(visibleText(users.body)).toContain('Your account does not let you use this page');
    expect((await lead.get('/organisations')).statusCode).toBe(403);
    const councilAdmin = await signedIn(DEMO.councilAdmin);
    expect((await councilAdmin.get('/organisations')).statusCode).toBe(403);
    const api = await councilAdmin.json('POST', '/api/v1/organisations', {
      name: 'Sneaky',
      type: 'council',
    });
    expect(api.statusCode).toBe(403);
  });

  it.skipIf(skip)(
    "changes a user's roles and access; a user who cannot sign in is signed out at once",
    async () => {
      const admin = await signedIn(DEMO.advocacyAdmin);
      const advocate = await signedIn(DEMO.advocate);
      const advocateId = (await advocate.json('GET', '/api/v1/me')).json<{ userId: string }>()
        .userId;
      const page = `/organisations/${advocacyId}/users/${advocateId}`;

      const changed = await admin.submit(page, page, {
        roles: ['advocate', 'lead'],
        access: 'disabled',
      });
      expect(changed.statusCode).toBe(303);
      expect((await advocate.get('/home')).statusCode).toBe(303);
      expect((await new Browser(heard.app).signIn(DEMO.advocate, DEMO.password)).statusCode).toBe(
        401,
      );
      expect(await auditActions(advocateId)).toContain('user_changed');

      const restored = await admin.submit(page, page, { roles: 'advocate', access: 'active' });
      expect(restored.statusCode).toBe(303);
      expect((await new Browser(heard.app).signIn(DEMO.advocate, DEMO.password)).statusCode).toBe(
        303,
      );
    },
  );

  it.skipIf(skip)('stops an admin removing their own admin role', async () => {
    const admin = await signedIn(DEMO.advocacyAdmin);
    const me = (await admin.json('GET', '/api/v1/me')).json<{ userId: string }>();
    const page = `/organisations/${advocacyId}/users/${me.userId}`;
    const response = await admin.submit(page, page, { roles: 'lead', access: 'active' });
    expect(response.statusCode).toBe(400);
    expect(visibleText(response.body)).toContain('You cannot remove your own admin role');
    const roles = await heard.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', me.userId)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['admin']);
  });

  it.skipIf(skip)('answers unknown ids with 404', async () => {
    const admin = await signedIn(DEMO.platformAdmin);
    expect((await admin.get('/organisations/no-such-organisation/users')).statusCode).toBe(404);
    expect((await admin.get(`/organisations/${councilId}/users/no-such-user`)).statusCode).toBe(
      404,
    );
    expect(
      (await admin.json('GET', '/api/v1/organisations/no-such-organisation/users')).statusCode,
    ).toBe(404);
  });

  it.skipIf(skip)(
    'adds users through the API with the same rules and messages as the form',
    async () => {
      const admin = await signedIn(DEMO.councilAdmin);
      const url = `/api/v1/organisations/${councilId}/users`;
      const bad = await admin.json('POST', url, {
        name: '',
        email: 'nope',
        roles: ['chief'],
        password: 'x',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const reasons = bad.json<{ invalidParams: { name: string; reason: string }[] }>()
        .invalidParams;
      expect(reasons).toEqual(
        expect.arrayContaining([
          { name: 'name', reason: "Enter the person's full name" },
          {
            name: 'email',
            reason: 'Enter an email address in the correct format, like name@example.org',
          },
          { name: 'password', reason: 'Password must be at least 12 characters' },
        ]),
      );
      const good = await admin.json('POST', url, {
        name: 'Api Person',
        email: 'api.person@council.example',
        roles: ['officer'],
        password: 'api person password',
      });
      expect(good.statusCode).toBe(201);
      const again = await admin.json('POST', url, {
        name: 'Api Person',
        email: 'api.person@council.example',
        roles: ['officer'],
        password: 'api person password',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        detail: 'Someone already has an account with this email address',
      });
      const list = await admin.json('GET', url);
      expect(list.json<{ email: string }[]>().map((u) => u.email)).toContain(
        'api.person@council.example',
      );
    },
  );

  it.skipIf(skip)('audits every look at a list of users', async () => {
    const admin = await signedIn(DEMO.councilAdmin);
    const before = (await auditActions(councilId)).filter((a) => a === 'users_viewed').length;
    await admin.get(`/organisations/${councilId}/users`);
    const after = (await auditActions(councilId)).filter((a) => a === 'users_viewed').length;
    expect(after).toBe(before + 1);
  });
});
