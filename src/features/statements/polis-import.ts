import { PostgresAdapter, sql } from 'kysely';
import { compareIds } from '../../analysis/opinion/polis-order.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../audit/index.ts';
import type { Perspective } from '../engagements/index.ts';
import { type PolisExport, readPolisExport } from './polis-read.ts';

/** Why an export cannot go into this engagement (the files themselves raise CsvError). */
export class PolisImportError extends Error {
  override name = 'PolisImportError';
  constructor(
    /** For a page to say it in its own words. */
    readonly reason: 'noEngagement' | 'notTaking' | 'alreadyImported',
    message: string,
  ) {
    super(message);
  }
}

export interface PolisImportOptions {
  /**
   * Polis does not ask who people answer as, and every participant needs a perspective:
   * by default `community_member`, the one that claims nothing about lived experience, caring
   * or work.
   */
  perspective?: Perspective;
  /** The member of staff importing, from the staff page; absent from the CLI. */
  by?: { userId: string; organisationId: string | null };
}

export interface PolisImportSummary {
  statements: number;
  participants: number;
  votes: number;
  votesFile: string;
}

// Bound parameters per insert: under SQLite's limit (32,766) and PostgreSQL's (65,535).
const PARAMETERS = 30_000;

async function insertInBatches<T>(
  rows: readonly T[],
  columns: number,
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  const size = Math.floor(PARAMETERS / columns);
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function checkEngagement(db: Db, engagementId: string): Promise<string> {
  const engagement = await db
    .selectFrom('engagements')
    .select(['phase', 'advocacy_organisation_id'])
    .where('id', '=', engagementId)
    .executeTakeFirst();
  if (engagement === undefined)
    throw new PolisImportError('noEngagement', `There is no engagement with id ${engagementId}.`);
  // As for statements written in Heard: only while it is being set up or is listening.
  if (engagement.phase !== 'draft' && engagement.phase !== 'listening') {
    throw new PolisImportError(
      'notTaking',
      `The engagement is in its ${engagement.phase} phase: statements can be imported only while it is a draft or listening.`,
    );
  }
  const earlier = await db
    .selectFrom('statements')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('external_id', 'is not', null)
    .executeTakeFirst();
  if (earlier !== undefined) {
    throw new PolisImportError(
      'alreadyImported',
      'The engagement already holds a Polis import: import into a new engagement.',
    );
  }
  return engagement.advocacy_organisation_id;
}

/** Writes a checked export into the engagement, all in one transaction. */
async function write(
  db: Db,
  clock: Clock,
  engagementId: string,
  data: PolisExport,
  { perspective = 'community_member', by }: PolisImportOptions,
): Promise<void> {
  const at = clock().toISOString();
  await db.transaction().execute(async (trx) => {
    const advocacyId = await checkEngagement(trx, engagementId);
    // Ids made in Polis's id order (UUIDv7 sorts as made), so the map computed in Heard orders
    // its rows and columns as Polis did and finds the same groups.
    const participantIds = new Map(
      [...data.participants].sort(compareIds).map((external) => [external, newId()]),
    );
    await insertInBatches([...participantIds], 7, (batch) =>
      trx
        .insertInto('participants')
        .values(
          batch.map(([external, id]) => ({
            id,
            engagement_id: engagementId,
            reference_hash: null,
            perspective,
            created_at: at,
            withdrawn_at: null,
            external_id: external,
          })),
        )
        .execute(),
    );
    const statementIds = new Map(
      data.comments
        .map((comment) => comment.externalId)
        .sort(compareIds)
        .map((external) => [external, newId()]),
    );
    await insertInBatches(data.comments, 13, (batch) =>
      trx
        .insertInto('statements')
        .values(
          batch.map((comment) => ({
            id: statementIds.get(comment.externalId) ?? '',
            engagement_id: engagementId,
            text: comment.text,
            text_easy_read: null,
            state: comment.state,
            is_meta: comment.isMeta ? 1 : 0,
            author_participant_id:
              comment.author === undefined ? null : (participantIds.get(comment.author) ?? null),
            author_user_id: null,
            // Polis keeps no reason; moderation happened there, not by anyone in Heard.
            rejection_reason: null,
            moderated_by_id: null,
            moderated_at: null,
            created_at: comment.createdAt ?? at,
            external_id: comment.externalId,
          })),
        )
        .execute(),
    );
    await insertInBatches(data.votes, 6, (batch) =>
      trx
        .insertInto('statement_votes')
        .values(
          batch.map((vote) => ({
            participant_id: participantIds.get(vote.participant) ?? '',
            statement_id: statementIds.get(vote.statement) ?? '',
            value: vote.value,
            voted_at: vote.votedAt ?? at,
            recorded_by_id: null,
            session_id: null,
          })),
        )
        .execute(),
    );
    await recordAudit(trx, clock, {
      actorUserId: by?.userId ?? null,
      action: 'polis_imported',
      recordType: 'engagement',
      recordId: engagementId,
      organisationId: by === undefined ? advocacyId : by.organisationId,
      details: {
        via: by === undefined ? 'cli' : 'web',
        statements: data.comments.length,
        participants: participantIds.size,
        votes: data.votes.length,
      },
    });
  });
}

/**
 * Imports a checked Polis export into an engagement: comments become statements (moderated 1
 * approved, 0 pending, -1 rejected), voters and authors become participants, each person's
 * latest vote becomes their vote. Polis's comment-ids and voter-ids are kept as external ids,
 * so an export gives them back. The writing is one transaction: a fault anywhere leaves the
 * engagement as it was. Throws PolisImportError when the engagement cannot take it.
 */
export async function importPolisExport(
  db: Db,
  clock: Clock,
  engagementId: string,
  data: PolisExport,
  options: PolisImportOptions = {},
): Promise<PolisImportSummary> {
  await write(db, clock, engagementId, data, options);
  // PostgreSQL counts a table's rows only now and then; until it does, queries over tables that
  // just grew many times over (the opinion map's, first of all) are planned as if they were tiny.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`analyze participants, statements, statement_votes`.execute(db);
  return {
    statements: data.comments.length,
    participants: data.participants.length,
    votes: data.votes.length,
    votesFile: data.votesFile,
  };
}

/**
 * Imports a Polis export folder into an engagement (see importPolisExport). Every file is read
 * and checked before anything is written. Throws CsvError (file and line) for a fault in the
 * files, PolisImportError for the engagement.
 */
export async function importPolis(
  db: Db,
  clock: Clock,
  engagementId: string,
  folder: string,
  options: PolisImportOptions = {},
): Promise<PolisImportSummary> {
  return importPolisExport(db, clock, engagementId, readPolisExport(folder), options);
}
