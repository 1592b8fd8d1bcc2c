export { recordAudit, countAuditSince, listAuditForRecord } from './audit.repository.ts';
export type { AuditEntry, AuditEvent } from './audit.repository.ts';
