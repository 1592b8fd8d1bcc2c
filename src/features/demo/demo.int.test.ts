import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { ROLES } from '../organisations/index.ts';
import { listDemoAccounts, seedDemo } from './demo.ts';

describe.each(testDatabases)('the demo on $label', (database) => {
  let heard: TestApp;
  beforeAll(async () => {
    if (database.skipReason === undefined) heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  it.skipIf(skip)(
    'has a council, an advocacy organisation, an engagement and an account for every role',
    async () => {
      const organisations = await heard.db.selectFrom('organisations').select('type').execute();
      expect(organisations.map((o) => o.type).sort()).toEqual(['advocacy', 'council']);
      const roles = await heard.db.selectFrom('user_roles').select('role').distinct().execute();
      expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
      const platformAdmins = await heard.db
        .selectFrom('users')
        .select('id')
        .where('is_platform_admin', '=', 1)
        .execute();
      expect(platformAdmins).toHaveLength(1);
      const engagements = await heard.db.selectFrom('engagements').selectAll().execute();
      expect(engagements).toHaveLength(1);
      expect(engagements[0]?.phase).toBe('draft');
      const users = await heard.db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email).sort()).toEqual(
        listDemoAccounts()
          .map((a) => a.email)
          .sort(),
      );
    },
  );

  it.skipIf(skip)('adds nothing to a database that already has organisations', async () => {
    const before = await heard.db.selectFrom('users').select('id').execute();
    const again = await seedDemo({
      config: heard.config,
      db: heard.db,
      clock: () => new Date(),
      t: translator('en'),
    });
    expect(again.seeded).toBe(false);
    expect(await heard.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });
});
