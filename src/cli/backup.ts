import { chmodSync, existsSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { recordAudit } from '../features/audit/index.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

/**
 * `heard backup FILE`: a whole, consistent copy of the SQLite database, safe to take while Heard
 * is running (SQLite's online backup). The copy holds everything Heard holds, so it is written
 * for its owner alone to read, never over another file, and the backup is on the audit trail.
 * PostgreSQL has its own tools, which a council's database team will already use.
 */
export async function run(_values: OptionValues, positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('Give one file to write the copy to: heard backup FILE');
  const config = loadConfig();
  const { database } = config;
  if (database.dialect === 'postgres')
    throw new UsageError(
      'Heard is using PostgreSQL (DATABASE_URL). Back it up with PostgreSQL\'s own tools, for example: pg_dump --format=custom --file FILE "$DATABASE_URL"',
    );
  if (database.filename === ':memory:' || !existsSync(database.filename))
    throw new UsageError(`There is no database at ${database.filename}: nothing to back up.`);
  // A backup never overwrites: an earlier one may be the only copy of what it held.
  if (existsSync(file)) throw new UsageError(`${file}: already there, nothing written`);

  const source = new SQLite(database.filename, { fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  chmodSync(file, 0o600);
  const bytes = statSync(file).size;
  await withDatabase(
    ({ db, clock }) =>
      recordAudit(db, clock, {
        actorUserId: null,
        action: 'database_backed_up',
        recordType: 'database',
        recordId: null,
        organisationId: null,
        details: { bytes },
      }),
    config,
  );
  console.log(
    `Wrote ${file} (${(bytes / 1_048_576).toFixed(1)} MB). It holds everything Heard holds, including people's words and contact details: keep it encrypted, where only the advocacy organisation can reach it.`,
  );
}
