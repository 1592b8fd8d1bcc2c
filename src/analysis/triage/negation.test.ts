import { describe, expect, it } from 'vitest';
import { isNegated } from './negation.ts';

const negatedAt = (text: string, phrase: string) => isNegated(text, text.indexOf(phrase));

describe('isNegated', () => {
  it.each([
    ['i have never been hit', 'hit', true],
    ['no one has ever taken my money', 'taken', true],
    ['nobody hurt me', 'hurt', true],
    ["he didn't hit me", 'hit', true],
    ['he didnt hit me', 'hit', true],
    ['he hit me', 'hit', false],
    ['i went home and he hit me', 'hit', false],
    ['it was not easy. he hit me', 'hit', false],
    ['it was never easy, but he hit me', 'hit', false],
    ['never in all of my long life was i hit', 'hit', false],
  ])('%s -> %s negated: %s', (text, phrase, expected) => {
    expect(negatedAt(text, phrase)).toBe(expected);
  });
});
