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
import {
  type Engagement,
  type Perspective,
  findEngagement,
  takesVoices,
} from '../engagements/index.ts';
import type { ListeningSession } from '../sessions/index.ts';
import {
  type Statement,
  type Vote,
  VOTES,
  type Voter,
  chooseNext,
  isVote,
} from './statements.core.ts';
import { mayModerate, takesStatements } from './statements.permissions.ts';
import {
  findStatement,
  insertSessionVoter,
  insertStatement,
  insertVoter,
  latestSnapshotVersion,
  progressOf,
  setModeration,
  snapshotPriority,
  unvotedStatements,
  upsertVote,
} from './statements.repository.ts';
import type {
  ModerationInput,
  SessionVoterInput,
  StaffStatementInput,
} from './statements.schemas.ts';
import { voteWriterFor } from './statements.vote-writer.ts';

const notTakingStatements = (): ConflictError =>
  new ConflictError('statements.errors.notTakingStatements.body');

/** A statement of this engagement, or not found. */
export async function statementIn(
  deps: Deps,
  engagement: Engagement,
  statementId: string,
): Promise<Statement> {
  const statement = await findStatement(deps.db, engagement.id, statementId);
  if (statement === undefined) throw new NotFoundError('statements.errors.unknownStatement.body');
  return statement;
}

/**
 * Staff add a statement. A lead's is shown at once; one proposed from the council waits for a
 * lead, as participants' do: the advocacy organisation moderates, independently.
 */
export async function addStaffStatement(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: StaffStatementInput,
): Promise<{ id: string; state: Statement['state'] }> {
  if (!takesStatements(engagement)) throw notTakingStatements();
  const state = mayModerate(actor, engagement) ? 'approved' : 'pending';
  const id = await deps.db.transaction().execute(async (trx) => {
    const statementId = await insertStatement(
      trx,
      { engagementId: engagement.id, ...input, state, author: { userId: actor.userId } },
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: state === 'approved' ? 'statement_seeded' : 'statement_proposed',
      recordType: 'statement',
      recordId: statementId,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, isMeta: input.isMeta },
    });
    return statementId;
  });
  return { id, state };
}

/** A lead approves a statement, or rejects it with a reason its author will read. */
export async function moderateStatement(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  statement: Statement,
  input: ModerationInput,
): Promise<void> {
  if (!mayModerate(actor, engagement)) throw new ForbiddenError();
  const state = input.decision === 'approve' ? 'approved' : 'rejected';
  await deps.db.transaction().execute(async (trx) => {
    await setModeration(
      trx,
      statement.id,
      { state, reason: state === 'rejected' ? input.reason : null, by: actor.userId },
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: state === 'approved' ? 'statement_approved' : 'statement_rejected',
      recordType: 'statement',
      recordId: statement.id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, from: statement.state },
    });
  });
}

/** Someone new starts voting: a participant with the perspective they chose. */
export async function startVoting(
  deps: Deps,
  engagement: Engagement,
  perspective: Perspective,
): Promise<string> {
  if (!takesVoices(engagement)) throw new ConflictError('statements.errors.closed.body');
  return insertVoter(deps.db, engagement.id, perspective, deps.clock().toISOString());
}

/** A participant's own statement, held for moderation. */
export async function addParticipantStatement(
  deps: Deps,
  engagement: Engagement,
  voter: Voter,
  text: string,
): Promise<string> {
  if (!takesVoices(engagement)) throw new ConflictError('statements.errors.closed.body');
  return insertStatement(
    deps.db,
    {
      engagementId: engagement.id,
      text,
      textEasyRead: null,
      isMeta: false,
      state: 'pending',
      author: { participantId: voter.participantId },
    },
    deps.clock().toISOString(),
  );
}

/** Parsed priorities per snapshot version, so a page does not read a large snapshot each time. */
const priorityCaches = new WeakMap<
  Db,
  Map<string, { version: number; priority: Record<string, number> }>
>();

async function currentPriority(
  db: Db,
  engagementId: string,
): Promise<Record<string, number> | undefined> {
  const version = await latestSnapshotVersion(db, engagementId);
  if (version === undefined) return undefined;
  let cache = priorityCaches.get(db);
  if (cache === undefined) {
    cache = new Map();
    priorityCaches.set(db, cache);
  }
  const cached = cache.get(engagementId);
  if (cached?.version === version) return cached.priority;
  const priority = await snapshotPriority(db, engagementId, version);
  cache.set(engagementId, { version, priority });
  return priority;
}

export interface NextStatement {
  statement: Statement | undefined;
  /** The statement's number for the person ("12 of 40"): how many they voted on, plus one. */
  number: number;
  total: number;
  voted: number;
}

/** The next statement for this person, never one they voted on, with how far they have got. */
export async function nextStatement(
  deps: Deps,
  engagement: Engagement,
  participantId: string,
): Promise<NextStatement> {
  const priority = await currentPriority(deps.db, engagement.id);
  const [candidates, progress] = await Promise.all([
    unvotedStatements(deps.db, engagement.id, participantId, priority === undefined),
    progressOf(deps.db, engagement.id, participantId),
  ]);
  const next = chooseNext(candidates, priority);
  return {
    statement: next && (await findStatement(deps.db, engagement.id, next.id)),
    number: Math.min(progress.voted + 1, progress.total),
    total: progress.total,
    voted: progress.voted,
  };
}

export interface CastVote {
  engagementId: string;
  statementId: unknown;
  participantId: string;
  vote: unknown;
}

/** Why a vote was not stored, for a plain message: checked only after the one write failed. */
async function whyNotStored(db: Db, vote: CastVote & { statementId: string }): Promise<never> {
  const engagement = await findEngagement(db, vote.engagementId);
  if (engagement === undefined || engagement.phase === 'draft') throw new NotFoundError();
  const statement = await findStatement(db, vote.engagementId, vote.statementId);
  if (statement === undefined) throw new NotFoundError('statements.errors.unknownStatement.body');
  if (!takesVoices(engagement)) throw new ConflictError('statements.errors.closed.body');
  if (statement.state !== 'approved') throw new ConflictError('statements.errors.notOpen.body');
  throw new ForbiddenError('statements.errors.noVoter.body');
}

const checkedVote = (vote: CastVote): { statementId: string; value: number } => {
  if (!isVote(vote.vote)) throw new InvalidInputError({ vote: 'statements.errors.badVote.body' });
  if (typeof vote.statementId !== 'string' || vote.statementId === '')
    throw new NotFoundError('statements.errors.unknownStatement.body');
  return { statementId: vote.statementId, value: VOTES[vote.vote satisfies Vote] };
};

/**
 * A participant's own vote: one write (batched with others arriving at once), no audit row (a
 * vote is not a staff action and names no one). A second vote on a statement replaces the first.
 */
export async function castVote(deps: Deps, vote: CastVote): Promise<void> {
  const { statementId, value } = checkedVote(vote);
  const stored = await voteWriterFor(deps.db).write(
    {
      engagementId: vote.engagementId,
      statementId,
      participantId: vote.participantId,
      value,
      recordedById: null,
      sessionId: null,
    },
    deps.clock().toISOString(),
  );
  if (!stored) await whyNotStored(deps.db, { ...vote, statementId });
}

/** An advocate records that a person in their session will vote, with how they consented. */
export async function recordSessionVoter(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  session: ListeningSession,
  input: SessionVoterInput,
): Promise<string> {
  if (!takesVoices(engagement)) throw new ConflictError('statements.errors.closed.body');
  const at = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const participantId = await insertVoter(trx, engagement.id, input.perspective, at);
    await insertSessionVoter(
      trx,
      {
        participantId,
        sessionId: session.id,
        consentGivenBy: input.consentGivenBy,
        recordedById: actor.userId,
      },
      at,
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'session_voter_recorded',
      recordType: 'participant',
      recordId: participantId,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, sessionId: session.id },
    });
    return participantId;
  });
}

/** An advocate records a vote on the person's behalf: a staff action, so it is audited. */
export async function castVoteOnBehalf(
  deps: Deps,
  actor: Actor,
  session: ListeningSession,
  vote: CastVote,
): Promise<void> {
  const { statementId, value } = checkedVote(vote);
  const stored = await deps.db.transaction().execute(async (trx) => {
    const done = await upsertVote(
      trx,
      {
        engagementId: vote.engagementId,
        statementId,
        participantId: vote.participantId,
        value,
        recordedById: actor.userId,
        sessionId: session.id,
      },
      deps.clock().toISOString(),
    );
    if (done) {
      await recordAudit(trx, deps.clock, {
        actorUserId: actor.userId,
        action: 'vote_recorded_on_behalf',
        recordType: 'statement',
        recordId: statementId,
        organisationId: actor.organisationId,
        details: { participantId: vote.participantId, sessionId: session.id },
      });
    }
    return done;
  });
  if (!stored) await whyNotStored(deps.db, { ...vote, statementId });
}
