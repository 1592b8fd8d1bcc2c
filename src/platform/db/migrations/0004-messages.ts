import type { Kysely } from 'kysely';

// The outbox (issues 6 and 7): every email Heard means to send, saved in the transaction of the
// change that caused it, then sent, retried or given up by the mail sender. Rows are kept so
// staff can see what was sent and what never arrived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The same notice is never queued twice, however often its cause is saved.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_address', 'text', (c) => c.notNull())
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // What the sender looks for on each poll: due messages in a state it may pick up.
  await db.schema
    .createIndex('messages_due')
    .on('messages')
    .columns(['state', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('messages').execute();
}
