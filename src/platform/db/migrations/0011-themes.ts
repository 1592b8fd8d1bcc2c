import type { Kysely } from 'kysely';

// Themes (issue 5): each draft the machine makes is kept as a numbered snapshot of an
// engagement, never overwritten; what people change about a theme is kept apart, add-only, keyed
// by the theme's key, which a later draft carries forward to the theme it matches.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    // The themes pipeline's version (THEMES_MODEL_VERSION) and the synthesis rules' version.
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    // JSON: themes with key, label, quotes (voice id and exact words), members and counts.
    .addColumn('themes', 'text', (c) => c.notNull())
    // JSON: each voice that went in, its themes by key, with the machine's confidence.
    .addColumn('assignments', 'text', (c) => c.notNull())
    // JSON: how many voices were considered, went in, and were kept out, and why.
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addUniqueConstraint('theme_snapshots_version', ['engagement_id', 'version'])
    .execute();

  await db.schema
    .createTable('theme_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('theme_key', 'text', (c) => c.notNull())
    // The snapshot the person was looking at when they made the change.
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('theme_snapshots.id'))
    // 'label' | 'description' | 'locked' ('1' or '0').
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('edited_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('theme_edits_engagement')
    .on('theme_edits')
    .columns(['engagement_id', 'theme_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_edits').execute();
  await db.schema.dropTable('theme_snapshots').execute();
}
