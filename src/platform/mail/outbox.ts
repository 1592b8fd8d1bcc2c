import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { MessagesTable } from '../db/schema.ts';

/**
 * queued: waiting for its first try; sending: a sender has it now; sent: the SMTP server took
 * it; failed: a try failed and another is due at next_attempt_at; given_up: no more tries.
 */
export type MessageState = 'queued' | 'sending' | 'sent' | 'failed' | 'given_up';

export type MessageRow = Selectable<MessagesTable>;

export interface NewMessage {
  /** What the message is about, e.g. 'safeguarding_flag'. */
  kind: string;
  /**
   * Names the notice, not the send: e.g. `safeguarding_flag:<voice id>:<user id>`. Queuing the
   * same key again does nothing, so a notice reaches each person once however often its cause
   * is saved.
   */
  dedupeKey: string;
  to: string;
  toUserId?: string | null;
  subject: string;
  /** Plain text. Never a person's words or details when a link can lead to them instead. */
  body: string;
  /** An absolute address (see config.publicUrl), sent on its own line after the body. */
  link?: string | null;
}

/**
 * Puts a message in the outbox. Call it with the transaction that saves the change the message
 * tells of, so that both are saved or neither is. Returns false when a message with the same
 * dedupe key was already queued (in any state): nothing is added then.
 */
export async function queueMessage(db: Db, message: NewMessage, at: string): Promise<boolean> {
  // ON CONFLICT DO NOTHING rather than catching a unique violation: on PostgreSQL a failed
  // statement would abort the caller's whole transaction.
  const inserted = await db
    .insertInto('messages')
    .values({
      id: newId(),
      kind: message.kind,
      dedupe_key: message.dedupeKey,
      recipient_address: message.to,
      recipient_user_id: message.toUserId ?? null,
      subject: message.subject,
      body: message.body,
      link: message.link ?? null,
      state: 'queued' satisfies MessageState,
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

const UNDELIVERED: MessageState[] = ['failed', 'given_up'];

/**
 * Messages that have not arrived and that staff should see: those waiting for a retry and
 * those given up, oldest first. Optionally only those of some kinds.
 */
export async function listUndelivered(
  db: Db,
  options: { kinds?: string[]; limit?: number } = {},
): Promise<MessageRow[]> {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('state', 'in', UNDELIVERED)
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit ?? 100);
  if (options.kinds !== undefined) {
    if (options.kinds.length === 0) return [];
    query = query.where('kind', 'in', options.kinds);
  }
  return query.execute();
}
