// An organisation's audit trail, for its admin: what its people did, newest first. The trail names
// staff and shows when they looked at identifiable data, so each read of it is on the trail too.
import { toCsv } from '../../platform/csv-writing.ts';
import type { Deps } from '../../platform/deps.ts';
import { type Page, pageFrom, pagePosition } from '../../platform/paging.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import type { Actor } from '../accounts/index.ts';
import {
  type AuditEvent,
  type AuditTrailFilters,
  countAuditTrail,
  isAuditAction,
  listAuditTrail,
  recordAudit,
} from '../audit/index.ts';
import type { Organisation } from './organisations.core.ts';

export const EVENTS_PER_PAGE = 50;
/** The newest this many events go in one download, so a busy year's trail cannot exhaust memory. */
export const MOST_EVENTS_IN_A_DOWNLOAD = 100_000;

/** One page of the trail, put on the trail as read. */
export async function auditTrailPage(
  deps: Deps,
  actor: Actor,
  organisation: Organisation,
  filters: AuditTrailFilters,
  requestedPage: number,
): Promise<Page<AuditEvent>> {
  const total = await countAuditTrail(deps.db, filters);
  const position = pagePosition(total, requestedPage, EVENTS_PER_PAGE);
  const events = await listAuditTrail(deps.db, filters, {
    start: position.start,
    size: EVENTS_PER_PAGE,
  });
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'audit_trail_viewed',
    recordType: 'organisation',
    recordId: organisation.id,
    organisationId: organisation.id,
    details: { page: position.number, events: events.length },
  });
  return pageFrom(events, position, total);
}

/** The events the filters choose (the newest 100,000), as a CSV file, put on the trail. */
export async function auditTrailCsv(
  deps: Deps,
  actor: Actor,
  organisation: Organisation,
  filters: AuditTrailFilters,
): Promise<string> {
  const events = await listAuditTrail(deps.db, filters, {
    start: 0,
    size: MOST_EVENTS_IN_A_DOWNLOAD,
  });
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'audit_trail_exported',
    recordType: 'organisation',
    recordId: organisation.id,
    organisationId: organisation.id,
    details: { events: events.length },
  });
  const { t } = deps;
  return toCsv([
    ['when', 'who', 'action', 'what', 'recordType', 'recordId', 'engagement', 'details'].map(
      (column) => t(`auditTrail.csv.${column}`),
    ),
    ...events.map((event) => [
      event.occurredAt,
      event.actorName ?? '',
      event.action,
      whatHappened(t, event.action),
      event.recordType,
      event.recordId ?? '',
      event.engagementTitle ?? '',
      JSON.stringify(event.details),
    ]),
  ]);
}

/** The action in words; one Heard no longer records keeps its stored name. */
export const whatHappened = (t: Translate, action: string): string =>
  isAuditAction(action) ? t(`auditTrail.actions.${action}`) : action;

/** What the event was about: the engagement's title or the user's name where known. */
export function whatAbout(t: Translate, event: AuditEvent): string {
  if (event.engagementTitle !== null) return event.engagementTitle;
  if (event.recordUserName !== null) return event.recordUserName;
  const key = `auditTrail.records.${event.recordType}`;
  const words = t(key);
  return words === key ? t('auditTrail.records.other') : words;
}
