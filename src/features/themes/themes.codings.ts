import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { PromptScope } from './themes.repository.ts';

/** A person's coding of one voice: the themes it belongs to, main first, by key. */
export interface Coding {
  voiceId: string;
  themeKeys: string[];
  byId: string;
  byName: string;
  at: string;
}

/**
 * `theme_assignments` is add-only: a new coding of a voice stands over the older ones of the same
 * scope (a voice coded in one question's themes keeps its coding in the engagement's, and back).
 */
export async function insertCoding(
  db: Db,
  coding: {
    engagementId: string;
    promptId: PromptScope;
    voiceId: string;
    themeKeys: readonly string[];
    snapshotId: string;
    byId: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('theme_assignments')
    .values({
      id: newId(),
      engagement_id: coding.engagementId,
      prompt_id: coding.promptId,
      voice_id: coding.voiceId,
      theme_keys: JSON.stringify(coding.themeKeys),
      snapshot_id: coding.snapshotId,
      assigned_by_id: coding.byId,
      assigned_at: coding.at,
    })
    .execute();
}

/** Every coding of the voices in the scope's themes, oldest first, with who made it. */
export async function codingsOf(
  db: Db,
  engagementId: string,
  promptId: PromptScope = null,
): Promise<Coding[]> {
  const rows = await db
    .selectFrom('theme_assignments')
    .innerJoin('users', 'users.id', 'theme_assignments.assigned_by_id')
    .select([
      'theme_assignments.voice_id',
      'theme_assignments.theme_keys',
      'theme_assignments.assigned_by_id',
      'theme_assignments.assigned_at',
      'users.name',
    ])
    .where('theme_assignments.engagement_id', '=', engagementId)
    .where('theme_assignments.prompt_id', promptId === null ? 'is' : '=', promptId)
    .orderBy('theme_assignments.assigned_at')
    .orderBy('theme_assignments.id')
    .execute();
  return rows.map((row) => ({
    voiceId: row.voice_id,
    themeKeys: JSON.parse(row.theme_keys) as string[],
    byId: row.assigned_by_id,
    byName: row.name,
    at: row.assigned_at,
  }));
}
