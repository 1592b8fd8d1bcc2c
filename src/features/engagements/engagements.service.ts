import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { type Result, invalid, ok } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Commitment,
  type Engagement,
  type Phase,
  type Prompt,
  checkPhaseMove,
} from './engagements.core.ts';
import { type EngagementAction, can, canCreateEngagements } from './engagements.permissions.ts';
import {
  type EngagementFields,
  countSeedStatements,
  findEngagement,
  findStatementsPrompt,
  insertCommitment,
  insertEngagement,
  insertPrompt,
  listAllPrompts,
  listCommitments,
  setPhase,
  updateEngagement,
  updatePrompt,
} from './engagements.repository.ts';
import type {
  CommitmentInput,
  EngagementInput,
  PromptInput,
  PromptWording,
} from './engagements.schemas.ts';

/**
 * The engagement, if this person is a party to it and may do the action. Someone outside both
 * organisations is told it does not exist; a party without the role is told they cannot.
 */
export async function engagementFor(
  { db }: Deps,
  actor: Actor,
  engagementId: string,
  action: Exclude<EngagementAction, 'create'>,
): Promise<Engagement> {
  const engagement = await findEngagement(db, engagementId);
  if (engagement === undefined || !can(actor, 'view', engagement)) throw new NotFoundError();
  if (!can(actor, action, engagement)) throw new ForbiddenError();
  return engagement;
}

export interface EngagementRecord {
  engagement: Engagement;
  commitments: Commitment[];
  /** Every question, of every kind, in order. */
  prompts: Prompt[];
  /** Statements shown for votes, which a statements question needs before listening. */
  seedStatements: number;
}

export async function loadRecord({ db }: Deps, engagement: Engagement): Promise<EngagementRecord> {
  const [commitments, prompts, seedStatements] = await Promise.all([
    listCommitments(db, engagement.id),
    listAllPrompts(db, engagement.id),
    countSeedStatements(db, engagement.id),
  ]);
  return { engagement, commitments, prompts, seedStatements };
}

/** The staff member's organisation is one party; the form names the other. */
function parties(
  actor: Actor,
  input: EngagementInput,
): Pick<Engagement, 'commissioningOrganisationId' | 'advocacyOrganisationId'> {
  const own = actor.organisationId ?? '';
  return actor.organisationType === 'advocacy'
    ? { commissioningOrganisationId: input.partnerOrganisationId, advocacyOrganisationId: own }
    : { commissioningOrganisationId: own, advocacyOrganisationId: input.partnerOrganisationId };
}

async function checkPartiesAndPeople(
  { db }: Deps,
  fields: EngagementFields,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const [council, advocacy] = await Promise.all([
    db
      .selectFrom('organisations')
      .select('type')
      .where('id', '=', fields.commissioningOrganisationId)
      .executeTakeFirst(),
    db
      .selectFrom('organisations')
      .select('type')
      .where('id', '=', fields.advocacyOrganisationId)
      .executeTakeFirst(),
  ]);
  if (council?.type !== 'council' || advocacy?.type !== 'advocacy')
    errors.partnerOrganisationId = 'validation.engagement.partnerMissing';
  for (const field of ['safeguardingLeadId', 'safeguardingDeputyId'] as const) {
    const userId = fields[field];
    if (userId === null) continue;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .where('organisation_id', '=', fields.advocacyOrganisationId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (user === undefined) errors[field] = 'validation.engagement.safeguardingPerson';
  }
  return errors;
}

function toFields(actor: Actor, input: EngagementInput): EngagementFields {
  return {
    title: input.title,
    purposePlain: input.purposePlain,
    purposeEasyRead: input.purposeEasyRead,
    openToInfluence: input.openToInfluence,
    alreadyDecided: input.alreadyDecided,
    audiences: input.audiences,
    areas: input.areas,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    safeguardingLeadId: input.safeguardingLeadId,
    safeguardingDeputyId: input.safeguardingDeputyId,
    ...parties(actor, input),
  };
}

export async function createEngagement(
  deps: Deps,
  actor: Actor,
  input: EngagementInput,
): Promise<Result<{ id: string }>> {
  if (!canCreateEngagements(actor)) throw new ForbiddenError();
  const fields = toFields(actor, input);
  const errors = await checkPartiesAndPeople(deps, fields);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const id = await deps.db.transaction().execute(async (trx) => {
    const engagementId = await insertEngagement(
      trx,
      fields,
      actor.userId,
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'engagement_created',
      recordType: 'engagement',
      recordId: engagementId,
      organisationId: actor.organisationId,
    });
    return engagementId;
  });
  return ok({ id });
}

export async function changeEngagement(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: EngagementInput,
): Promise<Result<{ id: string }>> {
  const fields = toFields(actor, input);
  // The organisations taking part do not change once set.
  if (
    fields.commissioningOrganisationId !== engagement.commissioningOrganisationId ||
    fields.advocacyOrganisationId !== engagement.advocacyOrganisationId
  ) {
    return invalid({ partnerOrganisationId: 'validation.engagement.partnerFixed' });
  }
  const errors = await checkPartiesAndPeople(deps, fields);
  if (
    engagement.phase !== 'draft' &&
    (fields.safeguardingLeadId === null || fields.safeguardingDeputyId === null)
  ) {
    errors.safeguardingLeadId = 'validation.engagement.safeguardingNeeded';
  }
  if (Object.keys(errors).length > 0) return invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await updateEngagement(trx, engagement.id, fields, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'engagement_changed',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
    });
  });
  return ok({ id: engagement.id });
}

const secondStatementsPrompt = (): Result<{ id: string }> =>
  invalid({ kind: 'validation.prompt.oneStatementsPrompt' });

/**
 * Adds a question. A second statements question is refused: the engagement's statements are
 * voted on together, under the one question (a unique index holds the rule under races too).
 */
export async function addPrompt(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: PromptInput,
): Promise<Result<{ id: string }>> {
  if (input.kind === 'statements' && (await findStatementsPrompt(deps.db, engagement.id)))
    return secondStatementsPrompt();
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const promptId = await insertPrompt(trx, engagement.id, input, deps.clock().toISOString());
      await recordAudit(trx, deps.clock, {
        actorUserId: actor.userId,
        action: 'prompt_added',
        recordType: 'engagement',
        recordId: engagement.id,
        organisationId: actor.organisationId,
        details: { promptId, kind: input.kind },
      });
      return promptId;
    });
    return ok({ id });
  } catch (error) {
    if (input.kind === 'statements' && isUniqueViolation(error)) return secondStatementsPrompt();
    throw error;
  }
}

export async function changePrompt(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: string,
  input: PromptWording,
): Promise<void> {
  const prompts = await listAllPrompts(deps.db, engagement.id);
  if (!prompts.some((prompt) => prompt.id === promptId)) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await updatePrompt(trx, promptId, input);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'prompt_changed',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { promptId },
    });
  });
}

/** A new version of the decision maker's commitment; earlier versions stay on the record. */
export async function signCommitment(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: CommitmentInput,
): Promise<Result<{ version: number }>> {
  const today = deps.clock().toISOString().slice(0, 10);
  if (input.respondBy <= today)
    return invalid({ respondBy: 'validation.commitment.respondByPast' });
  if (engagement.phase === 'closed') return invalid({ statement: 'validation.commitment.closed' });
  const version = await deps.db.transaction().execute(async (trx) => {
    const [latest] = await listCommitments(trx, engagement.id);
    const next = (latest?.version ?? 0) + 1;
    await insertCommitment(
      trx,
      engagement.id,
      next,
      input,
      actor.userId,
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'commitment_signed',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { version: next, respondBy: input.respondBy },
    });
    return next;
  });
  return ok({ version });
}

export async function movePhase(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  target: Phase,
): Promise<Result<Phase>> {
  const { commitments, prompts, seedStatements } = await loadRecord(deps, engagement);
  const check = checkPhaseMove(engagement, commitments[0], prompts, seedStatements, target);
  if (!check.ok) return check;
  await deps.db.transaction().execute(async (trx) => {
    await setPhase(trx, engagement.id, target, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'phase_moved',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { from: engagement.phase, to: target },
    });
  });
  return ok(target);
}
