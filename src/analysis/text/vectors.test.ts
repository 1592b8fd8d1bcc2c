import { describe, expect, it } from 'vitest';
import { cosines } from './kmeans.ts';
import { dot, row } from './matrix.ts';
import { seededRandom } from './random.ts';
import { analyseVoice } from './tokens.ts';
import {
  type VoiceVectors,
  meanWordVectors,
  pickRows,
  tellingWordsOf,
  voiceVectors,
} from './vectors.ts';
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
  /** One row per voice. */
  const perVoice = ({ distinct, rowOf }: VoiceVectors) => pickRows(distinct, rowOf);

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
      const made = voiceVectors(voices, seededRandom(1), { dimensions: 4, wordVectors });
      const { hasContent } = made;
      const vectors = perVoice(made);
      expect(hasContent).toEqual([true, true, true, true, true, true, false, false]);
      const cos = (a: number, b: number) => dot(row(vectors, a), row(vectors, b));
      expect(cos(0, 1)).toBeGreaterThan(cos(0, 3));
      expect(cos(3, 4)).toBeGreaterThan(cos(2, 4));
      expect(cos(0, 0)).toBeCloseTo(1, 10);
    }
  });

  it('places voices outside the sample the SVD was fitted on, by their word vectors too', () => {
    const made = voiceVectors(voices, seededRandom(1), {
      dimensions: 4,
      svdSample: 4,
      wordVectors: shippedWordVectors(),
    });
    const { hasContent } = made;
    const vectors = perVoice(made);
    expect(hasContent).toEqual([true, true, true, true, true, true, false, false]);
    const cos = (a: number, b: number) => dot(row(vectors, a), row(vectors, b));
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 3));
    expect(cos(3, 4)).toBeGreaterThan(cos(2, 4));
    expect(cos(5, 5)).toBeCloseTo(1, 10);
  });

  it('counts a voice read once but said twice as two voices', () => {
    const options = { dimensions: 4, wordVectors: shippedWordVectors() };
    const shared = voiceVectors([...voices, ...voices.slice(3, 4)], seededRandom(1), options);
    const separate = voiceVectors(
      [...voices, analyseVoice(texts[3] ?? '')],
      seededRandom(1),
      options,
    );
    expect(shared.distinct.rows).toBe(voices.length);
    expect(separate.distinct.rows).toBe(voices.length + 1);
    expect([...shared.rowOf]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 3]);
    const sharedRows = perVoice(shared);
    const separateRows = perVoice(separate);
    expect(sharedRows.rows).toBe(voices.length + 1);
    // The SVD's directions may come out with the other sign; how alike two voices are may not.
    const separateLikeness = cosines(separateRows, separateRows).data;
    cosines(sharedRows, sharedRows).data.forEach((value, i) =>
      expect(value).toBeCloseTo(separateLikeness[i] ?? Number.NaN, 10),
    );
  });

  it('links voices with no word in common through word vectors', () => {
    const means = meanWordVectors(
      tellingWordsOf(
        ['Rude drivers', 'Impolite chauffeurs', 'Parking fees', 'Car park charges'].map(
          analyseVoice,
        ),
      ),
      shippedWordVectors(),
    );
    const cos = (a: number, b: number) => dot(row(means, a), row(means, b));
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2));
    expect(cos(2, 3)).toBeGreaterThan(cos(1, 3));
  });

  it('counts what is said about a thing above the thing named', () => {
    // Three words along three directions; "other", in four voices, is the direction all means
    // share and is taken out, which leaves the first voice's mean of "kind" and "staff" as it is.
    const axes = new Map(['kind', 'staff', 'other'].map((w, i) => [w, i]));
    const wordVectors = {
      dimensions: 3,
      vectorOf: (word: string) => {
        const axis = axes.get(word);
        return axis === undefined
          ? undefined
          : Float64Array.from([0, 1, 2], (j) => (j === axis ? 1 : 0));
      },
    };
    const other = { text: 'other', lemma: 'other', partOfSpeech: 'NOUN' };
    const means = meanWordVectors(
      [
        [
          { text: 'kind', lemma: 'kind', partOfSpeech: 'ADJ' },
          { text: 'staff', lemma: 'staff', partOfSpeech: 'NOUN' },
        ],
        [other],
        [other],
        [other],
        [other],
      ],
      wordVectors,
    );
    const [kind = 0, staff = 0] = row(means, 0);
    expect(kind).toBeGreaterThan(2 * staff);
    expect(staff).toBeGreaterThan(0);
  });
});
