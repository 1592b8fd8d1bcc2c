import { describe, expect, it } from 'vitest';
import { groupStatementStats, selectRepresentative } from './repness.ts';
import { buildVoteMatrix, type VoteMatrix, type VoteValue } from './vote-matrix.ts';

/** The vote matrix of rows of votes (null = no vote); row 0 votes on every column, in order. */
const matrixOf = (rows: readonly (readonly (VoteValue | null)[])[]): VoteMatrix =>
  buildVoteMatrix(
    rows.flatMap((row, i) =>
      row.flatMap((value, j) =>
        value === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, value }],
      ),
    ),
  );

const GROUPS = [
  [0, 1, 2, 3],
  [4, 5, 6, 7],
];
// s0: group 0 all agree, group 1 all disagree. s1: the reverse. s2: group 0 three agree and one
// pass, group 1 all disagree. s3: everyone passes.
const MATRIX = matrixOf([
  [1, -1, 1, 0],
  [1, -1, 1, 0],
  [1, -1, 1, 0],
  [1, -1, 0, 0],
  [-1, 1, -1, 0],
  [-1, 1, -1, 0],
  [-1, 1, -1, 0],
  [-1, 1, -1, 0],
]);
const Z_ALL = 0.8 / Math.sqrt(0.24 * 0.4); // two-proportion z for 4 of 4 against 0 of 4

describe('groupStatementStats', () => {
  const [group0] = groupStatementStats(MATRIX, GROUPS);

  it('works out s0 for group 0 by hand', () => {
    const s0 = group0?.[0];
    expect(s0).toMatchObject({ na: 4, nd: 0, ns: 4 });
    expect(s0?.pa).toBeCloseTo(5 / 6, 12);
    expect(s0?.pat).toBeCloseTo(Math.sqrt(5), 12);
    expect(s0?.ra).toBeCloseTo(5 / 6 / (1 / 6), 12);
    expect(s0?.rat).toBeCloseTo(Z_ALL, 12);
    expect(s0?.rdt).toBeCloseTo(-Z_ALL, 12);
  });

  it('counts passes as seen', () => {
    const s2 = group0?.[2];
    expect(s2).toMatchObject({ na: 3, nd: 0, ns: 4 });
    expect(s2?.pa).toBeCloseTo(4 / 6, 12);
    expect(s2?.pat).toBeCloseTo(2 * Math.sqrt(5) * 0.3, 12);
    expect(s2?.rat).toBeCloseTo(0.6 / Math.sqrt(0.25 * 0.4), 12);
  });
});

describe('selectRepresentative', () => {
  const stats = groupStatementStats(MATRIX, GROUPS);
  const pick = (group: number, excluded = new Uint8Array(4)): string[] =>
    selectRepresentative(stats[group] ?? [], excluded).map((r) => `${r.col} ${r.direction}`);

  it('puts best-agree first, ranks the rest by metric, then agrees before disagrees', () => {
    // Metrics: s1 disagree 5 × Z_ALL × 5/6 × √5 ≈ 24.1 beats s2 agree 4 × 1.90 × 2/3 × 1.34 ≈ 6.8.
    expect(pick(0)).toEqual(['0 agree', '2 agree', '1 disagree']);
  });

  it('picks each side for the other group', () => {
    // Group 1: s1 is its best agree; s0 and s2 are disagreements.
    expect(pick(1)).toEqual(['1 agree', '0 disagree', '2 disagree']);
  });

  it('skips moderated-out statements', () => {
    expect(pick(0, Uint8Array.of(1, 0, 0, 0))).toEqual(['2 agree', '1 disagree']);
  });

  it('keeps five at most', () => {
    const wide = matrixOf([
      [1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1],
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
    const [group0] = groupStatementStats(wide, [
      [0, 1, 2],
      [3, 4, 5],
    ]);
    // All equal: the earliest wins each tie.
    expect(selectRepresentative(group0 ?? [], new Uint8Array(7)).map((r) => r.col)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('falls back to best-agree, then to the largest z-test, when nothing is significant', () => {
    // One person each: agree 2/3 with pat = √2 > 1.28, but rat = 0.5 / √(0.1875) ≈ 1.15.
    const tiny = groupStatementStats(matrixOf([[1], [-1]]), [[0], [1]]);
    expect(selectRepresentative(tiny[0] ?? [], new Uint8Array(1))).toMatchObject([
      { col: 0, direction: 'agree' },
    ]);
    expect(selectRepresentative(tiny[1] ?? [], new Uint8Array(1))).toMatchObject([
      { col: 0, direction: 'disagree' },
    ]);
  });
});
