import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { StatementsTable } from '../../platform/db/schema.ts';
import type { Perspective } from '../engagements/index.ts';
import type { Candidate, Statement, StatementState, Voter } from './statements.core.ts';

const toStatement = (row: StatementsTable): Statement => ({
  id: row.id,
  engagementId: row.engagement_id,
  text: row.text,
  textEasyRead: row.text_easy_read,
  state: row.state as StatementState,
  isMeta: row.is_meta === 1,
  authorParticipantId: row.author_participant_id,
  authorUserId: row.author_user_id,
  rejectionReason: row.rejection_reason,
  moderatedById: row.moderated_by_id,
  moderatedAt: row.moderated_at,
  createdAt: row.created_at,
});

export interface NewStatement {
  engagementId: string;
  text: string;
  textEasyRead: string | null;
  isMeta: boolean;
  state: StatementState;
  author: { participantId: string } | { userId: string };
}

export async function insertStatement(
  db: Db,
  statement: NewStatement,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('statements')
    .values({
      id,
      engagement_id: statement.engagementId,
      text: statement.text,
      text_easy_read: statement.textEasyRead,
      state: statement.state,
      is_meta: statement.isMeta ? 1 : 0,
      author_participant_id:
        'participantId' in statement.author ? statement.author.participantId : null,
      author_user_id: 'userId' in statement.author ? statement.author.userId : null,
      rejection_reason: null,
      moderated_by_id: null,
      moderated_at: null,
      created_at: at,
    })
    .execute();
  return id;
}

/** The statement, if it is one of this engagement's. */
export async function findStatement(
  db: Db,
  engagementId: string,
  statementId: string,
): Promise<Statement | undefined> {
  const row = await db
    .selectFrom('statements')
    .selectAll()
    .where('id', '=', statementId)
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  return row && toStatement(row);
}

/** Every statement of an engagement, oldest first. */
export async function listStatements(db: Db, engagementId: string): Promise<Statement[]> {
  const rows = await db
    .selectFrom('statements')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toStatement);
}

/** What one participant wrote, newest first. */
export async function listStatementsBy(db: Db, participantId: string): Promise<Statement[]> {
  const rows = await db
    .selectFrom('statements')
    .selectAll()
    .where('author_participant_id', '=', participantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toStatement);
}

export async function setModeration(
  db: Db,
  statementId: string,
  moderation: { state: StatementState; reason: string | null; by: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('statements')
    .set({
      state: moderation.state,
      rejection_reason: moderation.reason,
      moderated_by_id: moderation.by,
      moderated_at: at,
    })
    .where('id', '=', statementId)
    .execute();
}

/** How many people voted on each statement of an engagement. */
export async function countVoters(db: Db, engagementId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('statement_votes')
    .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
    .select(['statements.id', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('statements.engagement_id', '=', engagementId)
    .groupBy('statements.id')
    .execute();
  return new Map(rows.map((row) => [row.id, Number(row.count)]));
}

/** A new voter: a pseudonymous participant with no reference code. */
export async function insertVoter(
  db: Db,
  engagementId: string,
  perspective: Perspective,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('participants')
    .values({
      id,
      engagement_id: engagementId,
      perspective,
      reference_hash: null,
      created_at: at,
      withdrawn_at: null,
    })
    .execute();
  return id;
}

/** The participant, if they belong to this engagement and have not withdrawn. */
export async function findVoter(
  db: Db,
  engagementId: string,
  participantId: string,
): Promise<Voter | undefined> {
  const row = await db
    .selectFrom('participants')
    .select(['id', 'engagement_id', 'perspective'])
    .where('id', '=', participantId)
    .where('engagement_id', '=', engagementId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      participantId: row.id,
      engagementId: row.engagement_id,
      perspective: row.perspective as Perspective,
    }
  );
}

export interface VoteToStore {
  engagementId: string;
  statementId: string;
  participantId: string;
  value: number;
  recordedById: string | null;
  sessionId: string | null;
}

/** How a vote is told apart from another in one batch: by person and statement. */
export const voteKey = (vote: { participantId: string; statementId: string }): string =>
  `${vote.participantId} ${vote.statementId}`;

/**
 * Stores votes, each by the rules of upsertVote, in one SQL statement, and returns the keys
 * (voteKey) of those stored. One statement for many votes: building, compiling and preparing a
 * query cost more than storing a vote. A person's votes must be on different statements (one
 * row cannot be written twice in a statement); VoteWriter splits its batches so.
 */
export async function upsertVotes(
  db: Db,
  votes: readonly { vote: VoteToStore; at: string }[],
): Promise<Set<string>> {
  // A VALUES list names its columns column1, column2, … on both SQLite and PostgreSQL.
  const incoming = sql.join(
    votes.map(
      ({ vote, at }) =>
        sql`(${vote.participantId}, ${vote.statementId}, ${vote.engagementId}, ${vote.value}, ${at}, ${vote.recordedById}, ${vote.sessionId})`,
    ),
  );
  // The WHERE clause also keeps SQLite from reading ON CONFLICT as a join's ON.
  const { rows } = await sql<{ participant_id: string; statement_id: string }>`
    insert into statement_votes
      (participant_id, statement_id, value, voted_at, recorded_by_id, session_id)
    select participants.id, statements.id, cast(v.column4 as integer), cast(v.column5 as text),
      cast(v.column6 as text), cast(v.column7 as text)
    from (values ${incoming}) as v, statements, engagements, participants
    where statements.id = v.column2
      and statements.engagement_id = v.column3
      and statements.state = 'approved'
      and engagements.id = statements.engagement_id
      and engagements.phase = 'listening'
      and participants.id = v.column1
      and participants.engagement_id = statements.engagement_id
      and participants.withdrawn_at is null
    on conflict (participant_id, statement_id) do update set
      value = excluded.value,
      voted_at = excluded.voted_at,
      recorded_by_id = excluded.recorded_by_id,
      session_id = excluded.session_id
    returning participant_id, statement_id`.execute(db);
  return new Set(
    rows.map((row) =>
      voteKey({ participantId: row.participant_id, statementId: row.statement_id }),
    ),
  );
}

/**
 * Stores a vote, replacing the person's earlier vote on the statement. The vote is stored only
 * where every rule holds: the statement is this engagement's and approved, the engagement is
 * listening, and the person is its participant and has not withdrawn. False when a rule failed
 * and nothing was stored.
 */
export async function upsertVote(db: Db, vote: VoteToStore, at: string): Promise<boolean> {
  return (await upsertVotes(db, [{ vote, at }])).size > 0;
}

/**
 * The approved statements this person has not voted on. Counting every statement's votes is
 * needed only when there are no priorities to choose by.
 */
export async function unvotedStatements(
  db: Db,
  engagementId: string,
  participantId: string,
  withVoteCounts: boolean,
): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('statements')
    .select(['statements.id', 'statements.created_at'])
    .$if(withVoteCounts, (query) =>
      query.select((eb) =>
        eb
          .selectFrom('statement_votes')
          .select((count) => count.fn.countAll<string | number>().as('n'))
          .whereRef('statement_votes.statement_id', '=', 'statements.id')
          .as('votes'),
      ),
    )
    .where('statements.engagement_id', '=', engagementId)
    .where('statements.state', '=', 'approved')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('statement_votes as mine')
            .select('mine.statement_id')
            .whereRef('mine.statement_id', '=', 'statements.id')
            .where('mine.participant_id', '=', participantId),
        ),
      ),
    )
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    votes: 'votes' in row ? Number(row.votes ?? 0) : 0,
  }));
}

/** How far the person has got: approved statements they voted on, of all approved ones. */
export async function progressOf(
  db: Db,
  engagementId: string,
  participantId: string,
): Promise<{ voted: number; total: number }> {
  const row = await db
    .selectFrom('statements')
    .leftJoin('statement_votes', (join) =>
      join
        .onRef('statement_votes.statement_id', '=', 'statements.id')
        .on('statement_votes.participant_id', '=', participantId),
    )
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn.count<string | number>('statement_votes.statement_id').as('voted'),
    ])
    .where('statements.engagement_id', '=', engagementId)
    .where('statements.state', '=', 'approved')
    .executeTakeFirstOrThrow();
  return { voted: Number(row.voted), total: Number(row.total) };
}

const isMissingTable = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && message.includes('no such table'));
};

/**
 * The newest opinion snapshot's version for an engagement. Snapshots are written by the opinion
 * map's background job (a later migration): before it exists, or before its first run, there
 * is none.
 */
export async function latestSnapshotVersion(
  db: Db,
  engagementId: string,
): Promise<number | undefined> {
  try {
    const { rows } = await sql<{ version: number | string }>`
      select version from opinion_snapshots where engagement_id = ${engagementId}
      order by version desc limit 1`.execute(db);
    return rows[0] === undefined ? undefined : Number(rows[0].version);
  } catch (error) {
    if (isMissingTable(error)) return undefined;
    throw error;
  }
}

/** The statement priorities in one snapshot; empty when it has none. */
export async function snapshotPriority(
  db: Db,
  engagementId: string,
  version: number,
): Promise<Record<string, number>> {
  const { rows } = await sql<{ result: unknown }>`
    select result from opinion_snapshots
    where engagement_id = ${engagementId} and version = ${version}`.execute(db);
  const raw = rows[0]?.result;
  const result: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const priority = (result as { priority?: unknown } | null | undefined)?.priority;
  if (typeof priority !== 'object' || priority === null) return {};
  return Object.fromEntries(
    Object.entries(priority).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

export interface SessionVoter {
  participantId: string;
  sessionId: string;
  perspective: Perspective;
  consentGivenBy: string;
}

export async function insertSessionVoter(
  db: Db,
  voter: { participantId: string; sessionId: string; consentGivenBy: string; recordedById: string },
  at: string,
): Promise<void> {
  await db
    .insertInto('session_voters')
    .values({
      participant_id: voter.participantId,
      session_id: voter.sessionId,
      consent_given_by: voter.consentGivenBy,
      recorded_by_id: voter.recordedById,
      recorded_at: at,
    })
    .execute();
}

export async function findSessionVoter(
  db: Db,
  sessionId: string,
  participantId: string,
): Promise<SessionVoter | undefined> {
  const row = await db
    .selectFrom('session_voters')
    .innerJoin('participants', 'participants.id', 'session_voters.participant_id')
    .select([
      'session_voters.participant_id',
      'session_voters.session_id',
      'session_voters.consent_given_by',
      'participants.perspective',
    ])
    .where('session_voters.session_id', '=', sessionId)
    .where('session_voters.participant_id', '=', participantId)
    .where('participants.withdrawn_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      participantId: row.participant_id,
      sessionId: row.session_id,
      perspective: row.perspective as Perspective,
      consentGivenBy: row.consent_given_by,
    }
  );
}
