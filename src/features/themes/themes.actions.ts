// What advocates do to the themes beyond naming them: merge, delete and add themes, code a voice
// by hand and move it between themes. Every change is added, never overwritten: theme changes
// to `theme_edits`, a voice's coding to `theme_assignments`; each is audited.
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { type AuditAction, recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { codingsOf, insertCoding } from './themes.codings.ts';
import {
  type EditField,
  type PromptScope,
  insertThemeEdit,
  latestThemeSnapshot,
  themeEditsOf,
} from './themes.repository.ts';
import { type Standing, standing } from './themes.standing.ts';

/** The scope's newest snapshot and its themes as they now stand; 404 before its first draft. */
export async function themesNow(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
): Promise<
  {
    snapshotId: string;
    promptId: PromptScope;
    pipelineVersion: string;
    createdAt: string;
  } & Standing
> {
  const [snapshot, edits, codings] = await Promise.all([
    latestThemeSnapshot(deps.db, engagement.id, promptId),
    themeEditsOf(deps.db, engagement.id, promptId),
    codingsOf(deps.db, engagement.id, promptId),
  ]);
  if (snapshot === undefined) throw new NotFoundError();
  return {
    snapshotId: snapshot.id,
    promptId,
    pipelineVersion: snapshot.pipelineVersion,
    createdAt: snapshot.createdAt,
    ...standing(snapshot, edits, codings),
  };
}

const standingKey = (now: Standing, key: string): string => {
  if (!now.themes.some((theme) => theme.key === key)) throw new NotFoundError();
  return key;
};

async function recordEdit(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  now: { snapshotId: string; promptId: PromptScope },
  edit: { themeKey: string; field: EditField; value: string },
  action: AuditAction,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await insertThemeEdit(trx, {
      engagementId: engagement.id,
      snapshotId: now.snapshotId,
      promptId: now.promptId,
      ...edit,
      editedById: actor.userId,
      editedAt: deps.clock().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action,
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { theme: edit.themeKey, value: edit.value },
    });
  });
}

/** `from` joins `into`: its voices, quotes and counts are `into`'s from now on. */
export async function mergeThemes(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  merge: { from: string; into: string },
): Promise<void> {
  const now = await themesNow(deps, engagement, promptId);
  const into = standingKey(now, merge.into);
  await recordEdit(
    deps,
    actor,
    engagement,
    now,
    { themeKey: standingKey(now, merge.from), field: 'merged_into', value: into },
    'themes_merged',
  );
}

/** The theme goes; its voices are left in their other themes, or in none. */
export async function deleteTheme(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
): Promise<void> {
  const now = await themesNow(deps, engagement, promptId);
  await recordEdit(
    deps,
    actor,
    engagement,
    now,
    { themeKey: standingKey(now, key), field: 'deleted', value: '1' },
    'theme_deleted',
  );
}

/** A new, empty theme a person names; voices join it when coded or mapped. Returns its key. */
export async function addTheme(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  label: string,
): Promise<string> {
  const now = await themesNow(deps, engagement, promptId);
  const key = newId();
  await recordEdit(
    deps,
    actor,
    engagement,
    now,
    { themeKey: key, field: 'added', value: label },
    'theme_added',
  );
  return key;
}

/** A person's coding of a voice to these themes (main first), against the themes as they stand. */
const personsCoding = (
  engagement: Engagement,
  now: { promptId: PromptScope; snapshotId: string },
  actor: Actor,
  at: string,
  voiceId: string,
  themeKeys: string[],
) => ({
  engagementId: engagement.id,
  promptId: now.promptId,
  voiceId,
  themeKeys,
  snapshotId: now.snapshotId,
  byId: actor.userId,
  at,
});

/** Records a person's themes for a voice, main first; the machine never changes them. */
async function recordCoding(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  now: Awaited<ReturnType<typeof themesNow>>,
  voiceId: string,
  themeKeys: string[],
  action: AuditAction,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await insertCoding(
      trx,
      personsCoding(engagement, now, actor, deps.clock().toISOString(), voiceId, themeKeys),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action,
      recordType: 'voice',
      recordId: voiceId,
      organisationId: actor.organisationId,
      details: { engagement: engagement.id, themes: themeKeys },
    });
  });
}

/** The voice as it now stands in the themes; 404 for a voice that is in no snapshot. */
const voiceNow = (now: Standing, voiceId: string) => {
  const assignment = now.assignments.get(voiceId);
  if (assignment === undefined) throw new NotFoundError();
  return assignment;
};

/** Codes the voice by hand to exactly these themes (in the page's order, the first its main). */
export async function codeVoice(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  voiceId: string,
  themeKeys: readonly string[],
): Promise<void> {
  const now = await themesNow(deps, engagement, promptId);
  voiceNow(now, voiceId);
  const chosen = new Set(themeKeys.map((key) => standingKey(now, key)));
  const ordered = now.themes.map((theme) => theme.key).filter((key) => chosen.has(key));
  await recordCoding(deps, actor, engagement, now, voiceId, ordered, 'theme_voice_coded');
}

/** Moves the voice out of one of its themes into another, in the same place (main stays main). */
export async function moveVoice(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  voiceId: string,
  move: { from: string; to: string },
): Promise<void> {
  const now = await themesNow(deps, engagement, promptId);
  const current = voiceNow(now, voiceId).themes.map(({ key }) => key);
  if (!current.includes(move.from)) throw new NotFoundError();
  const to = standingKey(now, move.to);
  const moved = [...new Set(current.map((key) => (key === move.from ? to : key)))];
  await recordCoding(deps, actor, engagement, now, voiceId, moved, 'theme_voice_moved');
}

/**
 * Moves the voices ticked on a page of the theme `from` into `to`, each in the same place (main
 * stays main), in one transaction with one audit row; voices no longer in `from` (someone moved
 * them meanwhile) are left as they are. Returns how many moved.
 */
export async function moveVoices(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  voiceIds: readonly string[],
  move: { from: string; to: string },
): Promise<number> {
  const now = await themesNow(deps, engagement, promptId);
  standingKey(now, move.from);
  const to = standingKey(now, move.to);
  const at = deps.clock().toISOString();
  const moves = [...new Set(voiceIds)].flatMap((voiceId) => {
    const current = (now.assignments.get(voiceId)?.themes ?? []).map(({ key }) => key);
    if (!current.includes(move.from)) return [];
    return [
      { voiceId, themeKeys: [...new Set(current.map((key) => (key === move.from ? to : key)))] },
    ];
  });
  await deps.db.transaction().execute(async (trx) => {
    for (const { voiceId, themeKeys } of moves)
      await insertCoding(trx, personsCoding(engagement, now, actor, at, voiceId, themeKeys));
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'theme_voices_moved',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { from: move.from, to, voices: moves.length },
    });
  });
  return moves.length;
}
