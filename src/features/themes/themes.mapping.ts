import { THEMES_MODEL_VERSION } from '../../analysis/text/themes.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { codingsOf } from './themes.codings.ts';
import {
  type ReportProgress,
  compareWithHelper,
  inThread,
  startInBackground,
  synthesiseScope,
} from './themes.drafting.ts';
import { helperRecord } from './themes.provider.ts';
import {
  type PromptScope,
  insertThemeSnapshot,
  latestThemeSnapshot,
  themeEditsOf,
} from './themes.repository.ts';
import {
  type StoredAssignment,
  type StoredTheme,
  describeMembers,
  withProvider,
} from './themes.snapshot.ts';
import { standing } from './themes.standing.ts';
import { SYNTHESIS_VERSION } from './themes.synthesis.ts';

/** Marks a snapshot made by mapping voices to people's themes, not by drafting. */
export const MAPPED = 'mapped';
export const isMapping = (pipelineVersion: string): boolean =>
  pipelineVersion.endsWith(`+${MAPPED}`);

/**
 * Maps every voice of the scope that may go in to the scope's themes as they now stand, learning
 * from the voices people coded by hand and the members of locked themes; saves the result as the
 * scope's next snapshot. A voice a person coded keeps exactly their themes and is marked as
 * theirs. With a helper service configured, its embeddings join Heard's vectors, as in a draft.
 */
async function map(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  onProgress: ReportProgress,
): Promise<void> {
  const [synthesis, earlier, edits, codings] = await Promise.all([
    synthesiseScope(deps, engagement.id, promptId),
    latestThemeSnapshot(deps.db, engagement.id, promptId),
    themeEditsOf(deps.db, engagement.id, promptId),
    codingsOf(deps.db, engagement.id, promptId),
  ]);
  if (earlier === undefined) throw new Error(deps.t('themes.map.noThemes'));
  const now = standing(earlier, edits, codings);
  const lockedKeys = new Set(now.themes.filter((theme) => theme.locked).map((theme) => theme.key));

  // What people decided: their codings, and the main theme of each voice in a locked theme.
  const decided = new Map<string, StoredAssignment>();
  for (const voice of synthesis.voices) {
    const standingAssignment = now.assignments.get(voice.id);
    const main = standingAssignment?.themes[0]?.key;
    if (standingAssignment?.by !== undefined) {
      decided.set(voice.id, {
        voiceId: voice.id,
        themes: standingAssignment.themes.map(({ key }) => ({ key, confidence: 1 })),
        by: standingAssignment.by,
      });
    } else if (main !== undefined && lockedKeys.has(main)) {
      decided.set(voice.id, { voiceId: voice.id, themes: [{ key: main, confidence: 1 }] });
    }
  }
  const coded = [...decided.values()]
    .filter((assignment) => assignment.themes.length > 0)
    .map((assignment): [string, string[]] => [
      assignment.voiceId,
      assignment.themes.map(({ key }) => key),
    ]);
  if (coded.length === 0) throw new Error(deps.t('themes.map.nothingCoded'));
  // A voice a person took out of every theme is not the machine's to place.
  const mapped = synthesis.voices.filter((voice) => decided.get(voice.id)?.themes.length !== 0);

  const textVoices = mapped.map((voice) => ({
    id: voice.id,
    text: voice.text,
    quotable: voice.quotable,
  }));
  const withHelper = await compareWithHelper(deps, mapped, onProgress);
  const given = withHelper?.compared.given;
  const result = await inThread(
    { kind: 'map', voices: textVoices, coded, ...(given === undefined ? {} : { given }) },
    onProgress,
  );
  if (result.kind !== 'mapped') throw new Error('themes thread drafted instead of mapping');
  onProgress('saving', 0, 0);
  // mapToThemes names themes by the keys it was given, in order of first appearance.
  const keys = [...new Set(coded.flatMap(([, themeKeys]) => themeKeys))];
  const keyOf = (id: string): string => keys[Number(id.replace('theme-', '')) - 1] ?? id;
  const byVoice = new Map(synthesis.voices.map((voice) => [voice.id, voice]));
  const assignments: StoredAssignment[] = [
    ...result.mapped.assignments.map(
      (assignment): StoredAssignment =>
        decided.get(assignment.id) ?? {
          voiceId: assignment.id,
          themes: assignment.themes.map(({ theme, confidence }) => ({
            key: keyOf(theme),
            confidence,
          })),
        },
    ),
    ...[...decided.values()].filter((assignment) => assignment.themes.length === 0),
  ];
  const membersOf = (key: string) =>
    assignments
      .filter((a) => a.themes[0]?.key === key)
      .flatMap((a) => byVoice.get(a.voiceId) ?? []);
  const themes = result.mapped.themes.map((theme): StoredTheme => {
    const key = keyOf(theme.id);
    const was = now.themes.find((candidate) => candidate.key === key);
    return {
      key,
      label: was?.machineLabel ?? was?.label ?? key,
      keyPhrases: theme.keyPhrases,
      quotes: theme.quotes.map((quote) => ({ voiceId: quote.id, text: quote.text })),
      ...describeMembers(membersOf(key)),
      locked: lockedKeys.has(key),
    };
  });
  const saved = await insertThemeSnapshot(deps.db, {
    engagementId: engagement.id,
    promptId,
    createdAt: deps.clock().toISOString(),
    createdById: actor.userId,
    pipelineVersion: `${result.mapped.version}+${SYNTHESIS_VERSION}+${MAPPED}`,
    themes,
    assignments,
    inputs: withProvider(
      synthesis.inputs,
      withHelper &&
        helperRecord(withHelper.helper, withHelper.compared, themes.length, { naming: false }),
    ),
  });
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'themes_mapped',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: {
      version: saved.version,
      ...(promptId !== null && { prompt: promptId }),
      themes: themes.length,
      coded: coded.length,
      model: THEMES_MODEL_VERSION,
      // Voice text left the machine: say where to, as a draft does.
      ...(withHelper && { helper: withHelper.helper.host }),
    },
  });
}

/** Starts mapping every voice of the scope to its themes as they now stand, in the background. */
export function startMapping(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
): Promise<void> {
  return startInBackground(
    deps,
    { engagementId: engagement.id, promptId, startedById: actor.userId },
    (onProgress) => map(deps, actor, engagement, promptId, onProgress),
  );
}
