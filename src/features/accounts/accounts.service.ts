import type { Deps } from '../../platform/deps.ts';
import { countAuditSince, recordAudit } from '../audit/index.ts';
import { SIGN_IN_FAILURE_LIMIT, lockWindowStart, newSessionTimes } from './accounts.core.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findCredentials,
  findSession,
  insertSession,
  newSessionToken,
} from './accounts.repository.ts';
import { spendVerificationTime, verifyPassword } from './passwords.ts';

export type SignInOutcome =
  { ok: true; token: string; userId: string } | { ok: false; reason: 'wrong-details' | 'locked' };

/**
 * Checks an email and password and starts a new session. A wrong password and an unknown
 * email look the same from outside. Repeated wrong passwords lock the account for a while,
 * counted from the audit trail so every process sees the same count.
 */
export async function signIn(
  { db, clock }: Deps,
  input: { email: string; password: string; previousToken: string | undefined },
): Promise<SignInOutcome> {
  const now = clock();
  const credentials = await findCredentials(db, input.email);
  if (credentials === undefined) {
    await spendVerificationTime(input.password);
    return { ok: false, reason: 'wrong-details' };
  }
  const failures = await countAuditSince(db, {
    action: 'sign_in_failed',
    recordType: 'user',
    recordId: credentials.userId,
    since: lockWindowStart(now),
  });
  if (failures >= SIGN_IN_FAILURE_LIMIT) return { ok: false, reason: 'locked' };

  const matches = await verifyPassword(credentials.passwordHash, input.password);
  if (!matches || credentials.disabled) {
    await recordAudit(db, clock, {
      actorUserId: null,
      action: 'sign_in_failed',
      recordType: 'user',
      recordId: credentials.userId,
      organisationId: credentials.organisationId,
    });
    return {
      ok: false,
      reason: failures + 1 >= SIGN_IN_FAILURE_LIMIT ? 'locked' : 'wrong-details',
    };
  }

  // A new token on every sign-in: a session fixed before sign-in is never carried over.
  const token = newSessionToken();
  await db.transaction().execute(async (trx) => {
    if (input.previousToken !== undefined) await deleteSession(trx, input.previousToken);
    await deleteExpiredSessions(trx, now.toISOString());
    await insertSession(trx, token, credentials.userId, newSessionTimes(now));
    await recordAudit(trx, clock, {
      actorUserId: credentials.userId,
      action: 'signed_in',
      recordType: 'user',
      recordId: credentials.userId,
      organisationId: credentials.organisationId,
    });
  });
  return { ok: true, token, userId: credentials.userId };
}

export async function signOut({ db, clock }: Deps, token: string): Promise<void> {
  const session = await findSession(db, token);
  if (session === undefined) return;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, token);
    await recordAudit(trx, clock, {
      actorUserId: session.userId,
      action: 'signed_out',
      recordType: 'user',
      recordId: session.userId,
      organisationId: null,
    });
  });
}
