import { describe, expect, it } from 'vitest';
import { inConversation } from './in-conversation.ts';
import { buildVoteMatrix, type Vote } from './vote-matrix.ts';

/** Participant `p<i>` votes (pass) on the first counts[i] of `statements` statements. */
function votes(counts: readonly number[], statements: number): Vote[] {
  return [
    // One vote per statement from someone else, so every column exists.
    ...Array.from({ length: statements }, (_, s) => ({
      participant: 'all',
      statement: `s${s}`,
      value: 1 as const,
    })),
    ...counts.flatMap((count, p) =>
      Array.from({ length: count }, (_, s) => ({
        participant: `p${p}`,
        statement: `s${s}`,
        value: 0 as const,
      })),
    ),
  ];
}

describe('inConversation', () => {
  it.each([
    // [votes per participant, statements, rows expected beyond "all" (row 0)]
    { counts: Array<number>(20).fill(7), statements: 10, expected: 20 },
    {
      counts: [...Array<number>(16).fill(7), ...Array<number>(4).fill(6)],
      statements: 10,
      expected: 16,
    },
    { counts: Array<number>(20).fill(3), statements: 3, expected: 20 },
  ])(
    'admits people with min(7, statements) votes ($expected of 20)',
    ({ counts, statements, expected }) => {
      const rows = inConversation(buildVoteMatrix(votes(counts, statements)));
      expect(rows.filter((row) => row > 0)).toHaveLength(expected);
    },
  );

  it('tops up to 15 with the most active, earlier rows first on a tie', () => {
    const counts = [1, 6, 2, 7, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5];
    const matrix = buildVoteMatrix(votes(counts, 10));
    const ids = inConversation(matrix).map((row) => matrix.participants[row]);
    // "all" and p3, p4 qualify; then p1 (6), p17 (5), then 10 of the 12 people with 3 votes in
    // row order. Everyone first voted on s0, so rows are in id order, and as text p10 … p16
    // come before p5 … p9: p10 … p16, p5, p6 and p7 are in, p8 and p9 out.
    expect(ids).toHaveLength(15);
    expect(ids).toContain('p1');
    expect(ids).toContain('p17');
    expect(ids).toContain('p16');
    expect(ids).toContain('p7');
    expect(ids).not.toContain('p8');
    expect(ids).not.toContain('p9');
    expect(ids).not.toContain('p0');
  });

  it('keeps people who were in before, whatever their votes now', () => {
    const matrix = buildVoteMatrix(votes([...Array<number>(15).fill(7), 1, 1], 10));
    const ids = inConversation(matrix, new Set(['p16'])).map((row) => matrix.participants[row]);
    expect(ids).toContain('p16');
    expect(ids).not.toContain('p15');
  });
});
