import { describe, expect, it } from 'vitest';
import {
  AGE_BAND_STARTS,
  EQUALITY_QUESTION_KEYS,
  EQUALITY_QUESTIONS,
  PREFER_NOT_TO_SAY,
  ageBand,
  equalityQuestion,
} from './census-categories.ts';

describe('ageBand', () => {
  it.each([
    [0, 'aged-0-4'],
    [4, 'aged-0-4'],
    [5, 'aged-5-9'],
    [17, 'aged-15-19'],
    [84, 'aged-80-84'],
    [85, 'aged-85-plus'],
    [101, 'aged-85-plus'],
  ])('puts %i years in %s', (years, band) => {
    expect(ageBand(years)).toBe(band);
  });

  it('gives a key of the age question for every band', () => {
    const keys = equalityQuestion('age').categories.map((category) => category.key);
    expect(keys).toHaveLength(AGE_BAND_STARTS.length);
    for (const start of AGE_BAND_STARTS) expect(keys).toContain(ageBand(start));
  });

  it('names the bands as TS007A does', () => {
    const names = equalityQuestion('age').categories.map((category) => category.census);
    expect(names[0]).toBe('Aged 4 years and under');
    expect(names[1]).toBe('Aged 5 to 9 years');
    expect(names[17]).toBe('Aged 85 years and over');
  });
});

describe('EQUALITY_QUESTIONS', () => {
  it('has one question for each key, in the same order', () => {
    expect(EQUALITY_QUESTIONS.map((question) => question.key)).toEqual([...EQUALITY_QUESTION_KEYS]);
  });

  it.each(EQUALITY_QUESTIONS.map((question) => [question.key, question] as const))(
    '%s has unique category keys and census names, none of them "prefer not to say"',
    (_, question) => {
      const keys = question.categories.map((category) => category.key);
      const names = question.categories.map((category) => category.census.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(names).size).toBe(names.length);
      expect(keys).not.toContain(PREFER_NOT_TO_SAY);
    },
  );
});

describe('equalityQuestion', () => {
  it('finds a question by its key', () => {
    expect(equalityQuestion('ethnicGroup').table).toBe('TS021');
  });
});
