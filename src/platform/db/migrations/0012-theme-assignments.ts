import type { Kysely } from 'kysely';

// Themes (issue 5): a person's coding of one voice to themes, by theme key. Add-only: the
// newest coding of a voice stands, and no run of the machine changes it. Kept apart from
// theme_edits, which hold changes to a theme, because a coding belongs to a voice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    // JSON: the theme keys, main theme first; [] when the person took the voice out of every theme.
    .addColumn('theme_keys', 'text', (c) => c.notNull())
    // The snapshot the person was looking at when they coded the voice.
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('theme_snapshots.id'))
    .addColumn('assigned_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('theme_assignments_engagement')
    .on('theme_assignments')
    .columns(['engagement_id', 'voice_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_assignments').execute();
}
