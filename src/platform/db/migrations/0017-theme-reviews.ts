import type { Kysely } from 'kysely';

// Themes (issue 5): draft → reviewed → published, and taking a publication back. Both add-only:
// a review says which snapshot a person checked; a take-back ends one publication, with the
// reason the council reads. Publications stay in theme_publications (0013).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('theme_snapshots.id'))
    .addColumn('reviewed_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('theme_reviews_engagement')
    .on('theme_reviews')
    .columns(['engagement_id', 'snapshot_id'])
    .execute();

  await db.schema
    .createTable('theme_take_backs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One take-back per publication: publishing the same snapshot again is a new publication.
    .addColumn('publication_id', 'text', (c) =>
      c.notNull().unique().references('theme_publications.id'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('taken_back_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('taken_back_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_take_backs').execute();
  await db.schema.dropTable('theme_reviews').execute();
}
