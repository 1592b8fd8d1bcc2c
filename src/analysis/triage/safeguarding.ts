// A rule-based first look for possible safeguarding disclosures in a voice. It only suggests:
// a flag it raises is decided by a named person, and nothing here can lower a flag to nothing.
// See README.md in this folder.
import { isNegated } from './negation.ts';
import {
  REAL_WORDS_ONE_SLIP_AWAY,
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_RULES,
  SPELLING_SLIPS,
  type SafeguardingCategory,
} from './safeguarding.patterns.ts';
import { OTHER_LANGUAGES, UNSPECIFIED_HARM } from './safeguarding.plain-words.ts';
import { compileRules, compileUnicodeRules, findAll, findSlips, foldText } from './text-match.ts';

export { SAFEGUARDING_CATEGORIES, type SafeguardingCategory } from './safeguarding.patterns.ts';

export const SAFEGUARDING_RULES_VERSION = 'rules-3';

/** A kind of harm, or 'unspecified' for words such as "abused" that do not say which. */
export type SafeguardingKind = SafeguardingCategory | 'unspecified';

export interface SafeguardingMatch {
  category: SafeguardingKind;
  /** The words as the person wrote them. */
  phrase: string;
  start: number;
  end: number;
  negated: boolean;
}

export interface SafeguardingSuggestion {
  /** True whenever any category phrase is present, negated or not. */
  flagged: boolean;
  /** 0..1: how strongly the phrases suggest a disclosure; for ordering, never for clearing. */
  score: number;
  /** The kinds named; empty when only words like "abused" say there is harm. */
  categories: SafeguardingCategory[];
  matches: SafeguardingMatch[];
  version: typeof SAFEGUARDING_RULES_VERSION;
}

// How much one phrase adds to the score; a negated phrase adds a third as much. A word caught
// through a slip of the keyboard counts as a possible phrase, whatever the word.
const WEIGHT = { clear: 0.8, possible: 0.5 } as const;
const NEGATED_FACTOR = 1 / 3;

const COMPILED: { category: SafeguardingKind; clear: RegExp[]; possible: RegExp[] }[] = [
  ...SAFEGUARDING_CATEGORIES.map((category) => ({
    category,
    clear: [
      ...compileRules(SAFEGUARDING_RULES[category].clear),
      ...compileUnicodeRules(OTHER_LANGUAGES[category] ?? []),
    ],
    possible: compileRules(SAFEGUARDING_RULES[category].possible),
  })),
  {
    category: 'unspecified',
    clear: [
      ...compileRules(UNSPECIFIED_HARM),
      ...compileUnicodeRules(OTHER_LANGUAGES.unspecified ?? []),
    ],
    possible: [],
  },
];
const SLIP_WORDS = Object.keys(SPELLING_SLIPS);

interface Weighted extends SafeguardingMatch {
  weight: number;
}

/** Within one category, keeps the earliest, longest phrase where rules overlap. */
function withoutOverlaps(matches: Weighted[]): Weighted[] {
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - a.end || b.weight - a.weight,
  );
  const kept: Weighted[] = [];
  for (const match of sorted) {
    const last = kept.at(-1);
    if (last && last.category === match.category && match.start < last.end) {
      last.weight = Math.max(last.weight, match.weight);
      continue;
    }
    kept.push(match);
  }
  return kept;
}

export function detectSafeguarding(text: string): SafeguardingSuggestion {
  const folded = foldText(text);
  const matches: Weighted[] = [];
  const slips = findSlips(folded, text, SLIP_WORDS, REAL_WORDS_ONE_SLIP_AWAY);
  for (const { category, clear, possible } of COMPILED) {
    const inCategory: Weighted[] = [];
    for (const [rules, weight] of [
      [clear, WEIGHT.clear],
      [possible, WEIGHT.possible],
    ] as const) {
      for (const found of findAll(folded, text, rules)) {
        const negated = isNegated(folded, found.start);
        inCategory.push({ category, ...found, negated, weight });
      }
    }
    for (const { word, phrase, start, end } of slips) {
      if (SPELLING_SLIPS[word] !== category) continue;
      const negated = isNegated(folded, start);
      inCategory.push({ category, phrase, start, end, negated, weight: WEIGHT.possible });
    }
    matches.push(...withoutOverlaps(inCategory));
  }
  matches.sort((a, b) => a.start - b.start || a.end - b.end);

  // Independent evidence: each phrase closes part of the remaining gap to 1.
  let doubt = 1;
  for (const match of matches) {
    doubt *= 1 - match.weight * (match.negated ? NEGATED_FACTOR : 1);
  }
  const categories = SAFEGUARDING_CATEGORIES.filter((category) =>
    matches.some((match) => match.category === category),
  );
  return {
    flagged: matches.length > 0,
    score: Math.round((1 - doubt) * 1000) / 1000,
    categories,
    matches: matches.map(({ category, phrase, start, end, negated }) => ({
      category,
      phrase,
      start,
      end,
      negated,
    })),
    version: SAFEGUARDING_RULES_VERSION,
  };
}
