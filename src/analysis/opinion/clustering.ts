/** Points are flat x, y pairs: point i is (points[2i], points[2i + 1]). */
export type Points = Float64Array;

export const BASE_CLUSTERS = 100;
export const BASE_ITERATIONS = 100;
/** Polis means to allow 100 but the option name it passes is ignored, leaving k-means's default. */
export const GROUP_ITERATIONS = 20;
const CONVERGED = 0.01;

export interface Clusters {
  /** Flat x, y pairs, one per cluster. */
  readonly centres: Float64Array;
  /** Cluster of each point. */
  readonly assignment: Int32Array;
  readonly count: number;
}

/** The first `k` distinct points in order: the earliest participants seed the clusters. */
export function firstDistinct(points: Points, k: number): Float64Array {
  const chosen: number[] = [];
  for (let i = 0; i * 2 < points.length && chosen.length < k * 2; i++) {
    const x = points[i * 2] ?? 0;
    const y = points[i * 2 + 1] ?? 0;
    let seen = false;
    for (let j = 0; j < chosen.length; j += 2) {
      if (chosen[j] === x && chosen[j + 1] === y) {
        seen = true;
        break;
      }
    }
    if (!seen) chosen.push(x, y);
  }
  return Float64Array.from(chosen);
}

/**
 * Lloyd's k-means with optional weights: assign each point to its nearest centre (the earlier
 * centre on a tie), drop clusters left empty, move each centre to its members' weighted mean;
 * stop when no cluster was dropped and every centre moved less than 0.01, or after
 * `maxIterations`.
 */
export function kMeans(
  points: Points,
  initial: Float64Array,
  maxIterations: number,
  weights?: Float64Array,
): Clusters {
  const n = points.length / 2;
  let centres = initial.slice();
  let count = centres.length / 2;
  const assignment = new Int32Array(n);
  for (let iteration = 0; iteration < maxIterations && count > 0; iteration++) {
    for (let i = 0; i < n; i++) {
      const x = points[i * 2] ?? 0;
      const y = points[i * 2 + 1] ?? 0;
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < count; c++) {
        const dx = x - (centres[c * 2] ?? 0);
        const dy = y - (centres[c * 2 + 1] ?? 0);
        const distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      assignment[i] = best;
    }
    const sums = new Float64Array(count * 2);
    const totals = new Float64Array(count);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] ?? 0;
      const weight = weights?.[i] ?? 1;
      sums[c * 2] = (sums[c * 2] ?? 0) + weight * (points[i * 2] ?? 0);
      sums[c * 2 + 1] = (sums[c * 2 + 1] ?? 0) + weight * (points[i * 2 + 1] ?? 0);
      totals[c] = (totals[c] ?? 0) + weight;
    }
    const renumber = new Int32Array(count).fill(-1);
    const next: number[] = [];
    let converged = true;
    for (let c = 0; c < count; c++) {
      const total = totals[c] ?? 0;
      if (total === 0) {
        converged = false;
        continue;
      }
      const x = (sums[c * 2] ?? 0) / total;
      const y = (sums[c * 2 + 1] ?? 0) / total;
      if (Math.hypot(x - (centres[c * 2] ?? 0), y - (centres[c * 2 + 1] ?? 0)) >= CONVERGED) {
        converged = false;
      }
      renumber[c] = next.length / 2;
      next.push(x, y);
    }
    for (let i = 0; i < n; i++) assignment[i] = renumber[assignment[i] ?? 0] ?? 0;
    centres = Float64Array.from(next);
    count = next.length / 2;
    if (converged) break;
  }
  return { centres, assignment, count };
}
