// How many draft themes: k-means is run for a ladder of k on a sample of the voices, and the k
// with the best mean cosine silhouette wins. Then the clusters of that k are fitted on every voice.
import { type Clustering, cosineSilhouette, refineKMeans, sphericalKMeans } from './kmeans.ts';
import { type Dense, dense, dot, row } from './matrix.ts';
import { type Random, shuffledIndices } from './random.ts';
import { pickRows } from './vectors.ts';

export interface ThemeCountOptions {
  minThemes: number;
  maxThemes: number;
  /** The fewest voices a theme may have. */
  minVoices: number;
  /** Voices the choice of k is made on (all of them when there are fewer). */
  sampleSize: number;
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

function similarities(points: Dense): Dense {
  const out = dense(points.rows, points.rows);
  for (let i = 0; i < points.rows; i++) {
    for (let j = i; j < points.rows; j++) {
      const s = dot(row(points, i), row(points, j));
      out.data[i * points.rows + j] = s;
      out.data[j * points.rows + i] = s;
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
  const high = Math.max(1, Math.min(options.maxThemes, Math.floor(n / options.minVoices)));
  const low = Math.max(1, Math.min(options.minThemes, high));
  const sampleRows = shuffledIndices(n, random).slice(0, Math.min(n, options.sampleSize));
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
  const clustering = refineKMeans(points, chosen.centroids, { minSize: options.minVoices });
  return { clustering, trials };
}
