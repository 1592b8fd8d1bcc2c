// A rule-based first look for possible safeguarding disclosures in a voice. It only suggests:
// a flag it raises is decided by a named person, and nothing here can lower a flag to nothing.
// See README.md in this folder.
import { isNegated } from './negation.ts';
import {
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_RULES,
  type SafeguardingCategory,
} from './safeguarding.patterns.ts';
import { compileRules, findAll, foldText } from './text-match.ts';

export { SAFEGUARDING_CATEGORIES, type SafeguardingCategory } from './safeguarding.patterns.ts';

export const SAFEGUARDING_RULES_VERSION = 'rules-1';

export interface SafeguardingMatch {
  category: SafeguardingCategory;
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
  categories: SafeguardingCategory[];
  matches: SafeguardingMatch[];
  version: typeof SAFEGUARDING_RULES_VERSION;
}

// How much one phrase adds to the score; a negated phrase adds a third as much.
const WEIGHT = { clear: 0.8, possible: 0.5 } as const;
const NEGATED_FACTOR = 1 / 3;

const COMPILED = SAFEGUARDING_CATEGORIES.map((category) => ({
  category,
  clear: compileRules(SAFEGUARDING_RULES[category].clear),
  possible: compileRules(SAFEGUARDING_RULES[category].possible),
}));

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
