import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { AuditAction } from './audit.actions.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
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
  query: { action: AuditAction; recordType: string; recordId: string; since: string },
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

/** One row of an organisation's trail: what one of its people did, with their name. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  /** The person's name now; null for a sign-in attempt that named no one known. */
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  /** The engagement's title, when the record is an engagement. */
  engagementTitle: string | null;
  /** The user's name, when the record is a user (a sign-in, or a change to their roles). */
  recordUserName: string | null;
  details: Record<string, unknown>;
}

/** Which of an organisation's events to read. */
export interface AuditTrailFilters {
  organisationId: string;
  actorUserId?: string;
  /** Only these actions (all when not given). */
  actions?: readonly AuditAction[];
  /** Only events at or after this moment (ISO 8601). */
  since?: string;
  /** Only events before this moment (ISO 8601). */
  before?: string;
}

function trailQuery(db: Db, filters: AuditTrailFilters) {
  let query = db
    .selectFrom('audit_events')
    .where('audit_events.organisation_id', '=', filters.organisationId);
  if (filters.actorUserId !== undefined)
    query = query.where('audit_events.actor_user_id', '=', filters.actorUserId);
  if (filters.actions !== undefined)
    query = query.where('audit_events.action', 'in', [...filters.actions]);
  if (filters.since !== undefined)
    query = query.where('audit_events.occurred_at', '>=', filters.since);
  if (filters.before !== undefined)
    query = query.where('audit_events.occurred_at', '<', filters.before);
  return query;
}

export async function countAuditTrail(db: Db, filters: AuditTrailFilters): Promise<number> {
  const row = await trailQuery(db, filters)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The organisation's events, newest first; `page` limits them to one page. */
export async function listAuditTrail(
  db: Db,
  filters: AuditTrailFilters,
  page?: { start: number; size: number },
): Promise<AuditEvent[]> {
  let query = trailQuery(db, filters)
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .leftJoin('engagements', (join) =>
      join
        .onRef('engagements.id', '=', 'audit_events.record_id')
        .on('audit_events.record_type', '=', 'engagement'),
    )
    .leftJoin('users as record_users', (join) =>
      join
        .onRef('record_users.id', '=', 'audit_events.record_id')
        .on('audit_events.record_type', '=', 'user'),
    )
    .select([
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.actor_user_id',
      'users.name as actor_name',
      'audit_events.action',
      'audit_events.record_type',
      'audit_events.record_id',
      'engagements.title as engagement_title',
      'record_users.name as record_user_name',
      'audit_events.details',
    ])
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc');
  if (page !== undefined) query = query.offset(page.start).limit(page.size);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    engagementTitle: row.engagement_title,
    recordUserName: row.record_user_name,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
