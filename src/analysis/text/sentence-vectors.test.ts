import { describe, expect, it } from 'vitest';
import { type Dense, dense, dot, row } from './matrix.ts';
import { seededRandom } from './random.ts';
import { type SentenceEncoder, sentenceVectors } from './sentence-vectors.ts';

// A stand-in encoder: each word is a piece, and a text's vector is the sum of its topics' axes
// (parking 0, waiting 1, staff 2), so texts of one topic point the same way.
const TOPIC_WORDS: Record<string, number> = { parking: 0, car: 0, wait: 1, hours: 1, staff: 2 };
const ids = new Map<string, number>();
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];
function fakeEncoder(): SentenceEncoder & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    pieces: (text) =>
      wordsOf(text).map((word) => {
        if (!ids.has(word)) ids.set(word, ids.size);
        return ids.get(word) ?? 0;
      }),
    encode: (texts): Promise<Dense> => {
      read.push(...texts);
      const out = dense(texts.length, 8);
      texts.forEach((text, r) => {
        for (const word of wordsOf(text)) {
          const topic = TOPIC_WORDS[word];
          if (topic !== undefined) row(out, r)[topic] = (row(out, r)[topic] ?? 0) + 1;
        }
        row(out, r)[7] = 0.1;
      });
      return Promise.resolve(out);
    },
  };
}

const TEXTS = [
  'parking was awful',
  'the car park was full',
  'no parking anywhere',
  'we had to wait hours',
  'a long wait for hours',
  'hours of waiting',
  'the staff were kind',
  'staff were lovely',
  'kind staff',
  '',
];
const OPTIONS = { sample: 1000, dimensions: 3, penalty: 0.01 };

describe('sentenceVectors', () => {
  it('gives unit rows that put texts of one topic close, and none to a text with no words', async () => {
    const vectors = await sentenceVectors(
      TEXTS,
      () => false,
      fakeEncoder(),
      seededRandom(1),
      OPTIONS,
    );
    expect(vectors.rows).toBe(TEXTS.length);
    expect(vectors.columns).toBe(3);
    for (let r = 0; r < 9; r++) expect(dot(row(vectors, r), row(vectors, r))).toBeCloseTo(1, 6);
    expect([...row(vectors, 9)]).toEqual([0, 0, 0]);
    const cosine = (a: number, b: number): number => dot(row(vectors, a), row(vectors, b));
    expect(cosine(0, 2)).toBeGreaterThan(cosine(0, 3));
    expect(cosine(3, 4)).toBeGreaterThan(cosine(3, 6));
    expect(cosine(6, 7)).toBeGreaterThan(cosine(6, 0));
  });

  it('asks the encoder for a seeded sample only, and spreads it to the rest', async () => {
    const encoder = fakeEncoder();
    const sample = { ...OPTIONS, sample: 6 };
    const first = await sentenceVectors(TEXTS, () => false, encoder, seededRandom(3), sample);
    expect(encoder.read).toHaveLength(6);
    const again = await sentenceVectors(TEXTS, () => false, fakeEncoder(), seededRandom(3), sample);
    expect([...again.data]).toEqual([...first.data]);
    for (let r = 0; r < 9; r++) expect(dot(row(first, r), row(first, r))).toBeCloseTo(1, 6);
  });

  it('leaves out the texts it is told to skip', async () => {
    const encoder = fakeEncoder();
    const vectors = await sentenceVectors(TEXTS, (r) => r === 0, encoder, seededRandom(1), OPTIONS);
    expect(encoder.read).not.toContain(TEXTS[0]);
    expect([...row(vectors, 0)]).toEqual([0, 0, 0]);
  });
});
