export {
  recordAudit,
  countAuditSince,
  countAuditTrail,
  listAuditTrail,
} from './audit.repository.ts';
export type { AuditEntry, AuditEvent, AuditTrailFilters } from './audit.repository.ts';
export { AUDIT_ACTIONS, AUDIT_KINDS, actionsOfKind, isAuditAction } from './audit.actions.ts';
export type { AuditAction, AuditKind } from './audit.actions.ts';
