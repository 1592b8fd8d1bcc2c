// A rule-based suggestion that a voice is one person's own case for casework (a complaint or a
// personal case) rather than design input. It only suggests: an advocate confirms it and asks the
// person's consent before anything is passed on. Cold start for the classifier of issue 6.
import { CONCERN_RULES, type ConcernSignal } from './individual-concern.patterns.ts';
import { compileRules, findAll, foldText } from './text-match.ts';

export { CONCERN_SIGNALS, type ConcernSignal } from './individual-concern.patterns.ts';

export const CONCERN_RULES_VERSION = 'rules-1';

export interface ConcernReason {
  signal: ConcernSignal;
  /** The first words, as written, that raised this signal. */
  phrase: string;
}

export interface ConcernSuggestion {
  suggested: boolean;
  /** 0..1 */
  score: number;
  reasons: ConcernReason[];
  version: typeof CONCERN_RULES_VERSION;
}

// Below this score a voice stays design input unless a person moves it.
const THRESHOLD = 0.5;

const COMPILED = CONCERN_RULES.map((rule) => ({ ...rule, rules: compileRules(rule.sources) }));

// A member of staff named with a title ("Mrs Patel", "Dr Okafor") or by role ("social worker
// called Sam"). Case matters here, so this runs over the text as written.
const NAMED_STAFF =
  /\b(?:Mrs?|Ms|Miss|Dr)\.? [A-Z][a-z]+|\b(?:social worker|worker|manager|officer|assessor|OT|carer|nurse|lady|man|woman)(?: was| is)? (?:called|named) [A-Z][a-z]+/;
const NAMED_STAFF_WEIGHT = 0.35;

export function suggestIndividualConcern(text: string): ConcernSuggestion {
  const folded = foldText(text);
  const reasons: ConcernReason[] = [];
  let score = 0;
  for (const { signal, weight, rules } of COMPILED) {
    const found = findAll(folded, text, rules).sort((a, b) => a.start - b.start)[0];
    if (found) {
      reasons.push({ signal, phrase: found.phrase });
      score += weight;
    }
  }
  const staff = NAMED_STAFF.exec(text);
  if (staff) {
    reasons.push({ signal: 'named-staff', phrase: staff[0] });
    score += NAMED_STAFF_WEIGHT;
  }
  // A problem only counts as a case when it is someone's own ("people wait too long" is a view),
  // or when it is one dated problem ("the OT never came back, two months now").
  const has = (signal: ConcernSignal) => reasons.some((reason) => reason.signal === signal);
  const ownCase =
    has('own-case') ||
    has('case-reference') ||
    has('named-staff') ||
    (has('problem') && has('how-long'));
  if (!ownCase) score = Math.min(score, THRESHOLD - 0.1);
  const clamped = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return {
    suggested: clamped >= THRESHOLD,
    score: clamped,
    reasons,
    version: CONCERN_RULES_VERSION,
  };
}
