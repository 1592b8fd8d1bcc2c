import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Opens the configured database. SQLite runs in WAL mode with foreign keys enforced. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.dialect === 'postgres') {
    return new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: config.connectionString, max: 10 }),
      }),
    });
  }
  if (config.filename !== ':memory:') mkdirSync(dirname(config.filename), { recursive: true });
  const sqlite = new SQLite(config.filename);
  if (config.filename !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** True when the database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
