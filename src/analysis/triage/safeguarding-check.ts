// The safeguarding check every new voice goes through (issue 6): the rules (safeguarding.ts) OR
// the words-only model (safeguarding-model.ts). A voice is flagged when either flags it, so the
// model can only add flags to the rules', never remove one; nothing here can clear a flag, and a
// negated phrase still flags (negation only lowers the rules' score).
import {
  type SafeguardingModel,
  defaultSafeguardingModel,
  predictSafeguarding,
} from './safeguarding-model.ts';
import {
  SAFEGUARDING_RULES_VERSION,
  type SafeguardingCategory,
  type SafeguardingMatch,
  detectSafeguarding,
} from './safeguarding.ts';
import type { FeatureReason } from './text-classifier.ts';

export interface SafeguardingCheck {
  /** Put in front of the safeguarding lead now: the rules or the model flagged it. */
  flagged: boolean;
  /** What raised the flag: the rules, the model or both (empty when not flagged). */
  raisedBy: ('rules' | 'model')[];
  /**
   * 0..1, for ordering a queue only, never for clearing: the rules' and the model's scores taken
   * as independent evidence, 1 − (1 − rules)(1 − model).
   */
  score: number;
  /** The rules' categories. A flag raised by the model alone has none: a person names it. */
  categories: SafeguardingCategory[];
  /** The phrases the rules found, in the person's own words with their offsets. */
  matches: SafeguardingMatch[];
  /** The model's probability of a disclosure and the words that pushed it there. */
  model: { score: number; reasons: FeatureReason[] };
  /** `rules-3+sg-lr-1:<examples>:<hash>`: both the rules and the model that looked. */
  version: string;
}

/** The version a check records, naming the rules and the model. */
export const safeguardingCheckVersion = (
  model: SafeguardingModel = defaultSafeguardingModel(),
): string => `${SAFEGUARDING_RULES_VERSION}+${model.version}`;

export function checkSafeguarding(
  text: string,
  model: SafeguardingModel = defaultSafeguardingModel(),
): SafeguardingCheck {
  const rules = detectSafeguarding(text);
  const learnt = predictSafeguarding(model, text);
  const raisedBy = [
    ...(rules.flagged ? (['rules'] as const) : []),
    ...(learnt.flagged ? (['model'] as const) : []),
  ];
  return {
    flagged: raisedBy.length > 0,
    raisedBy,
    score: Math.round((1 - (1 - rules.score) * (1 - learnt.score)) * 1000) / 1000,
    categories: rules.categories,
    matches: rules.matches,
    model: { score: learnt.score, reasons: learnt.reasons },
    version: safeguardingCheckVersion(model),
  };
}
