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
