import {
  SIGNIFICANT,
  proportionTest,
  ratingTally,
  smoothedProbability,
  twoProportionTest,
} from './statistics.ts';
import type { VoteMatrix } from './vote-matrix.ts';

export const REPRESENTATIVE_PER_GROUP = 5;

export type Direction = 'agree' | 'disagree';

/** How one group voted on one statement, against everyone in the other groups. */
export interface StatementStats {
  readonly col: number;
  readonly na: number;
  readonly nd: number;
  readonly ns: number;
  readonly pa: number;
  readonly pd: number;
  readonly pat: number;
  readonly pdt: number;
  readonly ra: number;
  readonly rd: number;
  readonly rat: number;
  readonly rdt: number;
}

export interface Representative {
  readonly col: number;
  readonly direction: Direction;
  /** repness × repness-test × p-success × p-test on the chosen side. */
  readonly metric: number;
  readonly stats: StatementStats;
}

/** Each group's stats for each column, from the rating matrix restricted to group members. */
export function groupStatementStats(
  matrix: VoteMatrix,
  groups: readonly (readonly number[])[],
): StatementStats[][] {
  const { cols } = matrix;
  const { agree, disagree, seen } = ratingTally(matrix, groups);
  const totalAgree = new Float64Array(cols);
  const totalDisagree = new Float64Array(cols);
  const totalSeen = new Float64Array(cols);
  for (let g = 0; g < groups.length; g++) {
    for (let col = 0; col < cols; col++) {
      totalAgree[col] = (totalAgree[col] ?? 0) + (agree[g * cols + col] ?? 0);
      totalDisagree[col] = (totalDisagree[col] ?? 0) + (disagree[g * cols + col] ?? 0);
      totalSeen[col] = (totalSeen[col] ?? 0) + (seen[g * cols + col] ?? 0);
    }
  }
  return groups.map((_, g) => {
    const stats: StatementStats[] = [];
    for (let col = 0; col < cols; col++) {
      const na = agree[g * cols + col] ?? 0;
      const nd = disagree[g * cols + col] ?? 0;
      const ns = seen[g * cols + col] ?? 0;
      const restAgree = (totalAgree[col] ?? 0) - na;
      const restDisagree = (totalDisagree[col] ?? 0) - nd;
      const restSeen = (totalSeen[col] ?? 0) - ns;
      const pa = smoothedProbability(na, ns);
      const pd = smoothedProbability(nd, ns);
      stats.push({
        col,
        na,
        nd,
        ns,
        pa,
        pd,
        pat: proportionTest(na, ns),
        pdt: proportionTest(nd, ns),
        ra: pa / smoothedProbability(restAgree, restSeen),
        rd: pd / smoothedProbability(restDisagree, restSeen),
        rat: twoProportionTest(na, ns, restAgree, restSeen),
        rdt: twoProportionTest(nd, ns, restDisagree, restSeen),
      });
    }
    return stats;
  });
}

function asRepresentative(stats: StatementStats, direction: Direction): Representative {
  const metric =
    direction === 'agree'
      ? stats.ra * stats.rat * stats.pa * stats.pat
      : stats.rd * stats.rdt * stats.pd * stats.pdt;
  return { col: stats.col, direction, metric, stats };
}

/** Agree when the in-group-versus-rest test is stronger for agreeing than for disagreeing. */
function directionOf(stats: StatementStats): Direction {
  return stats.rat > stats.rdt ? 'agree' : 'disagree';
}

/** Polis's running "best agree" comparison; statements nobody agreed or disagreed with never win. */
function beatsBestAgree(challenger: StatementStats, best: StatementStats | undefined): boolean {
  if (challenger.na + challenger.nd === 0) return false;
  if (best === undefined) {
    return challenger.pat > SIGNIFICANT || (challenger.ra > 1 && challenger.pa > 0.5);
  }
  if (best.ra > 1) {
    return (
      challenger.ra * challenger.rat * challenger.pa * challenger.pat >
      best.ra * best.rat * best.pa * best.pat
    );
  }
  return challenger.pa * challenger.pat > best.pa * best.pat;
}

/**
 * A group's representative statements: the significant ones (both z-tests past 90 % on one
 * side), best-agree first then by metric, five at most, agrees before disagrees; with none
 * significant, the best-agree statement, else the one with the largest z-test.
 */
export function selectRepresentative(
  stats: readonly StatementStats[],
  excluded: Uint8Array,
): Representative[] {
  const sufficient: Representative[] = [];
  let bestAgree: StatementStats | undefined;
  let best: StatementStats | undefined;
  for (const s of stats) {
    if (excluded[s.col] === 1) continue;
    if (
      (s.rat > SIGNIFICANT && s.pat > SIGNIFICANT) ||
      (s.rdt > SIGNIFICANT && s.pdt > SIGNIFICANT)
    ) {
      sufficient.push(asRepresentative(s, directionOf(s)));
    }
    if (beatsBestAgree(s, bestAgree)) bestAgree = s;
    if (best === undefined || Math.max(s.rat, s.rdt) > Math.max(best.rat, best.rdt)) best = s;
  }
  if (sufficient.length === 0) {
    if (bestAgree !== undefined) return [asRepresentative(bestAgree, directionOf(bestAgree))];
    if (best !== undefined) return [asRepresentative(best, directionOf(best))];
    return [];
  }
  const ranked = sufficient
    .filter((r) => r.col !== bestAgree?.col)
    .sort((a, b) => b.metric - a.metric || a.col - b.col);
  const chosen = (
    bestAgree === undefined
      ? ranked
      : [asRepresentative(bestAgree, directionOf(bestAgree)), ...ranked]
  ).slice(0, REPRESENTATIVE_PER_GROUP);
  return [
    ...chosen.filter((r) => r.direction === 'agree'),
    ...chosen.filter((r) => r.direction === 'disagree'),
  ];
}
