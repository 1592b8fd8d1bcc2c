// A new SQLite file in `folder` with Heard's schema and the demo organisations, accounts and
// engagement: where the benchmarks that go through Heard's own services start.
import { join } from 'node:path';
import type { Config } from '../src/config.ts';
import { seedDemo } from '../src/features/demo/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Deps } from '../src/platform/deps.ts';
import { translator } from '../src/platform/i18n/i18n.ts';

export async function demoDatabase(folder: string): Promise<Deps> {
  const config: Config = {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database: { dialect: 'sqlite', filename: join(folder, 'heard.db') },
    demo: true,
    sessionSecret: 'bench-secret-that-is-at-least-32-characters-long',
    secureCookies: false,
    trustProxy: false,
    logLevel: 'silent',
    publicUrl: 'http://127.0.0.1:3000',
  };
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  const deps = { config, db, clock: systemClock, t: translator('en') };
  await seedDemo(deps);
  return deps;
}
