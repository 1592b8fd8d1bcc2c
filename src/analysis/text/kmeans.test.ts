import { describe, expect, it } from 'vitest';
import { cosineSilhouette, sphericalKMeans } from './kmeans.ts';
import { type Dense, dense, dot, normaliseRows, row } from './matrix.ts';
import { gaussian, seededRandom } from './random.ts';
import { clusterVoices, kLadder } from './theme-count.ts';

/** `perGroup` unit vectors around each of `groups` orthogonal directions, in turn. */
function groupedPoints(groups: number, perGroup: number, spread: number, seed = 4): Dense {
  const normal = gaussian(seededRandom(seed));
  const points = dense(groups * perGroup, groups + 4);
  for (let i = 0; i < points.rows; i++) {
    const values = row(points, i);
    for (let j = 0; j < values.length; j++) values[j] = spread * normal();
    values[i % groups] = (values[i % groups] ?? 0) + 1;
  }
  normaliseRows(points);
  return points;
}

function similarities(points: Dense): Dense {
  const out = dense(points.rows, points.rows);
  for (let i = 0; i < points.rows; i++) {
    for (let j = 0; j < points.rows; j++)
      out.data[i * points.rows + j] = dot(row(points, i), row(points, j));
  }
  return out;
}

describe('sphericalKMeans', () => {
  it('finds well separated groups, whatever their order', () => {
    const points = groupedPoints(3, 20, 0.1);
    const { assignment, centroids } = sphericalKMeans(points, 3, seededRandom(1));
    expect(centroids.rows).toBe(3);
    for (let g = 0; g < 3; g++) {
      const members = new Set([...assignment].filter((_, i) => i % 3 === g));
      expect(members.size).toBe(1);
    }
    expect(new Set(assignment).size).toBe(3);
  });

  it('is the same with the same seed', () => {
    const points = groupedPoints(4, 15, 0.5);
    const a = sphericalKMeans(points, 4, seededRandom(7));
    const b = sphericalKMeans(points, 4, seededRandom(7));
    expect([...a.assignment]).toEqual([...b.assignment]);
  });

  it('dissolves clusters smaller than the minimum into their neighbours', () => {
    const points = groupedPoints(3, 20, 0.1);
    const { centroids, assignment } = sphericalKMeans(points, 8, seededRandom(2), { minSize: 15 });
    const sizes = new Map<number, number>();
    for (const c of assignment) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(centroids.rows).toBeLessThanOrEqual(4);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(15);
  });
});

describe('cosineSilhouette', () => {
  it('is high for the true groups and near zero for a random split', () => {
    const points = groupedPoints(3, 20, 0.1);
    const pairwise = similarities(points);
    const truth = Int32Array.from({ length: 60 }, (_, i) => i % 3);
    const random = seededRandom(3);
    const arbitrary = Int32Array.from({ length: 60 }, () => Math.floor(random() * 3));
    expect(cosineSilhouette(pairwise, truth, 3)).toBeGreaterThan(0.8);
    expect(Math.abs(cosineSilhouette(pairwise, arbitrary, 3))).toBeLessThan(0.2);
    expect(cosineSilhouette(pairwise, new Int32Array(60), 1)).toBe(0);
  });
});

describe('kLadder', () => {
  it('runs from low to high without repeats', () => {
    const ladder = kLadder(5, 40);
    expect(ladder[0]).toBe(5);
    expect(ladder.at(-1)).toBe(40);
    expect(new Set(ladder).size).toBe(ladder.length);
    expect(kLadder(3, 3)).toEqual([3]);
  });
});

describe('clusterVoices', () => {
  it('chooses k on a sample, settles on more, and puts every other voice with its group', () => {
    const points = groupedPoints(3, 100, 0.1);
    const { clustering, trials } = clusterVoices(points, seededRandom(6), {
      minThemes: 2,
      maxThemes: 6,
      minVoices: 5,
      sampleSize: 60,
      settleSize: 90,
      restarts: 2,
    });
    expect(trials.map((trial) => trial.k)).toEqual(kLadder(2, 6));
    expect(clustering.assignment).toHaveLength(300);
    expect(clustering.centroids.rows).toBe(3);
    for (let g = 0; g < 3; g++) {
      const members = new Set([...clustering.assignment].filter((_, i) => i % 3 === g));
      expect(members.size).toBe(1);
    }
  });
});
