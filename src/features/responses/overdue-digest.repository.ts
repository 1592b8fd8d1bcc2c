import type { Db } from '../../platform/db/database.ts';
import type { DigestEngagement } from './overdue-digest.core.ts';

// What the daily digest reads: only engagements where something could be overdue today, and
// only ids, dates and states: never what anyone said or asked for.

/**
 * Engagements with a sent recommendation still unanswered, an upheld challenge whose revised
 * answer is not published, or an open action due before today, each with its decision maker,
 * respond-by day and advocacy leads.
 */
export async function digestEngagements(db: Db, today: string): Promise<DigestEngagement[]> {
  const [recommendations, revisions, actions] = await Promise.all([
    db
      .selectFrom('recommendations')
      .leftJoin('responses', 'responses.recommendation_id', 'recommendations.id')
      .select(['recommendations.engagement_id', 'recommendations.sent_at', 'responses.state'])
      .where('recommendations.sent_at', 'is not', null)
      .where((eb) =>
        eb.or([eb('responses.state', 'is', null), eb('responses.state', '!=', 'published')]),
      )
      .execute(),
    db
      .selectFrom('response_challenges')
      .innerJoin('responses', 'responses.id', 'response_challenges.response_id')
      .innerJoin('recommendations', 'recommendations.id', 'responses.recommendation_id')
      .leftJoin('response_revisions', 'response_revisions.challenge_id', 'response_challenges.id')
      .select([
        'recommendations.engagement_id',
        'response_challenges.replied_at',
        'response_revisions.state',
      ])
      .where('response_challenges.outcome', '=', 'upheld')
      .where((eb) =>
        eb.or([
          eb('response_revisions.state', 'is', null),
          eb('response_revisions.state', '!=', 'published'),
        ]),
      )
      .execute(),
    db
      .selectFrom('response_actions')
      .innerJoin('responses', 'responses.id', 'response_actions.response_id')
      .innerJoin('recommendations', 'recommendations.id', 'responses.recommendation_id')
      .select([
        'recommendations.engagement_id',
        'response_actions.owner_id',
        'response_actions.status',
        'response_actions.due_on',
      ])
      .where('response_actions.status', 'in', ['planned', 'in_progress'])
      .where('response_actions.due_on', '<', today)
      .execute(),
  ]);
  const ids = [
    ...new Set([...recommendations, ...revisions, ...actions].map((row) => row.engagement_id)),
  ].sort();
  if (ids.length === 0) return [];

  const [engagements, commitments, leads] = await Promise.all([
    db
      .selectFrom('engagements')
      .select(['id', 'title', 'advocacy_organisation_id'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('commitments')
      .select(['engagement_id', 'version', 'respond_by', 'signer_id'])
      .where('engagement_id', 'in', ids)
      .orderBy('version', 'desc')
      .execute(),
    db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.organisation_id'])
      .distinct()
      .where('user_roles.role', '=', 'lead')
      .where('users.disabled_at', 'is', null)
      .execute(),
  ]);

  return engagements.map((engagement) => {
    const newest = commitments.find((c) => c.engagement_id === engagement.id);
    return {
      id: engagement.id,
      title: engagement.title,
      decisionMakerId: newest?.signer_id,
      respondBy: newest?.respond_by,
      leadIds: leads
        .filter((lead) => lead.organisation_id === engagement.advocacy_organisation_id)
        .map((lead) => lead.id),
      recommendations: recommendations
        .filter((r) => r.engagement_id === engagement.id)
        .map((r) => ({
          sentAt: r.sent_at,
          responseState: r.state === 'draft' || r.state === 'published' ? r.state : null,
        })),
      revisions: revisions
        .filter((r) => r.engagement_id === engagement.id && r.replied_at !== null)
        .map((r) => ({
          upheldAt: r.replied_at ?? '',
          revisionState: r.state === 'draft' || r.state === 'published' ? r.state : null,
        })),
      actions: actions
        .filter((a) => a.engagement_id === engagement.id)
        .map((a) => ({
          ownerId: a.owner_id,
          status: a.status === 'in_progress' ? 'in_progress' : 'planned',
          dueOn: a.due_on,
        })),
    };
  });
}

/** The people to write to who may still be written to: disabled accounts are skipped. */
export async function activeAddresses(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .where('disabled_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}
