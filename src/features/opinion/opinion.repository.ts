import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { CastVote, OpinionInput } from './opinion.compute.ts';
import type { OpinionResult, OpinionSnapshot } from './opinion.result.ts';

export interface SnapshotHeader {
  version: number;
  votes: number;
  lastVoteAt: string | null;
  computedAt: string;
}

export interface RecentVotes {
  engagementId: string;
  newest: string;
}

/** Engagements with votes cast (or changed) after `since`, or with any votes when it is null. */
export async function engagementsWithVotesAfter(
  db: Db,
  since: string | null,
): Promise<RecentVotes[]> {
  let query = db
    .selectFrom('statement_votes')
    .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
    .select(['statements.engagement_id as engagementId'])
    .select((eb) => eb.fn.max('statement_votes.voted_at').as('newest'))
    .groupBy('statements.engagement_id');
  if (since !== null) query = query.where('statement_votes.voted_at', '>', since);
  return query.execute();
}

/** The newest vote of an engagement and how many there are: what a snapshot is compared with. */
export async function voteWatermark(
  db: Db,
  engagementId: string,
): Promise<{ votes: number; newest: string | null }> {
  const row = await db
    .selectFrom('statement_votes')
    .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('votes'),
      eb.fn.max('statement_votes.voted_at').as('newest'),
    ])
    .where('statements.engagement_id', '=', engagementId)
    .executeTakeFirst();
  return { votes: Number(row?.votes ?? 0), newest: row?.newest ?? null };
}

/** The newest snapshot's version and what it was computed from, without its (large) result. */
export async function latestSnapshotHeader(
  db: Db,
  engagementId: string,
): Promise<SnapshotHeader | undefined> {
  const row = await db
    .selectFrom('opinion_snapshots')
    .select(['version', 'votes', 'last_vote_at', 'computed_at'])
    .where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return (
    row && {
      version: row.version,
      votes: row.votes,
      lastVoteAt: row.last_vote_at,
      computedAt: row.computed_at,
    }
  );
}

/** The newest snapshot of an engagement's opinion map, or undefined before the first. */
export async function latestSnapshot(
  db: Db,
  engagementId: string,
): Promise<OpinionSnapshot | undefined> {
  const row = await db
    .selectFrom('opinion_snapshots')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return (
    row && {
      engagementId: row.engagement_id,
      version: row.version,
      votes: row.votes,
      participants: row.participants,
      lastVoteAt: row.last_vote_at,
      computedAt: row.computed_at,
      result: JSON.parse(row.result) as OpinionResult,
    }
  );
}

/**
 * What the maths needs for one engagement: its votes in the order cast (oldest first; a
 * changed vote counts from when it was changed), its statements and each voter's perspective.
 * Votes of people who have withdrawn are left out.
 */
export async function readOpinionInput(
  db: Db,
  engagementId: string,
  alreadyInConversation: ReadonlySet<string>,
): Promise<OpinionInput> {
  const rows = await db
    .selectFrom('statement_votes')
    .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
    .innerJoin('participants', 'participants.id', 'statement_votes.participant_id')
    .select([
      'statement_votes.participant_id',
      'statement_votes.statement_id',
      'statement_votes.value',
      'statement_votes.voted_at',
      'participants.perspective',
    ])
    .where('statements.engagement_id', '=', engagementId)
    .where('participants.withdrawn_at', 'is', null)
    .orderBy('statement_votes.voted_at')
    .orderBy('statement_votes.participant_id')
    .orderBy('statement_votes.statement_id')
    .execute();
  const statements = await db
    .selectFrom('statements')
    .select(['id', 'state', 'is_meta'])
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const perspectives = new Map<string, string>();
  const votes: CastVote[] = rows.map((row) => {
    perspectives.set(row.participant_id, row.perspective);
    return {
      participantId: row.participant_id,
      statementId: row.statement_id,
      value: Math.sign(row.value) as CastVote['value'],
    };
  });
  return {
    votes,
    statements: statements.map((s) => ({ id: s.id, state: s.state, isMeta: s.is_meta === 1 })),
    perspectives,
    alreadyInConversation,
  };
}

/** Saves a snapshot. Throws on a version already saved (another server got there first). */
export async function insertSnapshot(db: Db, snapshot: OpinionSnapshot): Promise<void> {
  await db
    .insertInto('opinion_snapshots')
    .values({
      id: newId(),
      engagement_id: snapshot.engagementId,
      version: snapshot.version,
      votes: snapshot.votes,
      participants: snapshot.participants,
      last_vote_at: snapshot.lastVoteAt,
      result: JSON.stringify(snapshot.result),
      computed_at: snapshot.computedAt,
    })
    .execute();
}

/** Statement texts of an engagement, by id, for the report. */
export async function statementTexts(
  db: Db,
  engagementId: string,
): Promise<Map<string, { text: string; state: string }>> {
  const rows = await db
    .selectFrom('statements')
    .select(['id', 'text', 'state'])
    .where('engagement_id', '=', engagementId)
    .execute();
  return new Map(rows.map((row) => [row.id, { text: row.text, state: row.state }]));
}
