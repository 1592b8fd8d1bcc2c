import { describe, expect, it } from 'vitest';
import { findSlips, foldText, oneSlipApart } from './text-match.ts';

describe('oneSlipApart', () => {
  it.each([
    ['hiting', 'hitting', true],
    ['bruses', 'bruises', true],
    ['sucide', 'suicide', true],
    ['suicdie', 'suicide', true],
    ['neglectd', 'neglected', true],
    ['negleqted', 'neglected', true],
    ['neglected', 'neglected', false],
    ['neglcetde', 'neglected', false],
    ['bruise', 'cruises', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(oneSlipApart(a, b)).toBe(expected);
    expect(oneSlipApart(b, a)).toBe(expected);
  });
});

describe('findSlips', () => {
  const lexicon = ['bruises', 'suicidal'];

  it('finds words one slip away, with the word they stand for and offsets as written', () => {
    const text = 'BRUSES on her arm, and SUCIDAL talk';
    const found = findSlips(foldText(text), text, lexicon, new Set());
    expect(found).toEqual([
      { phrase: 'BRUSES', start: 0, end: 6, word: 'bruises' },
      { phrase: 'SUCIDAL', start: 23, end: 30, word: 'suicidal' },
    ]);
  });

  it('skips the words themselves, real words and short words', () => {
    const text = 'bruises cruises bruise';
    expect(findSlips(text, text, lexicon, new Set(['cruises']), 7)).toEqual([]);
  });
});

describe('foldText', () => {
  it('folds case and curly apostrophes without moving offsets', () => {
    const text = 'HE’S Been';
    expect(foldText(text)).toBe("he's been");
    expect(foldText(text)).toHaveLength(text.length);
  });
});
