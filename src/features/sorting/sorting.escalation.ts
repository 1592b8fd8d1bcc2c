import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { addWorkingDays } from '../../platform/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { noticeEscalation } from './safeguarding-notice.ts';
import { insertEscalation, openFlagsNotEscalated } from './sorting.repository.ts';

/**
 * Open safeguarding flags that have waited more than one working day for their named person
 * are escalated to the advocacy organisation's leads, once each. Escalating never closes,
 * lowers or hides a flag: it adds people who can decide. Returns the voices escalated.
 */
export async function escalateOverdueFlags(deps: Deps): Promise<string[]> {
  const now = deps.clock();
  const escalated: string[] = [];
  for (const flag of await openFlagsNotEscalated(deps.db)) {
    const flaggedAt = new Date(flag.flaggedAt ?? now.toISOString());
    if (addWorkingDays(flaggedAt, 1).getTime() > now.getTime()) continue;
    try {
      await deps.db.transaction().execute(async (trx) => {
        await insertEscalation(trx, flag.voiceId, now.toISOString());
        await recordAudit(trx, deps.clock, {
          actorUserId: null,
          action: 'safeguarding_escalated',
          recordType: 'voice',
          recordId: flag.voiceId,
          organisationId: flag.advocacyOrganisationId,
          details: { engagementId: flag.engagementId },
        });
        await noticeEscalation(trx, deps, flag);
      });
      escalated.push(flag.voiceId);
    } catch (error) {
      // Another process escalated it first: once is enough.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return escalated;
}
