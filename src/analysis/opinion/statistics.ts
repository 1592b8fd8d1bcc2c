import type { VoteMatrix } from './vote-matrix.ts';

/** One-sided 90 % significance for the z-tests. */
export const SIGNIFICANT = 1.2816;

/** Laplace-smoothed probability: (successes + 1) / (trials + 2). */
export function smoothedProbability(successes: number, trials: number): number {
  return (successes + 1) / (trials + 2);
}

/** One-proportion z-test against ½ with one pseudo-success and one pseudo-trial. */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** Two-proportion z-test (group vs rest), with 1 added to each of the four counts; 0 when p̂ = 1. */
export function twoProportionTest(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
): number {
  const s1 = successes1 + 1;
  const s2 = successes2 + 1;
  const n1 = trials1 + 1;
  const n2 = trials2 + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

export interface Tallies {
  /** [group * cols + col] counts. */
  readonly agree: Float64Array;
  readonly disagree: Float64Array;
  /** Any vote cast, passes included. */
  readonly seen: Float64Array;
}

/**
 * Agree, disagree and seen counts of each group on each column of the raw matrix: one pass
 * over the group members' votes.
 */
export function tally(matrix: VoteMatrix, groups: readonly (readonly number[])[]): Tallies {
  const { cols, rowStart, col: colIndex, value } = matrix;
  const agree = new Float64Array(groups.length * cols);
  const disagree = new Float64Array(groups.length * cols);
  const seen = new Float64Array(groups.length * cols);
  groups.forEach((rows, group) => {
    const base = group * cols;
    for (const row of rows) {
      for (let i = rowStart[row] ?? 0; i < (rowStart[row + 1] ?? 0); i++) {
        const cell = base + (colIndex[i] ?? 0);
        seen[cell] = (seen[cell] ?? 0) + 1;
        const vote = value[i] ?? 0;
        if (vote > 0) agree[cell] = (agree[cell] ?? 0) + 1;
        else if (vote < 0) disagree[cell] = (disagree[cell] ?? 0) + 1;
      }
    }
  });
  return { agree, disagree, seen };
}

/**
 * The same counts from the rating matrix, where every excluded column is a 0 (seen, neither
 * agree nor disagree) for everyone.
 */
export function ratingTally(matrix: VoteMatrix, groups: readonly (readonly number[])[]): Tallies {
  const counts = tally(matrix, groups);
  const { cols, excluded } = matrix;
  groups.forEach((rows, group) => {
    for (let col = 0; col < cols; col++) {
      if (excluded[col] === 0) continue;
      counts.agree[group * cols + col] = 0;
      counts.disagree[group * cols + col] = 0;
      counts.seen[group * cols + col] = rows.length;
    }
  });
  return counts;
}
