import { describe, expect, it } from 'vitest';
import { tfidf, voiceTerms } from './tfidf.ts';
import { analyseVoice } from './tokens.ts';

describe('voiceTerms', () => {
  it('keeps content lemmas and pairs of adjacent content words', () => {
    expect(voiceTerms(analyseVoice('Long waiting times, rude staff').words)).toEqual([
      'long',
      'wait',
      'long wait',
      'time',
      'wait time',
      'rude',
      'staff',
      'rude staff',
    ]);
  });
});

describe('tfidf', () => {
  it('scales each row to length 1 and drops terms in too few voices', () => {
    const { matrix, terms } = tfidf(
      [['wait', 'wait', 'staff'], ['wait', 'parking'], ['staff'], ['lonely']],
      2,
    );
    expect(terms).toEqual(['staff', 'wait']);
    for (let r = 0; r < 3; r++) {
      let norm = 0;
      for (let at = matrix.start[r] ?? 0; at < (matrix.start[r + 1] ?? 0); at++) {
        norm += (matrix.value[at] ?? 0) ** 2;
      }
      expect(norm).toBeCloseTo(1, 10);
    }
    expect(matrix.start[4]).toBe(matrix.start[3]);
  });

  it('weighs a rarer term above a common one in the same voice', () => {
    const { matrix, terms } = tfidf([['wait', 'rude'], ['wait'], ['wait'], ['rude']], 1);
    const weight = (term: string) => {
      const column = terms.indexOf(term);
      for (let at = matrix.start[0] ?? 0; at < (matrix.start[1] ?? 0); at++) {
        if (matrix.column[at] === column) return matrix.value[at] ?? 0;
      }
      return 0;
    };
    expect(weight('rude')).toBeGreaterThan(weight('wait'));
  });
});
