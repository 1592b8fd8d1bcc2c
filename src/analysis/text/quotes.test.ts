import { describe, expect, it } from 'vitest';
import { dense, normaliseRows } from './matrix.ts';
import { type QuoteCandidate, pickQuotes, quoteOf, quotePool, quoteText } from './quotes.ts';
import { analyseVoice } from './tokens.ts';

function candidates(texts: string[]): QuoteCandidate[] {
  return texts.map((text, i) => ({ id: `v${i}`, text, analysed: analyseVoice(text), row: i }));
}

describe('pickQuotes', () => {
  it('picks the central voice first, then a different one over a near copy', () => {
    const vectors = dense(4, 2);
    vectors.data.set([1, 0.2, 1, 0.19, 0.3, 1, 0.8, 0.6]);
    normaliseRows(vectors);
    const centroid = Float64Array.from([1, 0.3]);
    expect(pickQuotes([0, 1, 2, 3], vectors, centroid, 3)).toEqual([0, 2, 3]);
    expect(pickQuotes([3, 2], vectors, centroid, 5)).toEqual([0, 1]);
    expect(pickQuotes([], vectors, centroid)).toEqual([]);
  });
});

describe('quotePool', () => {
  it('quotes the same words once, whatever their spacing and capitals', () => {
    const pool = quotePool(candidates(['Great crew, thank you', 'great  crew, thank you ']));
    expect(pool.map((c) => c.id)).toEqual(['v0']);
  });

  it('prefers voices of three words or more when there are enough', () => {
    const texts = [
      'Good',
      'Kind staff always',
      'Very good',
      'The drivers were kind',
      'Late again today',
    ];
    expect(quotePool(candidates(texts)).map((c) => c.text)).toEqual([
      'Kind staff always',
      'The drivers were kind',
      'Late again today',
    ]);
    expect(quotePool(candidates(['Good', 'Very good'])).map((c) => c.text)).toEqual([
      'Good',
      'Very good',
    ]);
  });

  it('passes over voices that share a row: they said the same', () => {
    const [first, second] = candidates(['Kind staff always', 'Kind staff always']);
    if (first === undefined || second === undefined) throw new Error('two candidates');
    expect(quotePool([first, { ...second, id: 'again', row: first.row }])).toEqual([first]);
  });
});

describe('quoteOf', () => {
  it('quotes a voice in its own words, with its id', () => {
    const [candidate] = candidates(['  The drivers were kind to me  ']);
    if (candidate === undefined) throw new Error('a candidate');
    expect(quoteOf(candidate, new Map())).toEqual({
      id: 'v0',
      text: 'The drivers were kind to me',
    });
  });
});

describe('quoteText', () => {
  it('quotes a long voice by its most telling sentence, word for word', () => {
    const filler = 'I went to the hospital on a Tuesday in the rain with my neighbour. '.repeat(6);
    const text = `${filler}The parking there is impossible for disabled drivers. ${filler}`;
    const analysed = analyseVoice(text);
    const quote = quoteText(text, analysed, new Map([['parking', 1]]));
    expect(quote).toBe('The parking there is impossible for disabled drivers.');
    expect(quoteText('Short and sweet.', analyseVoice('Short and sweet.'), new Map())).toBe(
      'Short and sweet.',
    );
  });

  it('cuts a long voice with no sentence ends at a space, still its own words', () => {
    const text = 'word '.repeat(200);
    const quote = quoteText(text, analyseVoice(text), new Map());
    expect(quote.length).toBeLessThanOrEqual(300);
    expect(text).toContain(quote);
  });
});
