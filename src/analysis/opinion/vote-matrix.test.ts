import { describe, expect, it } from 'vitest';
import { buildVoteMatrix, type Vote } from './vote-matrix.ts';

const vote = (participant: string, statement: string, value: Vote['value']): Vote => ({
  participant,
  statement,
  value,
});

describe('buildVoteMatrix', () => {
  const matrix = buildVoteMatrix(
    [
      vote('p1', 's1', 1),
      vote('p2', 's2', -1),
      vote('p1', 's1', -1),
      vote('p3', 's1', 0),
      vote('p2', 's3', 1),
    ],
    [
      { id: 's2', moderatedOut: true, meta: false },
      { id: 's3', moderatedOut: false, meta: true },
      { id: 'unvoted', moderatedOut: true, meta: false },
    ],
  );

  it('orders rows and columns by first appearance, keeping ids as strings', () => {
    expect(matrix.participants).toEqual(['p1', 'p2', 'p3']);
    expect(matrix.statements).toEqual(['s1', 's2', 's3']);
  });

  it('keeps the latest vote and leaves cells nobody voted on empty', () => {
    expect([...matrix.raw]).toEqual([-1, NaN, NaN, NaN, -1, 1, 0, NaN, NaN]);
  });

  it('zeroes moderated-out and meta columns for everyone in the rating matrix only', () => {
    expect([...matrix.rating]).toEqual([-1, 0, 0, NaN, 0, 0, 0, 0, 0]);
    expect([...matrix.excluded]).toEqual([0, 1, 1]);
  });
});
