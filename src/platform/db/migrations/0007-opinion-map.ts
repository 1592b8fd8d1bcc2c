import type { Kysely } from 'kysely';

// Opinion map snapshots (issue 4): the groups, positions, representative and consensus
// statements and priorities computed in the background from the votes. Add-only: each
// recompute saves a new version, and pages read the newest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opinion_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    // The newest vote included: a vote after it makes the snapshot out of date.
    .addColumn('last_vote_at', 'text')
    // JSON: see src/features/opinion/opinion.result.ts.
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    // Two servers recomputing at once cannot both save the same version.
    .addUniqueConstraint('opinion_snapshots_version', ['engagement_id', 'version'])
    .execute();

  // The background recompute asks "which votes are newer than …?" every few seconds; without
  // this it would read every vote each time.
  await db.schema
    .createIndex('statement_votes_voted_at')
    .on('statement_votes')
    .column('voted_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('statement_votes_voted_at').execute();
  await db.schema.dropTable('opinion_snapshots').execute();
}
