import type { Kysely } from 'kysely';

// Acted upon (issue 7): recommendations, the decision maker's responses, actions with their
// progress, and advocates' challenges. What was sent, answered, promised and challenged stays
// on the record: progress updates and challenges are add-only, and a sent recommendation or a
// published response is never edited.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('asked_plain', 'text', (c) => c.notNull())
    .addColumn('asked_easy_read', 'text', (c) => c.notNull())
    .addColumn('written_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Null while a draft; set for the whole batch when the lead sends it.
    .addColumn('sent_at', 'text')
    .addColumn('sent_by_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('recommendations_engagement')
    .on('recommendations')
    .columns(['engagement_id', 'created_at'])
    .execute();

  // A quote is a voice, not a copy of its words: a withdrawn voice stops being quoted.
  await db.schema
    .createTable('recommendation_quotes')
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('recommendation_quotes_pk', ['recommendation_id', 'voice_id'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) =>
      c.notNull().unique().references('recommendations.id'),
    )
    // 'adopt' | 'adapt' | 'explore' | 'not_now'; may be empty while a draft.
    .addColumn('decision', 'text')
    .addColumn('reasons_plain', 'text', (c) => c.notNull())
    .addColumn('reasons_easy_read', 'text', (c) => c.notNull())
    // 'draft' | 'published'.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('written_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_id', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('response_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    // 'planned' | 'in_progress' | 'done' | 'dropped': the newest update's, kept here to count.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('response_actions_response')
    .on('response_actions')
    .column('response_id')
    .execute();

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('response_actions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // What happened; for a dropped action, why.
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('evidence_link', 'text')
    .addColumn('written_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('written_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_updates_action')
    .on('action_updates')
    .columns(['action_id', 'written_at'])
    .execute();

  await db.schema
    .createTable('response_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('raised_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    // 'upheld' | 'not_upheld', with the reply.
    .addColumn('outcome', 'text')
    .addColumn('replied_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('replied_at', 'text')
    .execute();
  await db.schema
    .createIndex('response_challenges_response')
    .on('response_challenges')
    .column('response_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'response_challenges',
    'action_updates',
    'response_actions',
    'responses',
    'recommendation_quotes',
    'recommendations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
