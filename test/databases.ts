import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.ts';
import { type Db, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** For test titles: the name, and why it is skipped where it is. */
  label: string;
  /** Why this database's tests are skipped here, or undefined when they run. */
  skipReason: string | undefined;
  /** A fresh, migrated database of its own, and a way to throw it away. */
  open(): Promise<{ db: Db; config: DatabaseConfig; drop: () => Promise<void> }>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

if (postgresUrl === undefined && process.env.CI === 'true') {
  throw new Error(
    'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests cannot be skipped in CI.',
  );
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  label: 'SQLite',
  skipReason: undefined,
  async open() {
    const config: DatabaseConfig = { dialect: 'sqlite', filename: ':memory:' };
    const db = openDatabase(config);
    await migrateToLatest(db);
    return { db, config, drop: () => db.destroy() };
  },
};

/** Each test file gets its own schema in the test database, so files can run side by side. */
const postgres: TestDatabase = {
  name: 'postgres',
  label:
    postgresUrl === undefined ? 'PostgreSQL (skipped: TEST_DATABASE_URL is not set)' : 'PostgreSQL',
  skipReason: postgresUrl === undefined ? 'TEST_DATABASE_URL is not set' : undefined,
  async open() {
    if (postgresUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `heard_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const config: DatabaseConfig = { dialect: 'postgres', connectionString: url.toString() };
    const db = openDatabase(config);
    await migrateToLatest(db);
    return {
      db,
      config,
      async drop() {
        await db.destroy();
        const cleaner = new pg.Client({ connectionString: postgresUrl });
        await cleaner.connect();
        await cleaner.query(`drop schema ${schema} cascade`);
        await cleaner.end();
      },
    };
  },
};

/** The databases every integration test runs on. */
export const testDatabases: TestDatabase[] = [sqlite, postgres];
