// The themes the advocacy lead shared with the council, as they stand now: the shared snapshot
// with people's edits and codings laid over it, as themes.service.ts builds the council's view.
// For other features (recommendations, "You said, we did"), so they read only what was shared.
import type { Db } from '../../platform/db/database.ts';
import { suppressSmall } from '../../platform/small-counts.ts';
import { councilMayRead } from '../sorting/sorting.core.ts';
import { currentTexts, listVoiceFacts } from '../voices/index.ts';
import { codingsOf } from './themes.codings.ts';
import { latestPublication } from './themes.publication.ts';
import { themeEditsOf, themeSnapshot } from './themes.repository.ts';
import { membersOf, standing } from './themes.standing.ts';
import { mayGoIn } from './themes.synthesis.ts';

export interface PublishedTheme {
  key: string;
  label: string;
  description: string | undefined;
  /** Voices in the theme; null when suppressed (1 to 4, for a council or public reader). */
  voices: number | null;
  perspectives: { perspective: string; count: number | null }[];
  /** Only quotes that may still be used: the person agreed, and nothing since stops it. */
  quotes: { voiceId: string; text: string }[];
}

export interface PublishedThemes {
  snapshotId: string;
  publishedAt: string;
  themes: PublishedTheme[];
}

/**
 * The shared themes as they stand, or undefined when nothing is shared. `suppress` hides counts
 * of 1 to 4: for council roles and the public, who must not be able to single anyone out.
 */
export async function publishedThemes(
  db: Db,
  engagementId: string,
  { suppress }: { suppress: boolean },
): Promise<PublishedThemes | undefined> {
  const publication = await latestPublication(db, engagementId);
  if (publication === undefined) return undefined;
  const found = await standingOver(db, engagementId, publication.snapshotId);
  if (found === undefined) return undefined;
  const { snapshot, now, voices } = found;
  const members = membersOf(now);
  const byId = new Map(voices.filter(mayGoIn).map((voice) => [voice.id, voice]));
  // Only the words of the voices quoted are read, to check each quote is still in them.
  const texts = await currentTexts(
    db,
    now.themes.flatMap((theme) => theme.quotes.map((quote) => quote.voiceId)),
  );
  const show = (count: number) => (suppress ? suppressSmall(count) : count);
  const themes = now.themes.map((theme): PublishedTheme => {
    const inTheme = (members.get(theme.key) ?? []).flatMap((id) => byId.get(id) ?? []);
    const perspectives = new Map<string, number>();
    for (const voice of inTheme)
      perspectives.set(voice.perspective, (perspectives.get(voice.perspective) ?? 0) + 1);
    const quotable = ({ voiceId, text }: { voiceId: string; text: string }): boolean => {
      const voice = byId.get(voiceId);
      return (
        voice !== undefined &&
        voice.consentQuote &&
        councilMayRead(voice.triageState) &&
        texts.get(voiceId)?.includes(text) === true &&
        now.assignments.get(voiceId)?.themes.some(({ key }) => key === theme.key) === true
      );
    };
    return {
      key: theme.key,
      label: theme.label,
      description: theme.description,
      voices: show(inTheme.length),
      perspectives: [...perspectives].map(([perspective, count]) => ({
        perspective,
        count: show(count),
      })),
      quotes: theme.quotes.filter(quotable).map(({ voiceId, text }) => ({ voiceId, text })),
    };
  });
  return { snapshotId: snapshot.id, publishedAt: publication.publishedAt, themes };
}

/** The engagement-wide themes as they stand over one snapshot, and the current voices' facts. */
async function standingOver(db: Db, engagementId: string, snapshotId: string) {
  const [snapshot, edits, codings, voices] = await Promise.all([
    themeSnapshot(db, engagementId, snapshotId),
    themeEditsOf(db, engagementId),
    codingsOf(db, engagementId),
    listVoiceFacts(db, engagementId),
  ]);
  return snapshot && { snapshot, now: standing(snapshot, edits, codings), voices };
}

/**
 * The people with a voice in any of these themes (by key, over the snapshot they were chosen
 * from, as the themes stand now): those a recommendation made from the themes came from.
 */
export async function participantsInThemes(
  db: Db,
  engagementId: string,
  snapshotId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = await standingOver(db, engagementId, snapshotId);
  if (found === undefined) return new Set();
  const wanted = new Set(keys);
  const inThemes = new Set(
    [...found.now.assignments.values()]
      .filter((assignment) => assignment.themes.some(({ key }) => wanted.has(key)))
      .map((assignment) => assignment.voiceId),
  );
  return new Set(
    found.voices.filter((voice) => inThemes.has(voice.id)).map((voice) => voice.participantId),
  );
}
