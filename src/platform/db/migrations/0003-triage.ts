import type { Kysely } from 'kysely';

// Suggestions for sorting a voice (issue 6), each saying which rules or model made it. Kept
// even when the voice is withdrawn: a safeguarding record already raised must be kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triage_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('triage_suggestions_voice')
    .on('triage_suggestions')
    .column('voice_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('triage_suggestions').execute();
}
