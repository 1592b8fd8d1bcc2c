import { actionOverdue, responseOverdue, revisionOverdue } from './responses.core.ts';

// Who is told what in the daily digest of overdue answers and actions, with no database.

export interface DigestEngagement {
  id: string;
  title: string;
  /** The newest commitment's signer: the decision maker who promised to answer. */
  decisionMakerId: string | undefined;
  respondBy: string | undefined;
  leadIds: readonly string[];
  /** Sent recommendations, each with its answer's state when there is one. */
  recommendations: readonly {
    sentAt: string | null;
    responseState: 'draft' | 'published' | null;
  }[];
  /** Challenges upheld with no published revised answer: each is an answer owed too. */
  revisions: readonly { upheldAt: string; revisionState: 'draft' | 'published' | null }[];
  actions: readonly {
    ownerId: string;
    status: 'planned' | 'in_progress' | 'done' | 'dropped';
    dueOn: string;
  }[];
}

/** One engagement's line in a person's digest: counts only, never anyone's words. */
export interface DigestLine {
  engagementId: string;
  title: string;
  responses: number;
  actions: number;
}

export interface Digest {
  userId: string;
  lines: DigestLine[];
}

/**
 * Each person's digest for the day: the decision maker counts the answers they owe, an owner the
 * actions they hold, and the engagement's advocacy leads everything overdue in it. A person in
 * several engagements gets one digest with a line for each; nobody with nothing overdue gets one.
 */
export function overdueDigests(engagements: readonly DigestEngagement[], today: string): Digest[] {
  const byPerson = new Map<string, Map<string, DigestLine>>();
  const add = (
    userId: string,
    engagement: DigestEngagement,
    responses: number,
    actions: number,
  ) => {
    if (responses === 0 && actions === 0) return;
    const lines = byPerson.get(userId) ?? new Map<string, DigestLine>();
    byPerson.set(userId, lines);
    const line = lines.get(engagement.id) ?? {
      engagementId: engagement.id,
      title: engagement.title,
      responses: 0,
      actions: 0,
    };
    lines.set(engagement.id, line);
    // A person told both as owner and as lead sees the larger count, never a sum that counts twice.
    line.responses = Math.max(line.responses, responses);
    line.actions = Math.max(line.actions, actions);
  };

  for (const engagement of engagements) {
    const responses =
      engagement.recommendations.filter((r) =>
        responseOverdue(
          r,
          r.responseState === null ? undefined : { state: r.responseState },
          engagement.respondBy,
          today,
        ),
      ).length +
      engagement.revisions.filter((r) =>
        revisionOverdue(
          { outcome: 'upheld', repliedAt: r.upheldAt },
          r.revisionState === null ? undefined : { state: r.revisionState },
          engagement.respondBy,
          today,
        ),
      ).length;
    const overdueActions = engagement.actions.filter((a) => actionOverdue(a, today));
    if (engagement.decisionMakerId !== undefined)
      add(engagement.decisionMakerId, engagement, responses, 0);
    for (const ownerId of new Set(overdueActions.map((a) => a.ownerId)))
      add(ownerId, engagement, 0, overdueActions.filter((a) => a.ownerId === ownerId).length);
    for (const leadId of engagement.leadIds)
      add(leadId, engagement, responses, overdueActions.length);
  }

  return [...byPerson]
    .map(([userId, lines]) => ({
      userId,
      lines: [...lines.values()].sort(
        (a, b) => a.title.localeCompare(b.title) || a.engagementId.localeCompare(b.engagementId),
      ),
    }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}
