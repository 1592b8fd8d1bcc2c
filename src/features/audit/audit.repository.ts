import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  organisationId: string | null;
  /** Ids, counts and state names only: never voice text, names or contact details. */
  details?: Record<string, string | number | boolean | string[]>;
}

/** Writes one audit row. Call it inside the transaction that makes the change it records. */
export async function recordAudit(db: Db, clock: Clock, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      occurred_at: clock().toISOString(),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId,
      organisation_id: entry.organisationId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** How many times an action was recorded against a record since a moment (e.g. failed sign-ins). */
export async function countAuditSince(
  db: Db,
  query: { action: string; recordType: string; recordId: string; since: string },
): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('action', '=', query.action)
    .where('record_type', '=', query.recordType)
    .where('record_id', '=', query.recordId)
    .where('occurred_at', '>=', query.since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface AuditEvent {
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  details: Record<string, unknown>;
}

/** The trail for one record, oldest first. */
export async function listAuditForRecord(
  db: Db,
  recordType: string,
  recordId: string,
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
