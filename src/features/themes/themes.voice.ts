// One voice on the themes pages, for an advocate to code by hand or move between themes.
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Engagement } from '../engagements/index.ts';
import { listVoices } from '../voices/index.ts';
import { themesNow } from './themes.actions.ts';
import type { PromptScope } from './themes.repository.ts';
import { isConcern } from './themes.synthesis.ts';

/**
 * The voice, its themes as they stand, and who put it there: a named person and when, or the
 * machine (its version, when it ran, how sure it was). A personal case's words are not shown.
 */
export async function voiceToCode(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
  voiceId: string,
) {
  const [now, [voice]] = await Promise.all([
    themesNow(deps, engagement, promptId),
    listVoices(deps.db, engagement.id, { voiceId }),
  ]);
  const assignment = now.assignments.get(voiceId);
  if (assignment === undefined || voice === undefined) throw new NotFoundError();
  const labelOf = new Map(now.themes.map((theme) => [theme.key, theme.label]));
  const current = assignment.themes.map(({ key, confidence }) => ({
    key,
    label: labelOf.get(key) ?? key,
    confidence: confidence?.toFixed(2),
  }));
  return {
    voiceId,
    text: isConcern(voice) ? undefined : voice.text,
    current,
    source:
      assignment.by === undefined
        ? deps.t('themes.voice.byMachine', {
            version: now.pipelineVersion,
            on: formatDate(now.createdAt),
            confidence: current.map((theme) => theme.confidence ?? '').join(', ') || '–',
          })
        : deps.t('themes.voice.byPerson', {
            by: assignment.by.name,
            on: formatDate(assignment.by.at),
          }),
    themes: now.themes.map((theme) => ({
      key: theme.key,
      label: theme.label,
      checked: assignment.themes.some(({ key }) => key === theme.key),
    })),
  };
}
