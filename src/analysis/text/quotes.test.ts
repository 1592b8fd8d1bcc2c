import { describe, expect, it } from 'vitest';
import { dense, normaliseRows, row } from './matrix.ts';
import { type QuoteCandidate, quoteText, representativeQuotes } from './quotes.ts';
import { analyseVoice } from './tokens.ts';

function candidates(texts: string[]): QuoteCandidate[] {
  return texts.map((text, i) => ({ id: `v${i}`, text, analysed: analyseVoice(text), row: i }));
}

describe('representativeQuotes', () => {
  it('picks the central voice first, then a different one over a near copy', () => {
    const texts = [
      'The drivers were kind to me',
      'The drivers were kind to me!',
      'The drivers were late every week',
      'Drivers kind but late',
    ];
    const vectors = dense(4, 2);
    vectors.data.set([1, 0.2, 1, 0.19, 0.3, 1, 0.8, 0.6]);
    normaliseRows(vectors);
    const centroid = Float64Array.from([1, 0.3]);
    const quotes = representativeQuotes(candidates(texts), vectors, centroid, new Map(), 3);
    expect(quotes.map((q) => q.id)).toEqual(['v0', 'v2', 'v3']);
    for (const quote of quotes) expect(texts[Number(quote.id.slice(1))]).toContain(quote.text);
  });

  it('quotes the same words once and gives none without candidates', () => {
    const vectors = dense(2, 1);
    vectors.data.set([1, 1]);
    const quotes = representativeQuotes(
      candidates(['Great crew, thank you', 'great  crew, thank you']),
      vectors,
      row(vectors, 0),
      new Map(),
    );
    expect(quotes).toHaveLength(1);
    expect(representativeQuotes([], vectors, row(vectors, 0), new Map())).toEqual([]);
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
