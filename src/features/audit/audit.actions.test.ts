import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import { AUDIT_ACTIONS, AUDIT_KINDS, actionsOfKind, isAuditAction } from './audit.actions.ts';

describe('the actions on the audit trail', () => {
  const t = translator('en');

  it('each has words a person can read', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = `auditTrail.actions.${action}`;
      expect(t(key), action).not.toBe(key);
    }
  });

  it('each belongs to exactly one kind', () => {
    const byKind = AUDIT_KINDS.flatMap((kind) => actionsOfKind(kind));
    expect(byKind).toHaveLength(AUDIT_ACTIONS.length);
    expect(new Set(byKind).size).toBe(AUDIT_ACTIONS.length);
  });

  it('tells an action Heard records from one it does not', () => {
    expect(isAuditAction('voice_viewed')).toBe(true);
    expect(isAuditAction('voice_eaten')).toBe(false);
  });
});
