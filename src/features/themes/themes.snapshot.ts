// From the machine's draft to the snapshot Heard keeps, carrying people's work forward. Pure.
import { z } from 'zod';
import type { DraftedThemes } from '../../analysis/text/themes.ts';
import type { CampaignWeight, SynthesisInputs, SynthesisVoice } from './themes.synthesis.ts';

export interface StoredQuote {
  voiceId: string;
  /** Exact words from the voice. */
  text: string;
}

export interface StoredTheme {
  /** Stays with the theme across drafts when a later draft matches it (see `carryForward`). */
  key: string;
  /** The machine's label; a person's label is an edit, kept apart. */
  label: string;
  keyPhrases: string[];
  quotes: StoredQuote[];
  /** One or two sentences from the helper service, when it summed the theme up. */
  summary?: string;
  /** Voices whose main theme this is. */
  members: string[];
  perspectives: Record<string, number>;
  channels: Record<string, number>;
  /** Suggested or confirmed individual concerns among the members: counted, never quoted. */
  concerns: number;
  campaigns: CampaignNote[];
  /** Locked by a person: kept exactly as it was; the machine drafted only the other voices. */
  locked: boolean;
}

/** "A campaign of 37 near-identical letters, counted as one", as a theme stores it. */
export interface CampaignNote {
  groupId: string;
  /** One or undecided: the group's size. Many: how many of its letters are in the theme. */
  size: number;
  weighAs: CampaignWeight;
  /**
   * The voices the note is about: the one standing for a group counted as one (or undecided),
   * or the theme's members of a group counted as many. Absent in snapshots saved before it was
   * kept; with it, the note follows those voices to the theme they now stand in (a split).
   */
  voiceIds?: string[];
}

export interface StoredAssignment {
  voiceId: string;
  /** Main theme first; a person's coding has confidence 1. */
  themes: { key: string; confidence: number }[];
  /** The person who coded the voice, when a person did; otherwise the snapshot's machine. */
  by?: { id: string; name: string; at: string };
}

/**
 * What the helper service did for a draft, kept with what went in (never its key): where it is,
 * its models, whether its embeddings were used, how many themes it named, how many of its quotes
 * were left out, and why it was asked no more, if it failed.
 */
export const providerRecordSchema = z.object({
  host: z.string(),
  chatModel: z.string().optional(),
  embeddingModel: z.string().optional(),
  compared: z.boolean(),
  named: z.number(),
  themes: z.number(),
  droppedQuotes: z.number(),
  failure: z
    .object({
      step: z.enum(['compare', 'name']),
      reason: z.enum(['unreachable', 'timeout', 'refused', 'nonsense']),
      status: z.number().optional(),
    })
    .optional(),
});
export type ProviderRecord = z.infer<typeof providerRecordSchema>;

/** A draft's inputs with the helper service's record, stored together. */
export const withProvider = (
  inputs: SynthesisInputs,
  provider: ProviderRecord | undefined,
): SynthesisInputs & { provider?: ProviderRecord } =>
  provider === undefined ? inputs : { ...inputs, provider };

/** The helper service's record kept with a snapshot's inputs, if it helped with that draft. */
export const providerOf = (inputs: SynthesisInputs): ProviderRecord | undefined => {
  const parsed = z.object({ provider: providerRecordSchema }).safeParse(inputs);
  return parsed.success ? parsed.data.provider : undefined;
};

/** Two themes are the same theme across drafts when their members overlap at least this much. */
export const SAME_THEME = 0.3;

const countBy = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

/** Counts and campaign notes of a theme from the voices that are its members. */
export function describeMembers(
  members: readonly Omit<SynthesisVoice, 'text' | 'quotable'>[],
): Pick<StoredTheme, 'members' | 'perspectives' | 'channels' | 'concerns' | 'campaigns'> {
  return {
    members: members.map((voice) => voice.id),
    perspectives: countBy(members.map((voice) => voice.perspective)),
    channels: countBy(members.map((voice) => voice.channel)),
    concerns: members.filter((voice) => voice.concern).length,
    campaigns: [
      ...members.flatMap((voice) =>
        voice.campaign ? [{ ...voice.campaign, voiceIds: [voice.id] }] : [],
      ),
      // Members of a group counted as many: how many of its letters are in this theme.
      ...Object.entries(
        countBy(members.flatMap((voice) => voice.campaignMember?.groupId ?? [])),
      ).map(([groupId, size]) => ({
        groupId,
        size,
        weighAs: 'many' as const,
        voiceIds: members
          .filter((voice) => voice.campaignMember?.groupId === groupId)
          .map((voice) => voice.id),
      })),
    ],
  };
}

const jaccard = (a: ReadonlySet<string>, b: readonly string[]): number => {
  const shared = b.filter((id) => a.has(id)).length;
  const union = a.size + b.length - shared;
  return union === 0 ? 0 : shared / union;
};

/**
 * The machine's themes as stored: numbered `theme-n` keys are replaced by the key of the earlier
 * theme each matches best (Jaccard overlap of members at least SAME_THEME, best pairs first, one
 * to one), or a new key. So a theme a person renamed keeps its name when a new draft finds it.
 */
export function fromDraft(
  drafted: DraftedThemes,
  voices: readonly SynthesisVoice[],
  earlier: readonly StoredTheme[],
  newKey: () => string,
): { themes: StoredTheme[]; assignments: StoredAssignment[] } {
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const mainOf = new Map<string, string[]>();
  for (const assignment of drafted.assignments) {
    const main = assignment.themes[0]?.theme;
    if (main !== undefined) mainOf.set(main, [...(mainOf.get(main) ?? []), assignment.id]);
  }
  const pairs = drafted.themes
    .flatMap((theme) =>
      earlier.map((before) => ({
        theme: theme.id,
        key: before.key,
        overlap: jaccard(new Set(before.members), mainOf.get(theme.id) ?? []),
      })),
    )
    .filter((pair) => pair.overlap >= SAME_THEME)
    .sort((a, b) => b.overlap - a.overlap);
  const keyOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (keyOf.has(pair.theme) || taken.has(pair.key)) continue;
    keyOf.set(pair.theme, pair.key);
    taken.add(pair.key);
  }
  for (const theme of drafted.themes) if (!keyOf.has(theme.id)) keyOf.set(theme.id, newKey());

  const themes = drafted.themes.map((theme): StoredTheme => ({
    key: keyOf.get(theme.id) ?? theme.id,
    label: theme.label,
    keyPhrases: theme.keyPhrases,
    quotes: theme.quotes.map((quote) => ({ voiceId: quote.id, text: quote.text })),
    ...describeMembers((mainOf.get(theme.id) ?? []).flatMap((id) => byId.get(id) ?? [])),
    locked: false,
  }));
  const assignments = drafted.assignments.map((assignment): StoredAssignment => ({
    voiceId: assignment.id,
    themes: assignment.themes.map(({ theme, confidence }) => ({
      key: keyOf.get(theme) ?? theme,
      confidence,
    })),
  }));
  return { themes, assignments };
}

/**
 * A locked theme in the next snapshot: the same key and label, its members that still go in,
 * and its quotes whose voices still go in, may still be quoted and still hold those words.
 */
export function keptLocked(theme: StoredTheme, voices: readonly SynthesisVoice[]): StoredTheme {
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const members = theme.members.flatMap((id) => byId.get(id) ?? []);
  return {
    ...theme,
    ...describeMembers(members),
    quotes: theme.quotes.filter((quote) => {
      const voice = byId.get(quote.voiceId);
      return voice !== undefined && voice.quotable && voice.text.includes(quote.text);
    }),
    locked: true,
  };
}
