// How many draft themes: k-means is run for a ladder of k on a sample of the voices, and the k
// with the best mean cosine silhouette wins. Then the clusters of that k are settled on up to
// 20,000 voices, and any others join their closest cluster.
import { type Clustering, cosineSilhouette, refineKMeans, sphericalKMeans } from './kmeans.ts';
import { type Dense, dense } from './matrix.ts';
import { type Random, shuffledIndices } from './random.ts';
import { pickRows } from './vectors.ts';

export interface ThemeCountOptions {
  minThemes: number;
  maxThemes: number;
  /** The fewest voices a theme may have. */
  minVoices: number;
  /** Voices the choice of k is made on (all of them when there are fewer). */
  sampleSize: number;
  /**
   * Voices the chosen themes are then settled on (all of them when there are fewer); any others
   * join their closest theme in one pass, so 100,000 voices take seconds. 20,000 by default.
   */
  settleSize?: number;
  restarts: number;
}

export interface ThemeCountTrial {
  k: number;
  /** The clusters left once those under the minimum size were dissolved. */
  themes: number;
  silhouette: number;
}

/** Values of k from low to high, closer together where a step matters more. */
export function kLadder(low: number, high: number, steps = 12): number[] {
  if (high <= low) return [Math.max(1, high)];
  const ladder = new Set<number>();
  for (let i = 0; i < steps; i++) ladder.add(Math.round(low * (high / low) ** (i / (steps - 1))));
  return [...ladder].sort((a, b) => a - b);
}

/** Cosines of every pair of rows, in flat loops as the sample is thousands of rows. */
function similarities(points: Dense): Dense {
  const n = points.rows;
  const d = points.columns;
  const p = points.data;
  const out = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (p[i * d + k] ?? 0) * (p[j * d + k] ?? 0);
      out.data[i * n + j] = s;
      out.data[j * n + i] = s;
    }
  }
  return out;
}

export function clusterVoices(
  points: Dense,
  random: Random,
  options: ThemeCountOptions,
): { clustering: Clustering; trials: ThemeCountTrial[] } {
  const n = points.rows;
  const settleSize = options.settleSize ?? 20_000;
  const high = Math.max(1, Math.min(options.maxThemes, Math.floor(n / options.minVoices)));
  const low = Math.max(1, Math.min(options.minThemes, high));
  const order = shuffledIndices(n, random);
  const sampleRows = order.slice(0, Math.min(n, options.sampleSize));
  const sample = pickRows(points, sampleRows);
  const sampleMinVoices = Math.max(1, Math.round((options.minVoices * sample.rows) / n));
  const pairwise = similarities(sample);
  const trials: ThemeCountTrial[] = [];
  let best: { clustering: Clustering; silhouette: number } | undefined;
  for (const k of kLadder(low, high)) {
    const clustering = sphericalKMeans(sample, k, random, {
      restarts: options.restarts,
      minSize: sampleMinVoices,
    });
    const themes = clustering.centroids.rows;
    const silhouette = cosineSilhouette(pairwise, clustering.assignment, themes);
    trials.push({ k, themes, silhouette });
    if (best === undefined || silhouette > best.silhouette) best = { clustering, silhouette };
  }
  const chosen = best?.clustering ?? sphericalKMeans(sample, 1, random);
  if (n <= settleSize) {
    return {
      clustering: refineKMeans(points, chosen.centroids, { minSize: options.minVoices }),
      trials,
    };
  }
  const settled = refineKMeans(pickRows(points, order.slice(0, settleSize)), chosen.centroids, {
    minSize: Math.max(1, Math.round((options.minVoices * settleSize) / n)),
  });
  const clustering = refineKMeans(points, settled.centroids, {
    minSize: options.minVoices,
    maxIterations: 1,
  });
  return { clustering, trials };
}
