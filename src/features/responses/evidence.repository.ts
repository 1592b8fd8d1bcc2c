import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { EvidenceFile } from './responses.core.ts';

export async function insertEvidenceFile(
  db: Db,
  updateId: string,
  file: { filename: string; contentType: string; bytes: Buffer; public: boolean },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('action_evidence_files')
    .values({
      id,
      update_id: updateId,
      filename: file.filename,
      content_type: file.contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes,
      public: file.public ? 1 : 0,
    })
    .execute();
  return id;
}

/** The files of some progress updates, by update id, without their bytes. */
export async function evidenceOfUpdates(
  db: Db,
  updateIds: readonly string[],
): Promise<Map<string, EvidenceFile>> {
  if (updateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('action_evidence_files')
    .select(['id', 'update_id', 'filename', 'content_type', 'size', 'public'])
    .where('update_id', 'in', updateIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.update_id,
      {
        id: row.id,
        updateId: row.update_id,
        filename: row.filename,
        contentType: row.content_type,
        size: row.size,
        public: row.public === 1,
      },
    ]),
  );
}

/** One file with its bytes, and the engagement it belongs to, to serve it. */
export async function evidenceFileToServe(db: Db, fileId: string) {
  const row = await db
    .selectFrom('action_evidence_files')
    .innerJoin('action_updates', 'action_updates.id', 'action_evidence_files.update_id')
    .innerJoin('response_actions', 'response_actions.id', 'action_updates.action_id')
    .innerJoin('responses', 'responses.id', 'response_actions.response_id')
    .innerJoin('recommendations', 'recommendations.id', 'responses.recommendation_id')
    .select([
      'action_evidence_files.filename',
      'action_evidence_files.content_type',
      'action_evidence_files.bytes',
      'action_evidence_files.public',
      'responses.state as response_state',
      'recommendations.engagement_id',
    ])
    .where('action_evidence_files.id', '=', fileId)
    .executeTakeFirst();
  return (
    row && {
      filename: row.filename,
      contentType: row.content_type,
      bytes: Buffer.from(row.bytes),
      public: row.public === 1,
      responsePublished: row.response_state === 'published',
      engagementId: row.engagement_id,
    }
  );
}
