import { describe, expect, it } from 'vitest';
import { centreMatrix, type Pca } from './pca.ts';
import { projectParticipants, statementExtremity } from './projection.ts';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix.ts';

function votesFrom(rows: readonly (readonly (VoteValue | null)[])[]): Vote[] {
  return rows.flatMap((row, i) =>
    row.flatMap((value, j) =>
      value === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, value }],
    ),
  );
}

describe('the sparsity-aware projection', () => {
  // Column means: s0 = (1 - 1 + 1) / 3 = 1/3, s1 = (1 + 1) / 2 = 1.
  const matrix = buildVoteMatrix(
    votesFrom([
      [1, 1],
      [-1, null],
      [1, 1],
    ]),
  );
  const pca: Pca = {
    ...centreMatrix(matrix),
    components: [Float64Array.of(1, 0), Float64Array.of(0, 1)],
  };

  it('projects each row and stretches it by √(N / votes cast)', () => {
    const points = [...projectParticipants(matrix, pca)];
    const expected = [2 / 3, 0, (-4 / 3) * Math.SQRT2, 0, 2 / 3, 0];
    points.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? NaN, 12));
  });

  it('places each statement where someone agreeing with it alone would be', () => {
    const extremity = [...statementExtremity(matrix, pca)];
    // √2 × (1 − 1/3) × |(1, 0)| and √2 × (1 − 1) × |(0, 1)|.
    expect(extremity[0]).toBeCloseTo(Math.SQRT2 * (2 / 3), 12);
    expect(extremity[1]).toBeCloseTo(0, 12);
  });
});
