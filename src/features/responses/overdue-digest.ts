import type { Deps } from '../../platform/deps.ts';
import { queueMessage } from '../../platform/mail/outbox.ts';
import { type Digest, overdueDigests } from './overdue-digest.core.ts';
import { activeAddresses, digestEngagements } from './overdue-digest.repository.ts';
import { ukDay } from './responses.core.ts';

export const DIGEST_KIND = 'overdue_digest';

/**
 * The digest's dedupe key carries the UK calendar day (Europe/London, as due dates are), so a
 * person gets one a day however often the job runs, and a new one the next day.
 */
export const digestKey = (userId: string, day: string) => `${DIGEST_KIND}:${userId}:${day}`;

function bodyOf(deps: Deps, digest: Digest): string {
  const lines = digest.lines.map((line) =>
    deps.t('responses.digest.line', {
      title: line.title,
      responses: line.responses,
      actions: line.actions,
      link: `${deps.config.publicUrl}/engagements/${line.engagementId}/responses`,
    }),
  );
  return [deps.t('responses.digest.intro'), ...lines, deps.t('responses.digest.why')].join('\n\n');
}

/**
 * Queues today's digest of overdue answers and actions for each person with something overdue:
 * decision makers, action owners and the engagements' advocacy leads. Counts, titles and links
 * only, never what anyone said. Safe to run any number of times a day. Returns how many were new.
 */
export async function queueOverdueDigests(deps: Deps): Promise<number> {
  const day = ukDay(deps.clock());
  return deps.db.transaction().execute(async (trx) => {
    const digests = overdueDigests(await digestEngagements(trx, day), day);
    const addresses = await activeAddresses(
      trx,
      digests.map((d) => d.userId),
    );
    let queued = 0;
    for (const digest of digests) {
      const to = addresses.get(digest.userId);
      if (to === undefined) continue;
      const added = await queueMessage(
        trx,
        {
          kind: DIGEST_KIND,
          dedupeKey: digestKey(digest.userId, day),
          to,
          toUserId: digest.userId,
          subject: deps.t('responses.digest.subject'),
          body: bodyOf(deps, digest),
          link: `${deps.config.publicUrl}/home`,
        },
        deps.clock().toISOString(),
      );
      if (added) queued += 1;
    }
    return queued;
  });
}
