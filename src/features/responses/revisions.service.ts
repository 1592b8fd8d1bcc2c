import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { isPublished } from './responses.core.ts';
import { loadResponsesRecord } from './responses.repository.ts';
import type { ResponseInput } from './responses.schemas.ts';
import { recommendationIn, requireMay, requirePhase } from './responses.service.ts';
import { saveRevision } from './revisions.repository.ts';

/**
 * The decision maker's revised answer to a recommendation after upholding a challenge to it: a
 * draft, or published with reasons in both registers. The answer it revises stays on the record.
 */
export async function reviseAnswer(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  recommendationId: string,
  challengeId: string,
  input: ResponseInput,
): Promise<void> {
  requireMay(actor, 'respond', engagement);
  requirePhase(engagement, 'answer');
  await deps.db.transaction().execute(async (trx) => {
    const record = await loadResponsesRecord(trx, engagement.id);
    recommendationIn(record, recommendationId);
    const response = record.responses.find((r) => r.recommendationId === recommendationId);
    const challenge = record.challenges.find(
      (c) => c.id === challengeId && c.responseId === response?.id,
    );
    if (response === undefined || !isPublished(response) || challenge === undefined)
      throw new NotFoundError();
    if (challenge.outcome !== 'upheld') throw new ConflictError('responses.errors.notUpheld');
    const publish = input.intent === 'publish';
    const { id, saved } = await saveRevision(
      trx,
      {
        responseId: response.id,
        challengeId: challenge.id,
        decision: input.decision,
        reasonsPlain: input.reasonsPlain,
        reasonsEasyRead: input.reasonsEasyRead,
        publish,
        byId: actor.userId,
      },
      deps.clock().toISOString(),
    );
    if (!saved) throw new ConflictError('responses.errors.alreadyRevised');
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: publish ? 'response_revision_published' : 'response_revision_drafted',
      recordType: 'response',
      recordId: response.id,
      organisationId: actor.organisationId,
      details: {
        engagementId: engagement.id,
        recommendationId,
        challengeId: challenge.id,
        revisionId: id,
        decision: input.decision ?? 'none',
      },
    });
  });
}
