import { describe, expect, it } from 'vitest';
import { META_PRIORITY, statementPriority } from './priority.ts';

describe('statementPriority', () => {
  it.each([
    // Unseen: p = a = ½, importance = ½ × 1 × ½, novelty 9 → (0.25 × 9)².
    { agree: 0, disagree: 0, seen: 0, extremity: 0, expected: (0.25 * 9) ** 2 },
    // 5 seen, 3 agree, 1 disagree, 1 pass: p = 2/7, a = 4/7, E = 1, novelty 1 + 8/2 = 5.
    { agree: 3, disagree: 1, seen: 5, extremity: 1, expected: ((5 / 7) * 2 * (4 / 7) * 5) ** 2 },
    // 10 passes: p = 11/12, a = 1/12, novelty 1 + 8/4 = 3.
    { agree: 0, disagree: 0, seen: 10, extremity: 0, expected: ((1 / 12) * (1 / 12) * 3) ** 2 },
  ])('$agree agree, $disagree disagree of $seen seen, extremity $extremity', (tally) => {
    expect(statementPriority({ ...tally, meta: false })).toBeCloseTo(tally.expected, 12);
  });

  it('gives meta statements a fixed priority', () => {
    expect(statementPriority({ agree: 9, disagree: 0, seen: 9, extremity: 3, meta: true })).toBe(
      META_PRIORITY,
    );
  });
});
