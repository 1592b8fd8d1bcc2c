import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../../platform/http/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Commitment, type Engagement, listCommitments } from '../engagements/index.ts';
import { publishedThemes } from '../themes/index.ts';
import { type Voice, listVoices } from '../voices/index.ts';
import { insertEvidenceFile } from './evidence.repository.ts';
import { insertRecommendationThemes } from './recommendation-themes.repository.ts';
import {
  type PhaseStep,
  type Recommendation,
  type RecommendationTheme,
  type Response,
  isPublished,
  phaseAllows,
  ukDay,
} from './responses.core.ts';
import { noticeToDecisionMaker } from './responses.notices.ts';
import { type ResponsesAction, mayDo } from './responses.permissions.ts';
import {
  type Person,
  type ResponsesRecord,
  councilOwners,
  insertAction,
  insertActionUpdate,
  insertChallenge,
  insertRecommendation,
  loadResponsesRecord,
  replaceQuotes,
  replyToChallenge,
  saveResponse,
  sendDrafts,
  updateDraftRecommendation,
} from './responses.repository.ts';
import type {
  ActionInput,
  ActionUpdateInput,
  ChallengeInput,
  ChallengeReplyInput,
  RecommendationInput,
  ResponseInput,
} from './responses.schemas.ts';

export function requireMay(actor: Actor, action: ResponsesAction, engagement: Engagement): void {
  if (!mayDo(actor, action, engagement)) throw new ForbiddenError(`responses.forbidden.${action}`);
}

/** Refuses a step the engagement's phase does not allow, saying which phase it needs. */
export function requirePhase(engagement: Pick<Engagement, 'phase'>, step: PhaseStep): void {
  if (!phaseAllows(step, engagement.phase))
    throw new ConflictError(`responses.errors.phase.${step}`);
}

/**
 * Voices that may be quoted behind a recommendation: used with consent, quoted with consent,
 * in the person's own words (not an advocate's summary), not withdrawn, and nothing the
 * council must not read (a safeguarding flag or a personal case).
 */
export async function quotableVoices(db: Db, engagementId: string): Promise<Voice[]> {
  return (await listVoices(db, engagementId, { councilMaySee: true })).filter(
    (voice) => voice.consentQuote && !voice.isSummary,
  );
}

export interface ResponsesView extends ResponsesRecord {
  commitment: Commitment | undefined;
  /** Quoted voice id -> its words, for the quotes that may still be shown. */
  quoteWords: Map<string, string>;
  today: string;
}

/**
 * The record as this person may see it: the council does not see the lead's unsent drafts, and
 * the advocacy organisation does not see a response before it is published.
 */
export async function responsesView(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<ResponsesView> {
  const [record, commitments, quotable] = await Promise.all([
    loadResponsesRecord(deps.db, engagement.id),
    listCommitments(deps.db, engagement.id),
    quotableVoices(deps.db, engagement.id),
  ]);
  const advocacy = actor.organisationId === engagement.advocacyOrganisationId;
  const recommendations = record.recommendations.filter((r) => advocacy || r.sentAt !== null);
  const responses = record.responses.filter((r) => !advocacy || isPublished(r));
  return {
    ...record,
    recommendations,
    responses,
    revisions: record.revisions.filter((r) => !advocacy || isPublished(r)),
    commitment: commitments[0],
    quoteWords: new Map(quotable.map((voice) => [voice.id, voice.text])),
    today: ukDay(deps.clock()),
  };
}

export function recommendationIn(
  view: Pick<ResponsesView, 'recommendations'>,
  recommendationId: string,
): Recommendation {
  const recommendation = view.recommendations.find((r) => r.id === recommendationId);
  if (recommendation === undefined) throw new NotFoundError();
  return recommendation;
}

async function checkQuotes(db: Db, engagementId: string, voiceIds: readonly string[]) {
  if (voiceIds.length === 0) return;
  const quotable = new Set((await quotableVoices(db, engagementId)).map((voice) => voice.id));
  if (voiceIds.some((id) => !quotable.has(id)))
    throw new InvalidInputError({ quotes: 'responses.errors.quoteNotAllowed' });
}

/**
 * The shared themes a recommendation comes from, checked: once the advocacy lead has shared
 * themes with the council, a recommendation names at least one of them, and its quotes come from
 * the themes chosen. Before any are shared, the lead writes directly, quoting any quotable voice.
 */
async function chooseThemes(
  db: Db,
  engagementId: string,
  keys: readonly string[],
  voiceIds: readonly string[],
): Promise<RecommendationTheme[]> {
  const published = await publishedThemes(db, engagementId, { suppress: false });
  if (published === undefined) {
    if (keys.length > 0) throw new InvalidInputError({ themes: 'responses.errors.themeNotShared' });
    return [];
  }
  const byKey = new Map(published.themes.map((theme) => [theme.key, theme]));
  const chosen = keys.flatMap((key) => byKey.get(key) ?? []);
  if (keys.length === 0) throw new InvalidInputError({ themes: 'responses.errors.themesMissing' });
  if (chosen.length < keys.length)
    throw new InvalidInputError({ themes: 'responses.errors.themeNotShared' });
  const fromThemes = new Set(chosen.flatMap((theme) => theme.quotes.map((q) => q.voiceId)));
  if (voiceIds.some((id) => !fromThemes.has(id)))
    throw new InvalidInputError({ quotes: 'responses.errors.quoteNotInThemes' });
  return chosen.map((theme) => ({
    key: theme.key,
    label: theme.label,
    snapshotId: published.snapshotId,
  }));
}

const sameThemes = (a: readonly RecommendationTheme[], b: readonly RecommendationTheme[]) =>
  a.length === b.length &&
  a.every((theme, i) => {
    const other = b[i];
    return theme.key === other?.key && theme.snapshotId === other.snapshotId;
  });

/** The advocacy lead writes down what people asked for (or changes a draft of it). */
export async function writeRecommendation(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: RecommendationInput,
  recommendationId?: string,
): Promise<string> {
  requireMay(actor, 'write_recommendations', engagement);
  requirePhase(engagement, 'change');
  const voiceIds = [...new Set(input.quotes)];
  return deps.db.transaction().execute(async (trx) => {
    await checkQuotes(trx, engagement.id, voiceIds);
    const themes = await chooseThemes(trx, engagement.id, [...new Set(input.themes)], voiceIds);
    const at = deps.clock().toISOString();
    let id = recommendationId;
    let before: RecommendationTheme[] = [];
    if (id === undefined) {
      id = await insertRecommendation(
        trx,
        { engagementId: engagement.id, ...input, writtenById: actor.userId },
        at,
      );
    } else {
      const record = await loadResponsesRecord(trx, engagement.id);
      recommendationIn(record, id);
      before = record.themes.get(id) ?? [];
      if (!(await updateDraftRecommendation(trx, id, input, at)))
        throw new ConflictError('responses.errors.alreadySent');
    }
    if (!sameThemes(before, themes))
      await insertRecommendationThemes(trx, id, themes, actor.userId, at);
    await replaceQuotes(trx, id, voiceIds);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: recommendationId === undefined ? 'recommendation_written' : 'recommendation_changed',
      recordType: 'recommendation',
      recordId: id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, quotes: voiceIds.length, themes: themes.length },
    });
    return id;
  });
}

/** Sends every draft to the decision maker as one batch; they are told in Heard and by email. */
export async function sendRecommendations(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<number> {
  requireMay(actor, 'write_recommendations', engagement);
  requirePhase(engagement, 'send');
  return deps.db.transaction().execute(async (trx) => {
    const [commitment] = await listCommitments(trx, engagement.id);
    if (commitment === undefined) throw new ConflictError('responses.errors.noCommitment');
    const at = deps.clock().toISOString();
    const sent = await sendDrafts(trx, engagement.id, actor.userId, at);
    if (sent.length === 0) throw new ConflictError('responses.errors.nothingToSend');
    await noticeToDecisionMaker(trx, deps, commitment.signerId, {
      kind: 'recommendations_sent',
      about: `${engagement.id}:${at}`,
      engagement,
      count: sent.length,
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'recommendations_sent',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { recommendations: sent },
    });
    return sent.length;
  });
}

/** The decision maker's answer: saved as a draft, or published with its reasons. */
export async function answerRecommendation(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  recommendationId: string,
  input: ResponseInput,
): Promise<void> {
  requireMay(actor, 'respond', engagement);
  requirePhase(engagement, 'answer');
  await deps.db.transaction().execute(async (trx) => {
    const { recommendations } = await loadResponsesRecord(trx, engagement.id);
    const recommendation = recommendationIn({ recommendations }, recommendationId);
    if (recommendation.sentAt === null) throw new NotFoundError();
    const publish = input.intent === 'publish';
    const { id, saved } = await saveResponse(
      trx,
      recommendation.id,
      {
        decision: input.decision,
        reasonsPlain: input.reasonsPlain,
        reasonsEasyRead: input.reasonsEasyRead,
        publish,
        byId: actor.userId,
      },
      deps.clock().toISOString(),
    );
    if (!saved) throw new ConflictError('responses.errors.alreadyPublished');
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: publish ? 'response_published' : 'response_drafted',
      recordType: 'response',
      recordId: id,
      organisationId: actor.organisationId,
      details: {
        engagementId: engagement.id,
        recommendationId: recommendation.id,
        decision: input.decision ?? 'none',
      },
    });
  });
}

function publishedResponseOf(record: ResponsesRecord, recommendationId: string): Response {
  const response = record.responses.find((r) => r.recommendationId === recommendationId);
  if (response === undefined || !isPublished(response))
    throw new ConflictError('responses.errors.notPublished');
  return response;
}

/** People an action can be given to: decision makers and officers of the engagement's council. */
export const actionOwners = (deps: Deps, engagement: Engagement): Promise<Person[]> =>
  councilOwners(deps.db, engagement.commissioningOrganisationId);

/** An action under a published response: what, who owns it, and by when. */
export async function addAction(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  recommendationId: string,
  input: ActionInput,
): Promise<void> {
  requireMay(actor, 'respond', engagement);
  requirePhase(engagement, 'answer');
  await deps.db.transaction().execute(async (trx) => {
    const record = await loadResponsesRecord(trx, engagement.id);
    recommendationIn(record, recommendationId);
    const response = publishedResponseOf(record, recommendationId);
    const errors: Record<string, string> = {};
    const owners = await councilOwners(trx, engagement.commissioningOrganisationId);
    if (!owners.some((owner) => owner.id === input.ownerId))
      errors.ownerId = 'responses.errors.ownerNotCouncil';
    if (input.dueOn < ukDay(deps.clock())) errors.dueOn = 'responses.errors.dueOnPast';
    if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
    const id = await insertAction(
      trx,
      { responseId: response.id, ...input, byId: actor.userId },
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'action_added',
      recordType: 'action',
      recordId: id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, recommendationId, ownerId: input.ownerId },
    });
  });
}

/** A dated progress update on an action, which may change its status, with a file as evidence. */
export async function updateAction(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  actionId: string,
  input: ActionUpdateInput,
): Promise<void> {
  requireMay(actor, 'update_actions', engagement);
  requirePhase(engagement, 'change');
  await deps.db.transaction().execute(async (trx) => {
    const record = await loadResponsesRecord(trx, engagement.id);
    const action = record.actions.find((a) => a.id === actionId);
    if (action === undefined) throw new NotFoundError();
    const updateId = await insertActionUpdate(
      trx,
      action.id,
      { ...input, byId: actor.userId },
      deps.clock().toISOString(),
    );
    if (input.evidenceFile !== null)
      await insertEvidenceFile(trx, updateId, {
        ...input.evidenceFile,
        public: input.evidencePublic,
      });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'action_updated',
      recordType: 'action',
      recordId: action.id,
      organisationId: actor.organisationId,
      details: {
        engagementId: engagement.id,
        from: action.status,
        status: input.status,
        evidence: input.evidenceLink !== null,
        file: input.evidenceFile !== null,
      },
    });
  });
}

/** An advocate challenges a published response; the decision maker is told. */
export async function raiseChallenge(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  recommendationId: string,
  input: ChallengeInput,
): Promise<void> {
  requireMay(actor, 'challenge', engagement);
  requirePhase(engagement, 'change');
  await deps.db.transaction().execute(async (trx) => {
    const record = await loadResponsesRecord(trx, engagement.id);
    recommendationIn(record, recommendationId);
    const response = record.responses.find((r) => r.recommendationId === recommendationId);
    // Refused with the reasons kept on the form: the advocate may challenge once it is published.
    if (!isPublished(response) || response === undefined)
      throw new InvalidInputError({ reasons: 'responses.errors.challengeUnpublished' }, 409);
    const at = deps.clock().toISOString();
    const id = await insertChallenge(
      trx,
      { responseId: response.id, reasons: input.reasons, byId: actor.userId },
      at,
    );
    const [commitment] = await listCommitments(trx, engagement.id);
    if (commitment !== undefined) {
      await noticeToDecisionMaker(trx, deps, commitment.signerId, {
        kind: 'response_challenged',
        about: id,
        engagement,
        count: 1,
      });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'challenge_raised',
      recordType: 'challenge',
      recordId: id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, recommendationId, responseId: response.id },
    });
  });
}

/** The decision maker's reply to a challenge, and whether it is upheld. Given once. */
export async function answerChallenge(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  challengeId: string,
  input: ChallengeReplyInput,
): Promise<void> {
  requireMay(actor, 'reply_to_challenge', engagement);
  requirePhase(engagement, 'answer');
  await deps.db.transaction().execute(async (trx) => {
    const record = await loadResponsesRecord(trx, engagement.id);
    if (!record.challenges.some((c) => c.id === challengeId)) throw new NotFoundError();
    const replied = await replyToChallenge(
      trx,
      challengeId,
      { ...input, byId: actor.userId },
      deps.clock().toISOString(),
    );
    if (!replied) throw new ConflictError('responses.errors.alreadyReplied');
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'challenge_answered',
      recordType: 'challenge',
      recordId: challengeId,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, outcome: input.outcome },
    });
  });
}
