import type { Kysely } from 'kysely';

// Themes (issue 5): the advocacy lead shares one snapshot with the council. Add-only: the newest
// row stands, so council roles never see a machine draft the advocates have not made their own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('theme_snapshots.id'))
    .addColumn('published_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('theme_publications_engagement')
    .on('theme_publications')
    .columns(['engagement_id', 'published_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_publications').execute();
}
