import type { Kysely } from 'kysely';

// Acted upon (issue 7): the published themes a recommendation comes from. Add-only: each time the
// lead saves a draft with a changed set of themes, the set is added under a new choice id (UUIDv7,
// so it sorts by time), and the newest set stands; the earlier ones stay on the record. The theme's name is kept as it was
// when chosen, so the link still reads the same after the themes are shared again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recommendation_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    // The same for every theme chosen in one save.
    .addColumn('choice_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('theme_snapshots.id'))
    .addColumn('theme_key', 'text', (c) => c.notNull())
    .addColumn('theme_label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('chosen_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('chosen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recommendation_themes_recommendation')
    .on('recommendation_themes')
    .columns(['recommendation_id', 'choice_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recommendation_themes').execute();
}
