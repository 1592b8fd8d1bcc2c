import { type Kysely, sql } from 'kysely';

// Statements to agree or disagree with, and the votes on them (issue 4, the opinion map).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_easy_read', 'text')
    // 'approved' (shown for votes), 'pending' (waiting for moderation) or 'rejected'.
    .addColumn('state', 'text', (c) => c.notNull())
    // About the conversation itself ("this is a fair question"): kept out of the groups.
    .addColumn('is_meta', 'integer', (c) => c.notNull().defaultTo(0))
    // Exactly one author: a participant (their own statement) or a member of staff.
    .addColumn('author_participant_id', 'text', (c) => c.references('participants.id'))
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    // Shown to the author on their page: plain words, never about them.
    .addColumn('rejection_reason', 'text')
    .addColumn('moderated_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statements_engagement')
    .on('statements')
    .columns(['engagement_id', 'state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('statements_author')
    .on('statements')
    .column('author_participant_id')
    .execute();

  // One row per person and statement: a new vote replaces the old one (latest wins).
  await db.schema
    .createTable('statement_votes')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id'))
    // 1 agree, -1 disagree, 0 pass (unsure).
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value in (-1, 0, 1)`))
    .addColumn('voted_at', 'text', (c) => c.notNull())
    // Set when an advocate recorded the vote on the person's behalf, in a session.
    .addColumn('recorded_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('session_id', 'text', (c) => c.references('listening_sessions.id'))
    .addPrimaryKeyConstraint('statement_votes_pk', ['participant_id', 'statement_id'])
    .execute();
  await db.schema
    .createIndex('statement_votes_statement')
    .on('statement_votes')
    .column('statement_id')
    .execute();

  // Someone an advocate records votes for, in a session: whose consent, given how, and by whom.
  await db.schema
    .createTable('session_voters')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('listening_sessions.id'))
    .addColumn('consent_given_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_voters_session')
    .on('session_voters')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['session_voters', 'statement_votes', 'statements']) {
    await db.schema.dropTable(table).execute();
  }
}
