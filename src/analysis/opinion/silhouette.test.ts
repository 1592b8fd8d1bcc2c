import { describe, expect, it } from 'vitest';
import { pairwiseDistances, silhouette } from './silhouette.ts';

const onALine = (xs: number[]): Float64Array =>
  pairwiseDistances(Float64Array.from(xs.flatMap((x) => [x, 0])));

describe('silhouette', () => {
  it('averages (b − a) / max(a, b) over the points', () => {
    // 0: a = 1, b = 10.5; 1: a = 1, b = 9.5; 10 and 11 mirror them.
    const score = silhouette(onALine([0, 1, 10, 11]), Int32Array.of(0, 0, 1, 1), 2);
    expect(score).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it('scores a point alone in its cluster as 0', () => {
    // 0 and 1 as above but b is now the distance to 10 alone: 0: (10 − 1) / 10, 1: (9 − 1) / 9.
    const score = silhouette(onALine([0, 1, 10]), Int32Array.of(0, 0, 1), 2);
    expect(score).toBeCloseTo((0.9 + 8 / 9 + 0) / 3, 12);
  });
});
