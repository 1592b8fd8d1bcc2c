import { describe, expect, it } from 'vitest';
import { type Candidate, VOTES, chooseNext, isVote } from './statements.core.ts';

const candidate = (id: string, createdAt: string, votes = 0): Candidate => ({
  id,
  createdAt,
  votes,
});

describe('choosing the next statement', () => {
  const a = candidate('a', '2026-11-01T09:00:00.000Z', 3);
  const b = candidate('b', '2026-11-02T09:00:00.000Z', 1);
  const c = candidate('c', '2026-11-03T09:00:00.000Z', 1);
  const d = candidate('d', '2026-11-02T09:00:00.000Z', 1);

  it.each([
    ['nothing left to vote on', [], undefined, undefined],
    ['fewest votes first', [a, b], undefined, 'b'],
    ['oldest among the fewest votes', [c, b], undefined, 'b'],
    ['lowest id when as old and as voted', [d, b], undefined, 'b'],
    ['highest priority first', [a, b, c], { a: 0.9, b: 0.2, c: 0.5 }, 'a'],
    ['a statement newer than the snapshot first', [a, b, c], { a: 0.9, b: 0.2 }, 'c'],
    ['oldest among equal priorities', [c, b], { b: 0.5, c: 0.5 }, 'b'],
    ['a priority that is not a number counts as unknown', [a, b], { a: 0.9, b: Number.NaN }, 'b'],
  ] as const)('%s', (_, candidates, priority, expected) => {
    expect(chooseNext(candidates, priority)?.id).toBe(expected);
  });
});

describe('vote values', () => {
  it('stores agree as 1, disagree as -1 and pass as 0', () => {
    expect(VOTES).toEqual({ agree: 1, disagree: -1, pass: 0 });
  });

  it.each([
    ['agree', true],
    ['disagree', true],
    ['pass', true],
    ['unsure', false],
    ['AGREE', false],
    ['1', false],
    ['toString', false],
    [undefined, false],
  ])('%s is a vote: %s', (value, expected) => {
    expect(isVote(value)).toBe(expected);
  });
});
