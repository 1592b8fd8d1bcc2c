// The themes as they now stand: the newest snapshot with people's edits (merges, deletions,
// added themes) and codings laid over it. Pure. A person's coding of a voice always wins over
// the machine's assignment of it, whichever came later.
import type { Coding } from './themes.codings.ts';
import { type EditedTheme, type ThemeEdit, editedState } from './themes.repository.ts';
import type {
  CampaignNote,
  StoredAssignment,
  StoredQuote,
  StoredTheme,
} from './themes.snapshot.ts';

export interface StandingTheme {
  key: string;
  /** A person's name for it, else the machine's, else the name it was added with. */
  label: string;
  /** Undefined for a theme a person added. */
  machineLabel: string | undefined;
  description: string | undefined;
  locked: boolean;
  /** The snapshot's themes that are now this one: itself, and any merged into it. */
  stored: StoredTheme[];
  /** For a theme a person made by splitting another: that theme's key. */
  splitFrom: string | undefined;
  /**
   * The snapshot's quotes this theme may show, when their voices are in it now: its stored
   * themes' quotes; for a theme split out of another, any of the snapshot's quotes.
   */
  quotes: StoredQuote[];
  /**
   * Its campaign notes: each note that names its voices, where those voices now have this theme
   * as their main one (so a note follows its campaign into the themes a split made); a note from
   * an older snapshot, with its stored themes.
   */
  campaigns: CampaignNote[];
}

/** Who put a voice in its themes: a named person, or (absent) the machine of the snapshot. */
export interface CodedBy {
  id: string;
  name: string;
  at: string;
}

export interface StandingAssignment {
  voiceId: string;
  /** Main theme first; the machine's confidence, absent for a person's coding. */
  themes: { key: string; confidence?: number }[];
  by?: CodedBy;
}

export interface Standing {
  themes: StandingTheme[];
  /** Every voice in the snapshot or coded by a person, by id. */
  assignments: Map<string, StandingAssignment>;
  /** Where a key now leads: itself, the theme it was merged into, or undefined when deleted. */
  resolve: (key: string) => string | undefined;
}

const uniqueByKey = <T extends { key: string }>(items: readonly T[]): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
};

const uniqueQuotes = (quotes: readonly StoredQuote[]): StoredQuote[] => {
  const seen = new Set<string>();
  return quotes.filter((quote) => !seen.has(quote.text) && seen.add(quote.text));
};

export function standing(
  snapshot: { themes: readonly StoredTheme[]; assignments: readonly StoredAssignment[] },
  edits: readonly ThemeEdit[],
  codings: readonly Coding[],
): Standing {
  const state = editedState(edits);
  const stored = new Map(snapshot.themes.map((theme) => [theme.key, theme]));
  const added = [...state].filter(
    ([key, edited]) => edited.added !== undefined && !stored.has(key),
  );
  const known = new Set([...stored.keys(), ...added.map(([key]) => key)]);

  const resolve = (key: string): string | undefined => {
    const visited = new Set<string>();
    let current = key;
    for (;;) {
      const edited: EditedTheme | undefined = state.get(current);
      if (!known.has(current) || edited?.deleted === true || visited.has(current)) return undefined;
      visited.add(current);
      if (edited?.mergedInto === undefined) return current;
      current = edited.mergedInto;
    }
  };

  const standingThemes = [...known]
    .filter((key) => resolve(key) === key)
    .map((key): Omit<StandingTheme, 'campaigns'> => {
      const edited = state.get(key);
      const own = stored.get(key);
      const folded = snapshot.themes.filter((theme) => resolve(theme.key) === key);
      const quoteFrom = edited?.splitFrom === undefined ? folded : snapshot.themes;
      return {
        key,
        label: edited?.label ?? own?.label ?? edited?.added ?? key,
        machineLabel: own?.label,
        description: edited?.description || undefined,
        locked: edited?.locked ?? false,
        stored: folded,
        splitFrom: edited?.splitFrom,
        quotes: uniqueQuotes(quoteFrom.flatMap((theme) => theme.quotes)),
      };
    });

  const assignments = new Map<string, StandingAssignment>();
  for (const assignment of snapshot.assignments) {
    assignments.set(assignment.voiceId, {
      voiceId: assignment.voiceId,
      themes: uniqueByKey(
        assignment.themes.flatMap(({ key, confidence }) => {
          const to = resolve(key);
          return to === undefined ? [] : [{ key: to, confidence }];
        }),
      ),
      ...(assignment.by && { by: assignment.by }),
    });
  }
  // Oldest first, so each voice's newest coding is the one left standing.
  for (const coding of codings) {
    assignments.set(coding.voiceId, {
      voiceId: coding.voiceId,
      themes: uniqueByKey(
        coding.themeKeys.flatMap((key) => {
          const to = resolve(key);
          return to === undefined ? [] : [{ key: to }];
        }),
      ),
      by: { id: coding.byId, name: coding.byName, at: coding.at },
    });
  }
  const notes = campaignNotes(snapshot.themes, assignments, resolve);
  const themes = standingThemes.map((theme) => ({
    ...theme,
    campaigns: notes.get(theme.key) ?? [],
  }));
  return { themes, assignments, resolve };
}

/** The campaign notes of each standing theme, by key (see `StandingTheme.campaigns`). */
function campaignNotes(
  storedThemes: readonly StoredTheme[],
  assignments: ReadonlyMap<string, StandingAssignment>,
  resolve: (key: string) => string | undefined,
): Map<string, CampaignNote[]> {
  const notes = new Map<string, Map<string, CampaignNote>>();
  const add = (key: string | undefined, note: CampaignNote): void => {
    if (key === undefined) return;
    const ofTheme = notes.get(key) ?? new Map<string, CampaignNote>();
    notes.set(key, ofTheme);
    const id = `${note.groupId} ${note.weighAs}`;
    const earlier = ofTheme.get(id);
    if (earlier === undefined) ofTheme.set(id, note);
    // Letters of a group counted as many from two stored themes, now in one, count together.
    else if (note.weighAs === 'many') {
      ofTheme.set(id, {
        ...earlier,
        size: earlier.size + note.size,
        ...(note.voiceIds && { voiceIds: [...(earlier.voiceIds ?? []), ...note.voiceIds] }),
      });
    }
  };
  for (const stored of storedThemes) {
    for (const note of stored.campaigns) {
      if (note.voiceIds === undefined) {
        add(resolve(stored.key), note);
        continue;
      }
      const byTheme = new Map<string, string[]>();
      for (const voiceId of note.voiceIds) {
        const main = assignments.get(voiceId)?.themes[0]?.key;
        if (main !== undefined) byTheme.set(main, [...(byTheme.get(main) ?? []), voiceId]);
      }
      for (const [key, voiceIds] of byTheme) {
        add(key, note.weighAs === 'many' ? { ...note, size: voiceIds.length, voiceIds } : note);
      }
    }
  }
  return new Map([...notes].map(([key, ofTheme]) => [key, [...ofTheme.values()]]));
}

/** The voices whose main theme is each standing theme, by key. */
export function membersOf(standingThemes: Standing): Map<string, string[]> {
  const members = new Map(standingThemes.themes.map((theme) => [theme.key, [] as string[]]));
  for (const assignment of standingThemes.assignments.values()) {
    const main = assignment.themes[0]?.key;
    if (main !== undefined) members.get(main)?.push(assignment.voiceId);
  }
  return members;
}
