import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Decision, Revision } from './responses.core.ts';

export async function revisionsOfResponses(
  db: Db,
  responseIds: readonly string[],
): Promise<Revision[]> {
  if (responseIds.length === 0) return [];
  const rows = await db
    .selectFrom('response_revisions')
    .selectAll()
    .where('response_id', 'in', responseIds)
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    responseId: row.response_id,
    challengeId: row.challenge_id,
    decision: row.decision as Decision | null,
    reasonsPlain: row.reasons_plain,
    reasonsEasyRead: row.reasons_easy_read,
    state: row.state as Revision['state'],
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  }));
}

/** Saves the revised answer to an upheld challenge, new or a draft; never a published one. */
export async function saveRevision(
  db: Db,
  fields: {
    responseId: string;
    challengeId: string;
    decision: Decision | null;
    reasonsPlain: string;
    reasonsEasyRead: string;
    publish: boolean;
    byId: string;
  },
  at: string,
): Promise<{ id: string; saved: boolean }> {
  const values = {
    decision: fields.decision,
    reasons_plain: fields.reasonsPlain,
    reasons_easy_read: fields.reasonsEasyRead,
    state: fields.publish ? 'published' : 'draft',
    written_by_id: fields.byId,
    updated_at: at,
    published_at: fields.publish ? at : null,
  };
  const existing = await db
    .selectFrom('response_revisions')
    .select('id')
    .where('challenge_id', '=', fields.challengeId)
    .executeTakeFirst();
  if (existing === undefined) {
    const id = newId();
    await db
      .insertInto('response_revisions')
      .values({ id, response_id: fields.responseId, challenge_id: fields.challengeId, ...values })
      .execute();
    return { id, saved: true };
  }
  const result = await db
    .updateTable('response_revisions')
    .set(values)
    .where('id', '=', existing.id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return { id: existing.id, saved: Number(result.numUpdatedRows) === 1 };
}
