import { describe, expect, it } from 'vitest';
import { groupAwareConsensus, majority } from './consensus.ts';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix.ts';

function votesFrom(rows: readonly (readonly (VoteValue | null)[])[]): Vote[] {
  return rows.flatMap((row, i) =>
    row.flatMap((value, j) =>
      value === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, value }],
    ),
  );
}

// s0: all agree (p = 6/7, z = √6). s1: 3 agree, 2 disagree (z ≈ 0.82, not significant).
// s2: all disagree. s3: all agree but moderated out. s4: 4 agree, 1 pass (p = 5/7, z ≈ 1.63).
const VOTES = votesFrom([
  [1, 1, -1, 1, 1],
  [1, 1, -1, 1, 1],
  [1, 1, -1, 1, 1],
  [1, -1, -1, 1, 1],
  [1, -1, -1, 1, 0],
]);

describe('majority', () => {
  it('lists statements most people agreed or disagreed with, strongest first', () => {
    const matrix = buildVoteMatrix(VOTES, [{ id: 's3', moderatedOut: true, meta: false }]);
    const result = majority(matrix);
    expect(result.agree.map((col) => matrix.statements[col])).toEqual(['s0', 's4']);
    expect(result.disagree.map((col) => matrix.statements[col])).toEqual(['s2']);
  });

  it('includes a statement once it is moderated back in', () => {
    const matrix = buildVoteMatrix(VOTES);
    expect(majority(matrix).agree.map((col) => matrix.statements[col])).toEqual(['s0', 's3', 's4']);
  });
});

describe('groupAwareConsensus', () => {
  it('multiplies each group’s smoothed agree and disagree rates, from the raw votes', () => {
    const matrix = buildVoteMatrix(VOTES, [{ id: 's3', moderatedOut: true, meta: false }]);
    const result = groupAwareConsensus(matrix, [
      [0, 1, 2],
      [3, 4],
    ]);
    // s1: group 0 agrees 3 of 3 → 4/5; group 1 agrees 0 of 2 → 1/4. Disagree: 1/5 × 3/4.
    expect(result.agree[1]).toBeCloseTo((4 / 5) * (1 / 4), 12);
    expect(result.disagree[1]).toBeCloseTo((1 / 5) * (3 / 4), 12);
    // s3 is moderated out but still counted here: 4/5 × 3/4.
    expect(result.agree[3]).toBeCloseTo((4 / 5) * (3 / 4), 12);
    // s4: group 1 has one pass, seen 2, agree 1 → 2/4.
    expect(result.agree[4]).toBeCloseTo((4 / 5) * (2 / 4), 12);
  });
});
