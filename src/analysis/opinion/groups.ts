import {
  BASE_CLUSTERS,
  BASE_ITERATIONS,
  GROUP_ITERATIONS,
  firstDistinct,
  kMeans,
  type Clusters,
} from './clustering.ts';
import { pairwiseDistances, silhouette } from './silhouette.ts';

export const LARGEST_K = 5;

export interface Grouping {
  /** The 100 (or fewer) base clusters of the points. */
  readonly base: Clusters;
  /** Group of each base cluster. */
  readonly baseGroup: Int32Array;
  /** Group of each point. */
  readonly assignment: Int32Array;
  readonly count: number;
  /** Silhouette of each k tried, for the record. */
  readonly silhouettes: ReadonlyMap<number, number>;
}

/** Largest k tried for B base clusters: min(5, 2 + ⌊B / 12⌋). */
export function largestK(baseClusters: number): number {
  return Math.min(LARGEST_K, 2 + Math.floor(baseClusters / 12));
}

/**
 * Base clusters of the points, then groups by k-means on the base centres weighted by their
 * sizes, for each k in 2..largestK, keeping the k with the best silhouette (the larger k on a tie).
 */
export function groupPoints(points: Float64Array): Grouping {
  const base = kMeans(points, firstDistinct(points, BASE_CLUSTERS), BASE_ITERATIONS);
  const weights = new Float64Array(base.count);
  for (let i = 0; i < base.assignment.length; i++) {
    const cluster = base.assignment[i] ?? 0;
    weights[cluster] = (weights[cluster] ?? 0) + 1;
  }
  const distances = pairwiseDistances(base.centres);
  const silhouettes = new Map<number, number>();
  let best: Clusters | undefined;
  let bestScore = -Infinity;
  for (let k = 2; k <= largestK(base.count); k++) {
    const initial = firstDistinct(base.centres, k);
    if (initial.length < k * 2) break;
    const groups = kMeans(base.centres, initial, GROUP_ITERATIONS, weights);
    const score = silhouette(distances, groups.assignment, groups.count);
    silhouettes.set(k, score);
    if (score >= bestScore) {
      bestScore = score;
      best = groups;
    }
  }
  const baseGroup = best?.assignment ?? new Int32Array(base.count);
  const assignment = base.assignment.map((cluster) => baseGroup[cluster] ?? 0);
  return { base, baseGroup, assignment, count: best?.count ?? 1, silhouettes };
}
