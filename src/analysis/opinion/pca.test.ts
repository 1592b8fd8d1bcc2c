import { describe, expect, it } from 'vitest';
import { centreMatrix, orient, principalComponents } from './pca.ts';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix.ts';

/** Votes from rows of a hand-written matrix (null = no vote); participant i, statement j. */
function votesFrom(rows: readonly (readonly (VoteValue | null)[])[]): Vote[] {
  return rows.flatMap((row, i) =>
    row.flatMap((value, j) =>
      value === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, value }],
    ),
  );
}

describe('centreMatrix', () => {
  it('takes column means over votes cast (passes as 0) and stores no cell in the gaps', () => {
    const matrix = buildVoteMatrix(
      votesFrom([
        [1, 1],
        [0, null],
        [-1, 1],
        [1, null],
      ]),
    );
    const { centre, centred } = centreMatrix(matrix);
    expect([...centre]).toEqual([0.25, 1]);
    // A cell per vote cast, row by row: column 1's votes all equal its mean, so they centre to 0.
    expect([...centred.rowStart]).toEqual([0, 2, 3, 5, 6]);
    expect([...centred.col]).toEqual([0, 1, 0, 0, 1, 0]);
    expect([...centred.value]).toEqual([0.75, 0, -0.25, -1.25, 0, 0.75]);
  });
});

describe('centreMatrix on the rating matrix', () => {
  it('treats a moderated-out statement as 0 for everyone: mean 0, every cell 0', () => {
    const matrix = buildVoteMatrix(
      votesFrom([
        [1, 1],
        [-1, 1],
        [1, -1],
      ]),
      [{ id: 's1', moderatedOut: true, meta: false }],
    );
    const { centre, centred } = centreMatrix(matrix);
    expect([...centre]).toEqual([1 / 3, 0]);
    expect([...centred.value]).toEqual([1 - 1 / 3, 0, -1 - 1 / 3, 0, 1 - 1 / 3, 0]);
  });
});

describe('orient (the sign rule)', () => {
  it.each([
    { input: [-0.8, 0.6], output: [0.8, -0.6] },
    { input: [0.6, -0.8], output: [-0.6, 0.8] },
    { input: [0.5, -0.5], output: [0.5, -0.5] },
    { input: [-0.5, 0.5], output: [0.5, -0.5] },
  ])('$input → $output', ({ input, output }) => {
    expect([...orient(Float64Array.from(input))]).toEqual(output);
  });
});

describe('principalComponents', () => {
  it('finds the axes of a matrix whose XᵀX is diag(4, 2)', () => {
    const matrix = buildVoteMatrix(
      votesFrom([
        [1, 0],
        [-1, 0],
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ]),
    );
    const [first, second] = principalComponents(matrix).components;
    // Power iteration stops once ‖XᵀXv‖ repeats exactly, leaving (½)^k of the other axis.
    expect(first[0]).toBeCloseTo(1, 6);
    expect(first[1]).toBeCloseTo(0, 6);
    expect(second[0]).toBeCloseTo(0, 6);
    expect(second[1]).toBeCloseTo(1, 6);
  });

  it('finds (1, 1)/√2 when both statements split people the same way, and no second axis', () => {
    const matrix = buildVoteMatrix(
      votesFrom([
        [-1, -1],
        [1, 1],
        [-1, -1],
        [1, 1],
      ]),
    );
    const [first, second] = principalComponents(matrix).components;
    expect(first[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(first[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect([...second]).toEqual([0, 0]);
  });

  it('uses [1] for a single statement', () => {
    const matrix = buildVoteMatrix(votesFrom([[1], [-1], [0]]));
    expect(principalComponents(matrix).components.map((c) => [...c])).toEqual([[1], [0]]);
  });

  it("uses a single participant's own normalised votes, the first largest loading made positive", () => {
    const matrix = buildVoteMatrix(votesFrom([[-1, 0, 1, 1]]));
    const [first, second] = principalComponents(matrix).components;
    const third = 1 / Math.sqrt(3);
    expect([...first].map((x) => x.toFixed(6))).toEqual(
      [third, 0, -third, -third].map((x) => x.toFixed(6)),
    );
    expect([...second]).toEqual([0, 0, 0, 0]);
  });
});
