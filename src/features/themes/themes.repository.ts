import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ThemeSnapshotsTable } from '../../platform/db/schema.ts';
import { newId } from '../../platform/db/ids.ts';
import type { StoredAssignment, StoredTheme } from './themes.snapshot.ts';
import type { SynthesisInputs } from './themes.synthesis.ts';

export interface ThemeSnapshot {
  id: string;
  engagementId: string;
  /** The question these themes are of; null for the whole engagement. */
  promptId: string | null;
  version: number;
  createdAt: string;
  createdById: string;
  pipelineVersion: string;
  themes: StoredTheme[];
  assignments: StoredAssignment[];
  inputs: SynthesisInputs;
}

/**
 * What a person changed about a theme: its name, description or lock; `merged_into` (the value
 * is the key of the theme it joined), `deleted` ('1'), `added` (the value is the new theme's
 * name, the key a new one), `split` (the theme was split; the value is the JSON list of the new
 * themes' keys) or `split_from` (a new theme made by a split; the value is the split theme's key).
 */
export type EditField =
  'label' | 'description' | 'locked' | 'merged_into' | 'deleted' | 'added' | 'split' | 'split_from';

export interface ThemeEdit {
  themeKey: string;
  field: EditField;
  value: string;
  editedByName: string;
  editedAt: string;
}

/**
 * A scope of themes: one question (prompt) of the engagement, or null for the whole engagement.
 * Snapshots, edits, codings and publications each belong to one scope.
 */
export type PromptScope = string | null;

/** The newest snapshot of the scope, or undefined before its first draft. */
export async function latestThemeSnapshot(
  db: Db,
  engagementId: string,
  promptId: PromptScope = null,
): Promise<ThemeSnapshot | undefined> {
  const row = await db
    .selectFrom('theme_snapshots')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('prompt_id', promptId === null ? 'is' : '=', promptId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toSnapshot(row);
}

/** The newest snapshot of each scope that has one (its id and version only), by scope. */
export async function newestByScope(
  db: Db,
  engagementId: string,
): Promise<Map<PromptScope, { id: string; version: number }>> {
  const rows = await db
    .selectFrom('theme_snapshots')
    .select(['id', 'version', 'prompt_id'])
    .where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc')
    .execute();
  const newest = new Map<PromptScope, { id: string; version: number }>();
  for (const row of rows) {
    if (!newest.has(row.prompt_id)) newest.set(row.prompt_id, { id: row.id, version: row.version });
  }
  return newest;
}

/** One snapshot of the engagement's themes, or undefined when it is not one of them. */
export async function themeSnapshot(
  db: Db,
  engagementId: string,
  snapshotId: string,
): Promise<ThemeSnapshot | undefined> {
  const row = await db
    .selectFrom('theme_snapshots')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', snapshotId)
    .executeTakeFirst();
  return row && toSnapshot(row);
}

function toSnapshot(row: Selectable<ThemeSnapshotsTable>): ThemeSnapshot {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    promptId: row.prompt_id,
    version: row.version,
    createdAt: row.created_at,
    createdById: row.created_by_id,
    pipelineVersion: row.pipeline_version,
    themes: JSON.parse(row.themes) as StoredTheme[],
    assignments: JSON.parse(row.assignments) as StoredAssignment[],
    inputs: JSON.parse(row.inputs) as SynthesisInputs,
  };
}

/**
 * Saves the next version of the engagement's themes, of its scope; versions are numbered across
 * the engagement's scopes, so "draft 7" is one snapshot. The unique (engagement, version) guards
 * a race.
 */
export async function insertThemeSnapshot(
  db: Db,
  snapshot: Omit<ThemeSnapshot, 'id' | 'version'>,
): Promise<{ id: string; version: number }> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom('theme_snapshots')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('engagement_id', '=', snapshot.engagementId)
      .executeTakeFirst();
    const version = (newest?.version ?? 0) + 1;
    const id = newId();
    await trx
      .insertInto('theme_snapshots')
      .values({
        id,
        engagement_id: snapshot.engagementId,
        prompt_id: snapshot.promptId,
        version,
        created_at: snapshot.createdAt,
        created_by_id: snapshot.createdById,
        pipeline_version: snapshot.pipelineVersion,
        themes: JSON.stringify(snapshot.themes),
        assignments: JSON.stringify(snapshot.assignments),
        inputs: JSON.stringify(snapshot.inputs),
      })
      .execute();
    return { id, version };
  });
}

export async function insertThemeEdit(
  db: Db,
  edit: {
    engagementId: string;
    promptId: PromptScope;
    themeKey: string;
    snapshotId: string;
    field: EditField;
    value: string;
    editedById: string;
    editedAt: string;
  },
): Promise<void> {
  await db
    .insertInto('theme_edits')
    .values({
      id: newId(),
      engagement_id: edit.engagementId,
      prompt_id: edit.promptId,
      theme_key: edit.themeKey,
      snapshot_id: edit.snapshotId,
      field: edit.field,
      value: edit.value,
      edited_by_id: edit.editedById,
      edited_at: edit.editedAt,
    })
    .execute();
}

/** Every change people made to the themes of the scope, oldest first, with who made it. */
export async function themeEditsOf(
  db: Db,
  engagementId: string,
  promptId: PromptScope = null,
): Promise<ThemeEdit[]> {
  const rows = await db
    .selectFrom('theme_edits')
    .innerJoin('users', 'users.id', 'theme_edits.edited_by_id')
    .select([
      'theme_edits.theme_key',
      'theme_edits.field',
      'theme_edits.value',
      'theme_edits.edited_at',
      'users.name',
    ])
    .where('theme_edits.engagement_id', '=', engagementId)
    .where('theme_edits.prompt_id', promptId === null ? 'is' : '=', promptId)
    .orderBy('theme_edits.edited_at')
    .orderBy('theme_edits.id')
    .execute();
  return rows.map((row) => ({
    themeKey: row.theme_key,
    field: row.field as EditField,
    value: row.value,
    editedByName: row.name,
    editedAt: row.edited_at,
  }));
}

export interface EditedTheme {
  label?: string;
  description?: string;
  locked: boolean;
  /** The name a person gave a theme they added. */
  added?: string;
  mergedInto?: string;
  /** The theme no longer stands: a person deleted it, or split it into new themes. */
  deleted: boolean;
  /** For a theme made by splitting another: that theme's key. */
  splitFrom?: string;
}

/** What people's edits add up to for each theme key: the newest of each field stands. */
export function editedState(edits: readonly ThemeEdit[]): Map<string, EditedTheme> {
  const state = new Map<string, EditedTheme>();
  for (const edit of edits) {
    const current = state.get(edit.themeKey) ?? { locked: false, deleted: false };
    if (edit.field === 'label') current.label = edit.value;
    if (edit.field === 'description') current.description = edit.value;
    if (edit.field === 'locked') current.locked = edit.value === '1';
    if (edit.field === 'added') current.added = edit.value;
    if (edit.field === 'merged_into') current.mergedInto = edit.value;
    if (edit.field === 'deleted') current.deleted = edit.value === '1';
    // A split theme is gone as a deleted one is, so drafting again does not find it under its key.
    if (edit.field === 'split') current.deleted = true;
    if (edit.field === 'split_from') current.splitFrom = edit.value;
    state.set(edit.themeKey, current);
  }
  return state;
}
