import {
  SIGNIFICANT,
  proportionTest,
  ratingTally,
  smoothedProbability,
  tally,
} from './statistics.ts';
import type { VoteMatrix } from './vote-matrix.ts';

export const CONSENSUS_PER_SIDE = 5;

export interface Majority {
  /** Columns most people agreed with, strongest first. */
  readonly agree: number[];
  readonly disagree: number[];
}

/**
 * Statements a clear majority of everyone (grouped or not) agreed, or disagreed, with:
 * p > 0.5 and the z-test past 90 %, sorted by p × z, five at most. Moderated-out statements are
 * left out.
 */
export function majority(matrix: VoteMatrix): Majority {
  const everyone = [...Array(matrix.rows).keys()];
  const { agree, disagree, seen } = ratingTally(matrix, [everyone]);
  const side = (counts: Float64Array): number[] => {
    const scored: { col: number; score: number }[] = [];
    for (let col = 0; col < matrix.cols; col++) {
      if (matrix.excluded[col] === 1) continue;
      const p = smoothedProbability(counts[col] ?? 0, seen[col] ?? 0);
      const z = proportionTest(counts[col] ?? 0, seen[col] ?? 0);
      if (p > 0.5 && z > SIGNIFICANT) scored.push({ col, score: p * z });
    }
    return scored
      .sort((a, b) => b.score - a.score || a.col - b.col)
      .slice(0, CONSENSUS_PER_SIDE)
      .map((s) => s.col);
  };
  return { agree: side(agree), disagree: side(disagree) };
}

export interface GroupAwareConsensus {
  /** Per column: Π over groups of (agrees + 1) / (seen + 2). */
  readonly agree: Float64Array;
  readonly disagree: Float64Array;
}

/**
 * Group-aware consensus from the raw matrix (moderation not applied, as in Polis): high only
 * when every group leans the same way.
 */
export function groupAwareConsensus(
  matrix: VoteMatrix,
  groups: readonly (readonly number[])[],
): GroupAwareConsensus {
  const { cols } = matrix;
  const counts = tally(matrix, groups);
  const agree = new Float64Array(cols).fill(1);
  const disagree = new Float64Array(cols).fill(1);
  for (let g = 0; g < groups.length; g++) {
    for (let col = 0; col < cols; col++) {
      const seen = counts.seen[g * cols + col] ?? 0;
      agree[col] = (agree[col] ?? 0) * smoothedProbability(counts.agree[g * cols + col] ?? 0, seen);
      disagree[col] =
        (disagree[col] ?? 0) * smoothedProbability(counts.disagree[g * cols + col] ?? 0, seen);
    }
  }
  return { agree, disagree };
}
