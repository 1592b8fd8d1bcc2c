import type { Kysely } from 'kysely';

// "You said, we did" (issue 7): the public page a lead publishes, telling people by the route
// they chose, their stop requests, and the "Did anything change for you?" follow-up. A notice is
// one person told of one event, once: (participant, event) is unique, so a republished page or
// an action marked done twice tells nobody twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_pages')
    .addColumn('engagement_id', 'text', (c) => c.primaryKey().references('engagements.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('feedback_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('feedback_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    // 'published' | 'action_done' | 'follow_up'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the notice tells of: 'published', 'action_done:<action id>', 'follow_up:<id>'.
    .addColumn('event', 'text', (c) => c.notNull())
    // 'email' | 'text' | 'post' | 'advocate': the route as it was when the person was told.
    .addColumn('route', 'text', (c) => c.notNull())
    // 'queued' (email, in the outbox) | 'waiting' (text, post, advocate) | 'done'.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    // For the advocate route: who heard the person, when Heard knows.
    .addColumn('advocate_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by_id', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('feedback_notices_once', ['participant_id', 'event'])
    .execute();
  await db.schema
    .createIndex('feedback_notices_engagement')
    .on('feedback_notices')
    .columns(['engagement_id', 'route', 'state'])
    .execute();

  // A stop is for every later message about any engagement: the person asked for no more.
  await db.schema
    .createTable('feedback_stops')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('notice_id', 'text', (c) => c.notNull().references('feedback_notices.id'))
    .addColumn('stopped_at', 'text', (c) => c.notNull())
    .execute();

  // One answer per follow-up notice; no name or contact, only what the person chose to say.
  await db.schema
    .createTable('feedback_answers')
    .addColumn('notice_id', 'text', (c) => c.primaryKey().references('feedback_notices.id'))
    .addColumn('follow_up_id', 'text', (c) => c.notNull().references('feedback_follow_ups.id'))
    // 'yes' | 'a_little' | 'no' | 'not_sure'.
    .addColumn('changed', 'text', (c) => c.notNull())
    // The action the person says it was about; null for "something else" or none.
    .addColumn('action_id', 'text', (c) => c.references('response_actions.id'))
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('share_words', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_answers_follow_up')
    .on('feedback_answers')
    .column('follow_up_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'feedback_answers',
    'feedback_stops',
    'feedback_notices',
    'feedback_follow_ups',
    'feedback_pages',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
