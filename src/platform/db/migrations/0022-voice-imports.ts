import type { Kysely } from 'kysely';

// Voices imported from a CSV (`heard import voices`): which rows an engagement already holds, so
// the same file imported again adds nothing twice. A row is named only by a SHA-256 hash of its
// key (the survey's own id, or its text and line), never the key itself: ids in other surveys
// can be personal, such as an email address or a name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_imports')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('import_key', 'text', (c) => c.notNull())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voice_imports_key', ['engagement_id', 'import_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_imports').execute();
}
