import { describe, expect, it } from 'vitest';
import { dot, row } from './matrix.ts';
import { seededRandom } from './random.ts';
import { analyseVoice } from './tokens.ts';
import { meanWordVectors, voiceVectors } from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

describe('shippedWordVectors', () => {
  it('gives unit vectors that put words of like meaning close', () => {
    const vectors = shippedWordVectors();
    const rude = vectors.vectorOf('rude');
    const impolite = vectors.vectorOf('impolite');
    const ambulance = vectors.vectorOf('ambulance');
    if (rude === undefined || impolite === undefined || ambulance === undefined) {
      throw new Error('expected words missing from the shipped vectors');
    }
    expect(dot(rude, rude)).toBeCloseTo(1, 10);
    expect(dot(rude, impolite)).toBeGreaterThan(dot(rude, ambulance) + 0.2);
    expect(vectors.vectorOf('qzxjwvkq')).toBeUndefined();
  });
});

describe('voiceVectors', () => {
  const texts = [
    'The ambulance was late',
    'Ambulance came very late',
    'Late ambulance again',
    'Staff were rude to me',
    'Rude staff on the phone',
    'The staff were so rude',
    '',
    '👍',
  ];
  const voices = texts.map(analyseVoice);

  it('puts voices about the same thing closer than voices about others', () => {
    for (const wordVectors of [undefined, shippedWordVectors()]) {
      const { vectors, hasContent } = voiceVectors(voices, seededRandom(1), {
        dimensions: 4,
        wordVectors,
      });
      expect(hasContent).toEqual([true, true, true, true, true, true, false, false]);
      const cos = (a: number, b: number) => dot(row(vectors, a), row(vectors, b));
      expect(cos(0, 1)).toBeGreaterThan(cos(0, 3));
      expect(cos(3, 4)).toBeGreaterThan(cos(2, 4));
      expect(cos(0, 0)).toBeCloseTo(1, 10);
    }
  });

  it('places voices outside the sample the SVD was fitted on, by their word vectors too', () => {
    const { vectors, hasContent } = voiceVectors(voices, seededRandom(1), {
      dimensions: 4,
      svdSample: 4,
      wordVectors: shippedWordVectors(),
    });
    expect(hasContent).toEqual([true, true, true, true, true, true, false, false]);
    const cos = (a: number, b: number) => dot(row(vectors, a), row(vectors, b));
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 3));
    expect(cos(3, 4)).toBeGreaterThan(cos(2, 4));
    expect(cos(5, 5)).toBeCloseTo(1, 10);
  });

  it('links voices with no word in common through word vectors', () => {
    const means = meanWordVectors(
      ['Rude drivers', 'Impolite chauffeurs', 'Parking fees', 'Car park charges'].map(analyseVoice),
      shippedWordVectors(),
    );
    const cos = (a: number, b: number) => dot(row(means, a), row(means, b));
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2));
    expect(cos(2, 3)).toBeGreaterThan(cos(1, 3));
  });
});
