// Splitting one theme into two or three new ones: a person names them and says which voice goes
// where, or starts from the machine's suggestion (2-means on the theme's voices). Recorded
// add-only as a merge is: the split theme is marked `split`, each new theme `added` and
// `split_from`, and each voice is coded by hand to its new theme, so no draft or mapping undoes it.
import { suggestSplit } from '../../analysis/text/split.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { type Result, invalid, ok } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { listVoices } from '../voices/index.ts';
import { themesNow } from './themes.actions.ts';
import { insertCoding } from './themes.codings.ts';
import { type PromptScope, insertThemeEdit } from './themes.repository.ts';
import { themeSplitSchema } from './themes.schemas.ts';
import { isConcern, mayGoIn } from './themes.synthesis.ts';

/** A split makes at most this many themes; split one of them again for more. */
export const SPLIT_PARTS = 3;

// What to fix about each new theme, first to third.
const MISSING = [
  'themes.split.errors.name1Missing',
  'themes.split.errors.name2Missing',
  'themes.split.errors.name3Missing',
];
const EMPTY = [
  'themes.split.errors.part1Empty',
  'themes.split.errors.part2Empty',
  'themes.split.errors.part3Empty',
];

/** The field that says which new theme a voice goes in ('1' to '3'). */
export const choiceField = (voiceId: string): string => `voice-${voiceId}`;

/** The theme as it now stands and its voices (main theme or not) that may go in; 404 if gone. */
async function themeToSplit(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
) {
  const [now, voices] = await Promise.all([
    themesNow(deps, engagement, promptId),
    listVoices(deps.db, engagement.id),
  ]);
  const theme = now.themes.find((candidate) => candidate.key === key);
  if (theme === undefined) throw new NotFoundError();
  const inTheme = new Set(
    [...now.assignments.values()]
      .filter((assignment) => assignment.themes.some((inOne) => inOne.key === key))
      .map((assignment) => assignment.voiceId),
  );
  return { now, theme, voices: voices.filter((voice) => inTheme.has(voice.id) && mayGoIn(voice)) };
}

/**
 * The split form: the theme, its voices (a personal case's words not shown) and, when asked for,
 * the machine's suggestion as the form's starting values.
 */
export async function splitForm(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
  suggest: boolean,
) {
  const { theme, voices } = await themeToSplit(deps, engagement, promptId, key);
  const values: Record<string, string> = {};
  if (suggest && voices.length >= 2) {
    const parts = suggestSplit(voices.map((voice) => ({ id: voice.id, text: voice.text })));
    parts.forEach((part, index) => {
      values[`name${index + 1}`] = part.label;
      for (const id of part.ids) values[choiceField(id)] = String(index + 1);
    });
  }
  return {
    key,
    label: theme.label,
    voices: voices.map((voice) => ({
      id: voice.id,
      text: isConcern(voice) ? undefined : voice.text,
    })),
    values,
  };
}

/**
 * What the person asked for, checked against the theme's voices now: the first two new themes
 * named, every voice given a new theme, every new theme with a name and at least one voice.
 * Returns each voice's part (0-based) or the errors, with the voices still to place.
 */
function checkSplit(
  names: readonly string[],
  voiceIds: readonly string[],
  body: Record<string, unknown>,
): { parts: Map<string, number>; errors: Record<string, string>; unplaced: string[] } {
  const parts = new Map<string, number>();
  const unplaced: string[] = [];
  for (const id of voiceIds) {
    const choice = Number(body[choiceField(id)]);
    if (Number.isInteger(choice) && choice >= 1 && choice <= SPLIT_PARTS) parts.set(id, choice - 1);
    else unplaced.push(id);
  }
  const sizes = names.map((_, index) => [...parts.values()].filter((p) => p === index).length);
  const errors: Record<string, string> = {};
  names.forEach((name, index) => {
    const field = `name${index + 1}`;
    const used = index < 2 || name !== '' || (sizes[index] ?? 0) > 0;
    if (!used) return;
    if (name === '') errors[field] = MISSING[index] ?? '';
    else if (sizes[index] === 0 && unplaced.length === 0) errors[field] = EMPTY[index] ?? '';
  });
  if (unplaced.length > 0) errors.voices = 'themes.split.errors.voicesUnplaced';
  return { parts, errors, unplaced };
}

/**
 * Splits the theme as the person asked, in one transaction; returns the first new theme's key,
 * or what to fix (the names and choices sent are kept by the page).
 */
export async function splitTheme(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
  body: Record<string, unknown>,
): Promise<Result<string> & { unplaced?: string[] }> {
  const { now, voices } = await themeToSplit(deps, engagement, promptId, key);
  const parsed = parseForm(themeSplitSchema, body);
  const names = parsed.ok ? [parsed.value.name1, parsed.value.name2, parsed.value.name3] : [];
  const checked = checkSplit(
    parsed.ok ? names : ['', '', ''],
    voices.map((voice) => voice.id),
    body,
  );
  if (!parsed.ok || Object.keys(checked.errors).length > 0) {
    return {
      ...invalid({ ...checked.errors, ...(parsed.ok ? {} : parsed.errors) }),
      unplaced: checked.unplaced,
    };
  }
  const newKeys = names.map((name) => (name === '' ? undefined : newId()));
  const at = deps.clock().toISOString();
  const edit = {
    engagementId: engagement.id,
    promptId: now.promptId,
    snapshotId: now.snapshotId,
    editedById: actor.userId,
  };
  const made = newKeys.flatMap((newKey) => newKey ?? []);
  await deps.db.transaction().execute(async (trx) => {
    await insertThemeEdit(trx, {
      ...edit,
      themeKey: key,
      field: 'split',
      value: JSON.stringify(made),
      editedAt: at,
    });
    for (const [index, newKey] of newKeys.entries()) {
      if (newKey === undefined) continue;
      const label = names[index] ?? '';
      await insertThemeEdit(trx, {
        ...edit,
        themeKey: newKey,
        field: 'added',
        value: label,
        editedAt: at,
      });
      await insertThemeEdit(trx, {
        ...edit,
        themeKey: newKey,
        field: 'split_from',
        value: key,
        editedAt: at,
      });
    }
    for (const [voiceId, part] of checked.parts) {
      const to = newKeys[part] ?? '';
      const themeKeys = (now.assignments.get(voiceId)?.themes ?? []).map((theme) =>
        theme.key === key ? to : theme.key,
      );
      await insertCoding(trx, {
        engagementId: engagement.id,
        promptId: now.promptId,
        voiceId,
        themeKeys: [...new Set(themeKeys)],
        snapshotId: now.snapshotId,
        byId: actor.userId,
        at,
      });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'theme_split',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { theme: key, into: made, voices: checked.parts.size },
    });
  });
  return ok(made[0] ?? key);
}
