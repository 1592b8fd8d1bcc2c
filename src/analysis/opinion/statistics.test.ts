import { describe, expect, it } from 'vitest';
import { proportionTest, smoothedProbability, tally, twoProportionTest } from './statistics.ts';
import { buildVoteMatrix, type VoteValue } from './vote-matrix.ts';

describe('the z-tests and probabilities', () => {
  it.each([
    { successes: 3, trials: 4, probability: 4 / 6, z: 2 * Math.sqrt(5) * (4 / 5 - 0.5) },
    { successes: 0, trials: 0, probability: 1 / 2, z: 2 * 1 * (1 - 0.5) },
    { successes: 0, trials: 4, probability: 1 / 6, z: 2 * Math.sqrt(5) * (1 / 5 - 0.5) },
  ])('$successes of $trials', ({ successes, trials, probability, z }) => {
    expect(smoothedProbability(successes, trials)).toBeCloseTo(probability, 12);
    expect(proportionTest(successes, trials)).toBeCloseTo(z, 12);
  });

  it.each([
    // s1 = 4, n1 = 5, s2 = 2, n2 = 5: p̂ = 0.6, z = 0.4 / √(0.24 × 0.4)
    { args: [3, 4, 1, 4] as [number, number, number, number], z: 0.4 / Math.sqrt(0.24 * 0.4) },
    // s1 = 5, n1 = 5, s2 = 1, n2 = 5: p̂ = 0.6, z = 0.8 / √(0.24 × 0.4)
    { args: [4, 4, 0, 4] as [number, number, number, number], z: 0.8 / Math.sqrt(0.24 * 0.4) },
    { args: [4, 4, 4, 4] as [number, number, number, number], z: 0 },
  ])('two proportions $args', ({ args, z }) => {
    expect(twoProportionTest(...args)).toBeCloseTo(z, 12);
  });

  it('tallies agrees, disagrees and seen (passes included) per group', () => {
    const rows: (VoteValue | null)[][] = [
      [1, -1],
      [0, null],
      [1, 1],
      [-1, 0],
    ];
    const matrix = buildVoteMatrix(
      rows.flatMap((row, i) =>
        row.flatMap((value, j) =>
          value === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, value }],
        ),
      ),
    );
    const { agree, disagree, seen } = tally(matrix, [
      [0, 1],
      [2, 3],
    ]);
    expect([...agree]).toEqual([1, 0, 1, 1]);
    expect([...disagree]).toEqual([0, 1, 1, 0]);
    expect([...seen]).toEqual([2, 1, 2, 2]);
  });
});
