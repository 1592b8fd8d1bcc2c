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

/** The first `k` distinct points in order: the first rows of the vote matrix seed the clusters. */
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

/** Half the distance from each centre to the nearest other one. */
function halfGaps(centres: Float64Array, count: number): Float64Array {
  const half = new Float64Array(count).fill(Infinity);
  for (let c = 0; c < count; c++) {
    for (let other = c + 1; other < count; other++) {
      const dx = (centres[c * 2] ?? 0) - (centres[other * 2] ?? 0);
      const dy = (centres[c * 2 + 1] ?? 0) - (centres[other * 2 + 1] ?? 0);
      const gap = Math.sqrt(dx * dx + dy * dy) / 2;
      if (gap < (half[c] ?? 0)) half[c] = gap;
      if (gap < (half[other] ?? 0)) half[other] = gap;
    }
  }
  return half;
}

/**
 * Lloyd's k-means with optional weights: assign each point to its nearest centre (the earlier
 * centre on a tie), drop clusters left empty, move each centre to its members' weighted mean;
 * stop when no cluster was dropped and every centre moved less than 0.01, or after
 * `maxIterations`.
 *
 * Hamerly's bounds save most of the distance computations without changing any assignment:
 * each point keeps an upper bound on the distance to its own centre and a lower bound on the
 * distance to every other, both moved on by how far the centres moved. A point nearer its centre
 * than both its lower bound and half the gap from its centre to the next one cannot have a
 * nearer centre, so it is not rescanned. The bounds carry rounding error, so a point is skipped
 * only with a margin far larger than that error; every point rescanned is assigned exactly as a
 * plain scan would assign it.
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
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < points.length; i++) scale = Math.max(scale, Math.abs(points[i] ?? 0));
  for (let i = 0; i < centres.length; i++) scale = Math.max(scale, Math.abs(centres[i] ?? 0));
  const margin = scale * 1e-9;
  for (let iteration = 0; iteration < maxIterations && count > 0; iteration++) {
    const half = halfGaps(centres, count);
    for (let i = 0; i < n; i++) {
      const x = points[i * 2] ?? 0;
      const y = points[i * 2 + 1] ?? 0;
      const own = assignment[i] ?? 0;
      const bound = Math.max(half[own] ?? 0, lower[i] ?? 0);
      if ((upper[i] ?? 0) + margin < bound) continue;
      const dx = x - (centres[own * 2] ?? 0);
      const dy = y - (centres[own * 2 + 1] ?? 0);
      const near = Math.sqrt(dx * dx + dy * dy);
      upper[i] = near;
      if (near + margin < bound) continue;
      let best = 0;
      let bestDistance = Infinity;
      let secondDistance = Infinity;
      for (let c = 0; c < count; c++) {
        const dx = x - (centres[c * 2] ?? 0);
        const dy = y - (centres[c * 2 + 1] ?? 0);
        const distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
          secondDistance = bestDistance;
          bestDistance = distance;
          best = c;
        } else if (distance < secondDistance) {
          secondDistance = distance;
        }
      }
      assignment[i] = best;
      upper[i] = Math.sqrt(bestDistance);
      lower[i] = Math.sqrt(secondDistance);
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
    const moved = new Float64Array(count);
    let farthest = 0;
    const next = new Float64Array(count * 2);
    let kept = 0;
    let converged = true;
    for (let c = 0; c < count; c++) {
      const total = totals[c] ?? 0;
      if (total === 0) {
        converged = false;
        continue;
      }
      const x = (sums[c * 2] ?? 0) / total;
      const y = (sums[c * 2 + 1] ?? 0) / total;
      const distance = Math.hypot(x - (centres[c * 2] ?? 0), y - (centres[c * 2 + 1] ?? 0));
      if (distance >= CONVERGED) converged = false;
      moved[c] = distance;
      farthest = Math.max(farthest, distance);
      renumber[c] = kept;
      next[kept * 2] = x;
      next[kept * 2 + 1] = y;
      kept++;
    }
    for (let i = 0; i < n; i++) {
      const own = assignment[i] ?? 0;
      const renumbered = renumber[own] ?? -1;
      assignment[i] = renumbered;
      if (renumbered === -1) {
        // Only a point of weight 0 can be in a dropped cluster; it is rescanned next time.
        upper[i] = Infinity;
        lower[i] = 0;
        continue;
      }
      upper[i] = (upper[i] ?? 0) + (moved[own] ?? 0);
      lower[i] = (lower[i] ?? 0) - farthest;
    }
    centres = kept === count ? next : next.slice(0, kept * 2);
    count = kept;
    if (converged) break;
  }
  return { centres, assignment, count };
}
