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

  it('orders columns by id and rows by the first column voted on, then id, as Polis reads votes', () => {
    // p1 and p3 first voted on s1 (column 0), p2 on s2 (column 1).
    expect(matrix.participants).toEqual(['p1', 'p3', 'p2']);
    expect(matrix.statements).toEqual(['s1', 's2', 's3']);
  });

  it('compares whole-number ids as numbers, keeping ids as strings', () => {
    const numbered = buildVoteMatrix([
      vote('10', '2', 1),
      vote('9', '10', 1),
      vote('9', '2', -1),
      vote('x', '1', 0),
      vote('3', '10', 1),
    ]);
    // Columns 1, 2, 10. x first voted on column 0 (statement 1); 9 and 10 on column 1
    // (statement 2), 9 before 10; 3 only on column 2 (statement 10).
    expect(numbered.statements).toEqual(['1', '2', '10']);
    expect(numbered.participants).toEqual(['x', '9', '10', '3']);
    expect([...numbered.rowStart]).toEqual([0, 1, 3, 4, 5]);
    expect([...numbered.col]).toEqual([0, 1, 2, 1, 2]);
    expect([...numbered.value]).toEqual([0, -1, 1, 1, 1]);
  });

  it('keeps the latest vote, row by row in column order, and stores no empty cells', () => {
    // Rows p1, p3, p2. p1: s1 = -1 (the later vote); p3: s1 = 0; p2: s2 = -1, s3 = 1.
    expect([...matrix.rowStart]).toEqual([0, 1, 2, 4]);
    expect([...matrix.col]).toEqual([0, 0, 1, 2]);
    expect([...matrix.value]).toEqual([-1, 0, -1, 1]);
  });

  it('marks moderated-out and meta columns as excluded, keeping the votes cast on them', () => {
    expect([...matrix.excluded]).toEqual([0, 1, 1]);
    expect(matrix.excludedCount).toBe(2);
  });

  it('puts a row’s votes in column order whatever order they were cast in', () => {
    const later = buildVoteMatrix([
      vote('a', 's1', 1),
      vote('b', 's2', 1),
      vote('b', 's1', -1),
      vote('a', 's2', 0),
      vote('b', 's2', -1),
    ]);
    expect([...later.rowStart]).toEqual([0, 2, 4]);
    expect([...later.col]).toEqual([0, 1, 0, 1]);
    expect([...later.value]).toEqual([1, 0, -1, -1]);
  });

  it('reads votes from any iterable, not only an array', () => {
    function* cast(): Generator<Vote> {
      yield vote('a', 's1', 1);
      yield vote('a', 's1', 0);
    }
    const fromGenerator = buildVoteMatrix(cast());
    expect([...fromGenerator.rowStart]).toEqual([0, 1]);
    expect([...fromGenerator.value]).toEqual([0]);
  });
});
