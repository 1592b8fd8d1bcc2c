// The voices of one theme (or of none), for the advocacy organisation to open and code by hand.
// The themes page lists the first few of each; the rest are on the theme's own pages, a page at a
// time, so the themes page stays small however many voices an engagement has.
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { type Page, pageOf } from '../../platform/paging.ts';
import type { Engagement } from '../engagements/index.ts';
import { type VoiceFacts, currentTexts, listVoiceFacts } from '../voices/index.ts';
import { themesNow } from './themes.actions.ts';
import type { PromptScope } from './themes.repository.ts';
import { type Standing, membersOf } from './themes.standing.ts';
import { isConcern, mayGoIn } from './themes.synthesis.ts';

/** Voices listed with each theme, and in no theme, on the themes page. */
export const MEMBERS_ON_THEMES_PAGE = 20;
/** The first voices of a list, those the themes page shows. */
export const shownOf = <V>(voices: readonly V[]): V[] => voices.slice(0, MEMBERS_ON_THEMES_PAGE);

/** Voices on each page of one theme's voices. */
export const MEMBERS_PER_PAGE = 50;
/** In a theme's address, the voices in no theme. */
export const IN_NO_THEME = 'none';

export interface VoiceToCode {
  id: string;
  /** Undefined for a person's own case, whose words are shown to nobody here. */
  text: string | undefined;
  /** A person coded it by hand. */
  byPerson: boolean;
}

/** A voice as a link to code it; a personal case's words are shown to nobody here. */
export const voiceToCode = (
  voice: VoiceFacts,
  texts: ReadonlyMap<string, string>,
  now: Standing | undefined,
): VoiceToCode => ({
  id: voice.id,
  text: isConcern(voice) ? undefined : (texts.get(voice.id) ?? ''),
  byPerson: now?.assignments.get(voice.id)?.by !== undefined,
});

/** Ids of the voices that may go in and are in no theme now (their theme deleted, or by choice). */
export const inNoThemeOf = (now: Standing | undefined): string[] =>
  [...(now?.assignments.values() ?? [])]
    .filter((assignment) => assignment.themes.length === 0)
    .map((assignment) => assignment.voiceId);

/** The voices of these ids that may go in, in the same order (withdrawn or flagged ones left out). */
export const voicesThatMayGoIn = (
  ids: readonly string[],
  byId: ReadonlyMap<string, VoiceFacts>,
): VoiceFacts[] =>
  ids.flatMap((id) => {
    const voice = byId.get(id);
    return voice !== undefined && mayGoIn(voice) ? [voice] : [];
  });

/**
 * One page of the voices whose main theme is `key` (or in no theme, for IN_NO_THEME), those that
 * may go in, in the order the themes page lists them. 404 for a theme the scope does not have.
 */
export async function themeMembersPage(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
  requested: number,
): Promise<{
  label: string | undefined;
  page: Page<VoiceToCode>;
  /** The other themes, where this theme's voices may be moved. */
  others: { key: string; label: string }[];
}> {
  const [now, voices] = await Promise.all([
    themesNow(deps, engagement, promptId),
    listVoiceFacts(deps.db, engagement.id),
  ]);
  const theme = now.themes.find((candidate) => candidate.key === key);
  if (theme === undefined && key !== IN_NO_THEME) throw new NotFoundError();
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const ids = theme === undefined ? inNoThemeOf(now) : (membersOf(now).get(key) ?? []);
  const page = pageOf(voicesThatMayGoIn(ids, byId), requested, MEMBERS_PER_PAGE);
  // Only the words shown are read.
  const texts = await currentTexts(
    deps.db,
    page.items.map((voice) => voice.id),
  );
  return {
    label: theme?.label,
    page: { ...page, items: page.items.map((voice) => voiceToCode(voice, texts, now)) },
    others:
      theme === undefined
        ? []
        : now.themes
            .filter((other) => other.key !== key)
            .map((other) => ({ key: other.key, label: other.label })),
  };
}
