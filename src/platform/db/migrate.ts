import {
  Migrator,
  PostgresAdapter,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  sql,
} from 'kysely';
import type { Db } from './database.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as listening from './migrations/0002-listening.ts';
import * as triage from './migrations/0003-triage.ts';
import * as messages from './migrations/0004-messages.ts';
import * as sorting from './migrations/0005-sorting.ts';
import * as statements from './migrations/0006-statements.ts';
import * as opinionMap from './migrations/0007-opinion-map.ts';
import * as responses from './migrations/0008-responses.ts';
import * as polisIds from './migrations/0009-polis-ids.ts';
import * as feedback from './migrations/0010-feedback.ts';
import * as themes from './migrations/0011-themes.ts';
import * as themeAssignments from './migrations/0012-theme-assignments.ts';
import * as themePublications from './migrations/0013-theme-publications.ts';
import * as recommendationThemes from './migrations/0014-recommendation-themes.ts';
import * as evidenceAndRevisions from './migrations/0015-evidence-and-revisions.ts';
import * as statementsPrompts from './migrations/0016-statements-prompts.ts';
import * as themeReviews from './migrations/0017-theme-reviews.ts';
import * as themeScopes from './migrations/0018-theme-scopes.ts';
import * as letterFormat from './migrations/0019-letter-format.ts';
import * as themeRuns from './migrations/0020-theme-runs.ts';
import * as rateLimits from './migrations/0021-rate-limits.ts';
import * as voiceImports from './migrations/0022-voice-imports.ts';
import * as auditTrail from './migrations/0023-audit-trail.ts';
import * as equalityAnswers from './migrations/0024-equality-answers.ts';
import * as populationBaselines from './migrations/0025-population-baselines.ts';

/** Every migration, in order. Merged migrations are never edited: add a new one. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-listening': listening,
  '0003-triage': triage,
  '0004-messages': messages,
  '0005-sorting': sorting,
  '0006-statements': statements,
  '0007-opinion-map': opinionMap,
  '0008-responses': responses,
  '0009-polis-ids': polisIds,
  '0010-feedback': feedback,
  '0011-themes': themes,
  '0012-theme-assignments': themeAssignments,
  '0013-theme-publications': themePublications,
  '0014-recommendation-themes': recommendationThemes,
  '0015-evidence-and-revisions': evidenceAndRevisions,
  '0016-statements-prompts': statementsPrompts,
  '0017-theme-reviews': themeReviews,
  '0018-theme-scopes': themeScopes,
  '0019-letter-format': letterFormat,
  '0020-theme-runs': themeRuns,
  '0021-rate-limits': rateLimits,
  '0022-voice-imports': voiceImports,
  '0023-audit-trail': auditTrail,
  '0024-equality-answers': equalityAnswers,
  '0025-population-baselines': populationBaselines,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/**
 * On PostgreSQL the migrator's own tables live in the connection's current schema. Left to
 * itself, Kysely would find them in any schema on the search path's server and skip making
 * them, so two Heard databases in one PostgreSQL (schemas side by side) would trip each other.
 */
async function migrator(db: Db): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the database up to the latest schema. Returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Names of migrations not yet run; empty when the database is up to date. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
