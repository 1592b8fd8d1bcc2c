/** Meta statements (about the conversation itself) are always offered at this fixed priority. */
export const META_PRIORITY = 49;

export interface StatementTally {
  /** Summed over grouped participants. */
  readonly agree: number;
  readonly disagree: number;
  /** Any vote, passes included. */
  readonly seen: number;
  /** How far out the statement sits on the map (projection.ts). */
  readonly extremity: number;
  readonly meta: boolean;
}

/**
 * How strongly to favour a statement when choosing what someone sees next:
 * ((1 − p) × (E + 1) × a × (1 + 8 × 2^(−S / 5)))², with p and a the smoothed pass and agree
 * rates. Unseen statements get a ninefold novelty boost that halves every 5 votes.
 */
export function statementPriority(tally: StatementTally): number {
  if (tally.meta) return META_PRIORITY;
  const passes = tally.seen - tally.agree - tally.disagree;
  const pass = (passes + 1) / (tally.seen + 2);
  const agree = (tally.agree + 1) / (tally.seen + 2);
  const importance = (1 - pass) * (tally.extremity + 1) * agree;
  const novelty = 1 + 8 * 2 ** (-tally.seen / 5);
  return (importance * novelty) ** 2;
}
