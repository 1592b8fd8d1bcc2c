import type { BaseLogger } from 'pino';
import { type Clock, isoNow } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { MailTransport } from './mail-transport.ts';
import type { MessageRow, MessageState } from './outbox.ts';
import { MAX_ATTEMPTS, afterFailure, isServerTrouble } from './retry-policy.ts';

/** The little of a logger the sender uses: a pino or Fastify logger fits. */
export type MailLogger = Pick<BaseLogger, 'info' | 'warn' | 'error'>;

/**
 * A message still `sending` this long after it was claimed belongs to a sender that died. Far
 * longer than any one try can take (see DEFAULT_TIMEOUTS), so a live sender is never overtaken.
 */
export const STALE_SENDING_MINUTES = 15;

const INTERRUPTED = 'INTERRUPTED: the sender stopped while sending; it may have arrived';

export interface MailSenderOptions {
  db: Db;
  transport: MailTransport;
  /** The From line, e.g. "Heard <no-reply@heard.example>". Its domain also ends each Message-ID. */
  from: string;
  clock: Clock;
  /** Gets message ids, states and failure codes: never an address, subject or body. */
  logger?: MailLogger;
  /** The most messages one call tries, so that a call always ends. */
  batchSize?: number;
}

export interface SendReport {
  sent: number;
  /** Failed this time, with another try due later. */
  retrying: number;
  givenUp: number;
  /** Taken back from a sender that died, to be tried again (or given up when out of tries). */
  reclaimed: number;
}

/**
 * The same for every try of a message, so that when a try that seemed to fail did arrive, the
 * second copy can be recognised as the same message (mail clients and servers group or drop on it).
 */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? 'heard.invalid';
  return `<${id}@${domain}>`;
}

function textOf(message: MessageRow): string {
  return message.link === null ? message.body : `${message.body}\n\n${message.link}\n`;
}

/** Messages whose sender died are queued again, or given up when they have had every try. */
async function reclaimStale(db: Db, clock: Clock, logger: MailLogger | undefined) {
  const now = clock();
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MINUTES * 60_000).toISOString();
  const reclaimed = await db
    .updateTable('messages')
    .set((eb) => ({
      state: eb
        .case()
        .when('attempts', '>=', MAX_ATTEMPTS)
        .then(eb.val<MessageState>('given_up'))
        .else(eb.val<MessageState>('queued'))
        .end(),
      claimed_at: null,
      next_attempt_at: now.toISOString(),
      last_error: INTERRUPTED,
    }))
    .where('state', '=', 'sending' satisfies MessageState)
    .where('claimed_at', '<=', staleBefore)
    .returning(['id', 'state', 'attempts'])
    .execute();
  for (const m of reclaimed) {
    logger?.warn({ messageId: m.id, state: m.state, attempts: m.attempts }, 'mail reclaimed');
  }
  return reclaimed.length;
}

async function findDue(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('state', 'in', ['queued', 'failed'] satisfies MessageState[])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes a message for this sender. The update only matches while the message is still due and
 * waiting, so when two senders race for it exactly one gets a row back.
 */
async function claim(db: Db, id: string, now: string): Promise<MessageRow | undefined> {
  return db
    .updateTable('messages')
    .set((eb) => ({
      state: 'sending' satisfies MessageState,
      claimed_at: now,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'failed'] satisfies MessageState[])
    .where('next_attempt_at', '<=', now)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Settles a claimed message, but only while this sender's claim still stands: if it was
 * reclaimed meanwhile, whoever holds it now decides.
 */
async function settle(
  db: Db,
  message: MessageRow,
  fields: {
    state: MessageState;
    next_attempt_at?: string;
    last_error: string | null;
    sent_at?: string;
  },
): Promise<boolean> {
  const claimedAt = message.claimed_at;
  if (claimedAt === null) return false;
  const result = await db
    .updateTable('messages')
    .set({ ...fields, claimed_at: null })
    .where('id', '=', message.id)
    .where('state', '=', 'sending' satisfies MessageState)
    .where('claimed_at', '=', claimedAt)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Sends every message that is due, one at a time, and records what happened to each. When the
 * server cannot be reached the round ends there: the other messages keep their tries for later.
 *
 * At least once, never lost: a message is marked sent only after the SMTP server has said it
 * took it. When the answer never comes (a timeout after the message went, or a sender that died
 * mid-send) the message is tried again, so in that rare case it may arrive twice; both copies
 * carry the same Message-ID (see messageIdFor). Two senders never send the same message at
 * the same time (see claim).
 */
export async function sendDueMessages({
  db,
  transport,
  from,
  clock,
  logger,
  batchSize = 50,
}: MailSenderOptions): Promise<SendReport> {
  const report: SendReport = { sent: 0, retrying: 0, givenUp: 0, reclaimed: 0 };
  report.reclaimed = await reclaimStale(db, clock, logger);

  for (const id of await findDue(db, isoNow(clock), batchSize)) {
    const message = await claim(db, id, isoNow(clock));
    if (message === undefined) continue;
    const log = { messageId: message.id, kind: message.kind, attempt: message.attempts };
    try {
      await transport.sendMail({
        from,
        to: message.recipient_address,
        subject: message.subject,
        text: textOf(message),
        messageId: messageIdFor(message.id, from),
        // RFC 3834: out-of-office replies are not sent back to a notice.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const outcome = afterFailure(error, message.attempts, clock());
      const settled = await settle(db, message, {
        state: outcome.state,
        last_error: outcome.reason,
        ...(outcome.nextAttemptAt === null ? {} : { next_attempt_at: outcome.nextAttemptAt }),
      });
      if (!settled) {
        logger?.warn(log, 'mail failed after it was reclaimed; its new sender decides');
        continue;
      }
      if (outcome.state === 'given_up') report.givenUp++;
      else report.retrying++;
      logger?.warn({ ...log, state: outcome.state, failure: outcome.reason }, 'mail not sent');
      if (isServerTrouble(error)) break;
      continue;
    }
    const settled = await settle(db, message, {
      state: 'sent',
      last_error: null,
      sent_at: isoNow(clock),
    });
    if (settled) {
      report.sent++;
      logger?.info(log, 'mail sent');
    } else {
      logger?.warn(log, 'mail sent after it was reclaimed; it may arrive twice');
    }
  }
  return report;
}
