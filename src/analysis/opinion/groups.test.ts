import { describe, expect, it } from 'vitest';
import { groupPoints, largestK } from './groups.ts';

describe('largestK', () => {
  it.each([
    [1, 2],
    [11, 2],
    [12, 3],
    [23, 3],
    [24, 4],
    [35, 4],
    [36, 5],
    [100, 5],
  ])('%i base clusters → up to k = %i', (base, k) => expect(largestK(base)).toBe(k));
});

describe('groupPoints', () => {
  it('finds three clumps among 12 points (so k = 2 and 3 are tried)', () => {
    const clump = (x: number, y: number): number[] => [
      x,
      y,
      x + 0.1,
      y,
      x,
      y + 0.1,
      x + 0.1,
      y + 0.1,
    ];
    const points = Float64Array.from([...clump(0, 0), ...clump(5, 0), ...clump(0, 5)]);
    const grouping = groupPoints(points);
    expect(grouping.base.count).toBe(12);
    expect([...grouping.silhouettes.keys()]).toEqual([2, 3]);
    expect(grouping.count).toBe(3);
    expect([...grouping.assignment]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('keeps one group when every point is the same', () => {
    const grouping = groupPoints(Float64Array.of(1, 1, 1, 1, 1, 1));
    expect(grouping.count).toBe(1);
    expect([...grouping.assignment]).toEqual([0, 0, 0]);
  });
});
