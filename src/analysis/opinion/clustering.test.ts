import { describe, expect, it } from 'vitest';
import { firstDistinct, kMeans } from './clustering.ts';

describe('firstDistinct', () => {
  it('takes the first k points, skipping repeats', () => {
    const points = Float64Array.of(0, 0, 0, 0, 1, 1, 0, 0, 2, 2, 3, 3);
    expect([...firstDistinct(points, 3)]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...firstDistinct(points, 9)]).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('kMeans', () => {
  it('settles on the means of two clumps', () => {
    const points = Float64Array.of(0, 0, 0, 2, 10, 0, 10, 2, 1, 1);
    const result = kMeans(points, Float64Array.of(0, 0, 0, 2), 100);
    // From (0,0) and (0,2): first pass gives {0,4} ∪ {10,0} and {0,2, 10,2}; then the clumps separate.
    expect(result.count).toBe(2);
    expect([...result.assignment]).toEqual([0, 0, 1, 1, 0]);
    expect([...result.centres].map((x) => Number(x.toFixed(6)))).toEqual(
      [1 / 3, 1, 10, 1].map((x) => Number(x.toFixed(6))),
    );
  });

  it('drops a cluster left empty', () => {
    const points = Float64Array.of(0, 0, 1, 0);
    const result = kMeans(points, Float64Array.of(0, 0, 100, 100, 1, 0), 100);
    expect(result.count).toBe(2);
    expect([...result.assignment]).toEqual([0, 1]);
  });

  it('weights points by size', () => {
    const points = Float64Array.of(0, 0, 4, 0);
    const result = kMeans(points, Float64Array.of(0, 0), 100, Float64Array.of(3, 1));
    expect([...result.centres]).toEqual([1, 0]);
  });
});

/** Plain Lloyd's k-means, every point rescanned every time: what kMeans must match exactly. */
function plainKMeans(points: Float64Array, initial: Float64Array, maxIterations: number) {
  const n = points.length / 2;
  let centres = initial.slice();
  const assignment = new Int32Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const count = centres.length / 2;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < count; c++) {
        const dx = (points[i * 2] ?? 0) - (centres[c * 2] ?? 0);
        const dy = (points[i * 2 + 1] ?? 0) - (centres[c * 2 + 1] ?? 0);
        if (dx * dx + dy * dy < bestDistance) {
          bestDistance = dx * dx + dy * dy;
          best = c;
        }
      }
      assignment[i] = best;
    }
    const sums = new Float64Array(count * 3);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] ?? 0;
      sums[c * 3] = (sums[c * 3] ?? 0) + (points[i * 2] ?? 0);
      sums[c * 3 + 1] = (sums[c * 3 + 1] ?? 0) + (points[i * 2 + 1] ?? 0);
      sums[c * 3 + 2] = (sums[c * 3 + 2] ?? 0) + 1;
    }
    const renumber: number[] = [];
    const next: number[] = [];
    let converged = true;
    for (let c = 0; c < count; c++) {
      const total = sums[c * 3 + 2] ?? 0;
      renumber.push(next.length / 2);
      if (total === 0) {
        converged = false;
        continue;
      }
      const x = (sums[c * 3] ?? 0) / total;
      const y = (sums[c * 3 + 1] ?? 0) / total;
      if (Math.hypot(x - (centres[c * 2] ?? 0), y - (centres[c * 2 + 1] ?? 0)) >= 0.01)
        converged = false;
      next.push(x, y);
    }
    for (let i = 0; i < n; i++) assignment[i] = renumber[assignment[i] ?? 0] ?? 0;
    centres = Float64Array.from(next);
    if (converged) break;
  }
  return { centres, assignment };
}

/** Seeded uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('kMeans with bounds', () => {
  const next = random(7);
  // Clumps with spread, as opinion maps look; and whole-number points, where ties are common.
  const clumped = Float64Array.from({ length: 4000 }, (_, i) =>
    i % 2 === 0 ? (Math.floor(next() * 4) - 2) * 3 + next() : (next() - 0.5) * (1 + next()),
  );
  const grid = Float64Array.from({ length: 3000 }, () => Math.floor(next() * 12));

  it.each([
    ['clumped points', clumped],
    ['whole-number points, where ties are common,', grid],
  ])('assigns %s exactly as a plain scan does', (_, points) => {
    const initial = firstDistinct(points, 100);
    const bounded = kMeans(points, initial, 100);
    const plain = plainKMeans(points, initial, 100);
    expect([...bounded.assignment]).toEqual([...plain.assignment]);
    expect([...bounded.centres]).toEqual([...plain.centres]);
  });
});
