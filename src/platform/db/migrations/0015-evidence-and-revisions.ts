import { type Kysely, PostgresAdapter } from 'kysely';

// Acted upon (issue 7): files attached to action progress updates, and the decision maker's
// revised answer after a challenge is upheld. Both add-only: a file is never replaced, and a
// revision sits beside the answer it revises, which stays on the record.
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('action_evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('update_id', 'text', (c) => c.notNull().unique().references('action_updates.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    // Worked out from the file's bytes, never the browser's word.
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', bytes, (c) => c.notNull())
    // 1 when the person who attached it said the public may see it on "You said, we did".
    .addColumn('public', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('response_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    // One revised answer per upheld challenge.
    .addColumn('challenge_id', 'text', (c) =>
      c.notNull().unique().references('response_challenges.id'),
    )
    .addColumn('decision', 'text')
    .addColumn('reasons_plain', 'text', (c) => c.notNull())
    .addColumn('reasons_easy_read', 'text', (c) => c.notNull())
    // 'draft' | 'published': published revisions are never edited.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('written_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('response_revisions_response')
    .on('response_revisions')
    .column('response_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('response_revisions').execute();
  await db.schema.dropTable('action_evidence_files').execute();
}
