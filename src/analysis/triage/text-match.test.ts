import { describe, expect, it } from 'vitest';
import {
  compileRules,
  compileUnicodeRules,
  findAll,
  findSlips,
  foldText,
  oneSlipApart,
} from './text-match.ts';

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

describe('findAll', () => {
  const find = (text: string, rules: RegExp[]) =>
    findAll(foldText(text), text, rules).map(({ phrase, start }) => [phrase, start]);

  it('finds every occurrence of every rule, whole words only, overlaps included', () => {
    const rules = compileRules(['hit', 'hit me', 'me']);
    expect(find('He HIT me. White hits, hit.', rules)).toEqual([
      ['HIT', 3],
      ['hit', 23],
      ['HIT me', 3],
      ['me', 7],
    ]);
  });

  it('finds a rule after an earlier one fails at the same place, and rules in other scripts', () => {
    // "hitch" starts like "hit" but is not the word: the next rule must still be tried there.
    const rules = compileRules(['hit', 'hitch']);
    expect(find('A hitch', rules)).toEqual([['hitch', 2]]);
    expect(find('I was hit', rules)).toEqual([['hit', 6]]);
    expect(find('Nothing here at all', rules)).toEqual([]);
    const polish = [...rules, ...compileUnicodeRules(['bije mnie'])];
    expect(find('On bije mnie', polish)).toEqual([['bije mnie', 3]]);
    expect(find('Ubije mnie', polish)).toEqual([]);
  });
});
