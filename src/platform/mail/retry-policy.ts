import type { NodemailerError } from 'nodemailer';

/** How long to wait after each failed try: 1 minute, then 5, 30, 2 hours and 12 hours. */
export const RETRY_DELAYS_MINUTES: readonly number[] = [1, 5, 30, 120, 720];

/** The first try and one after each wait; then the message is given up and shown to staff. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

export type FailureOutcome =
  | { state: 'failed'; nextAttemptAt: string; reason: string }
  | { state: 'given_up'; nextAttemptAt: null; reason: string };

const MAX_REASON_LENGTH = 300;

// Anything shaped like an email address: SMTP replies often echo the recipient back.
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

function asMailError(error: unknown): NodemailerError {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A rejection of this recipient or this message, for good: trying again will not help. A
 * permanent reply to anything else (the sender address, signing in) is about Heard's own set-up,
 * which staff can fix, so such messages are retried like any other failure.
 */
export function isPermanentRejection(error: unknown): boolean {
  const e = asMailError(error);
  // SEND: an HTTP API's refusal of the message itself (GOV.UK Notify, notify-transport.ts).
  return (
    e.permanent === true &&
    (e.command === 'RCPT TO' || e.command === 'DATA' || e.command === 'SEND')
  );
}

// Failures with no reply about the message itself: the server could not be reached or spoken to.
// EUNAVAILABLE: an HTTP API busy or failing (429, 5xx).
const SERVER_TROUBLE = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ETLS',
  'EPROXY',
  'EUNAVAILABLE',
]);

/**
 * The server is down, unreachable or silent: every other message would fail the same way now,
 * so the sender stops its round instead of spending their tries on it.
 */
export function isServerTrouble(error: unknown): boolean {
  const code = asMailError(error).code;
  return code !== undefined && SERVER_TROUBLE.has(code);
}

/**
 * What went wrong, short and safe to keep and to log: the error code, the SMTP reply code and
 * the server's words, with every address taken out. Never the message's subject or body.
 */
export function describeFailure(error: unknown): string {
  const e = asMailError(error);
  const code = [
    e.code ?? e.name,
    e.originalCode !== undefined && e.originalCode !== e.code ? `(${e.originalCode})` : '',
    e.timeoutType ?? '',
    e.responseCode !== undefined ? String(e.responseCode) : '',
    e.command !== undefined ? `at ${e.command}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  const words = (e.response ?? e.message).replace(ADDRESS, '[address]').replace(/\s+/g, ' ');
  return `${code}: ${words}`.trim().slice(0, MAX_REASON_LENGTH);
}

/** Where a message goes after its `attempts`-th try failed at `now`. */
export function afterFailure(error: unknown, attempts: number, now: Date): FailureOutcome {
  const reason = describeFailure(error);
  const delay = RETRY_DELAYS_MINUTES[attempts - 1];
  if (isPermanentRejection(error) || attempts >= MAX_ATTEMPTS || delay === undefined) {
    return { state: 'given_up', nextAttemptAt: null, reason };
  }
  return {
    state: 'failed',
    nextAttemptAt: new Date(now.getTime() + delay * 60_000).toISOString(),
    reason,
  };
}
