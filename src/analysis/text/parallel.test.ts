import { afterEach, describe, expect, it } from 'vitest';
import { predictOneVsRest, trainOneVsRest } from './logistic.ts';
import { dense, normaliseRows, row } from './matrix.ts';
import {
  pickQuotesInParallel,
  predictInParallel,
  readVoices,
  sharedWith,
  trainThemeModels,
  voiceVectorsInParallel,
} from './parallel.ts';
import { pickQuotes } from './quotes.ts';
import { type SecondThread, secondThreadFor } from './second-thread.ts';
import { seededRandom } from './random.ts';
import { analyseVoice } from './tokens.ts';
import { voiceVectors } from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

const texts = [
  'The staff were kind and caring.',
  'Waited four hours for the ambulance',
  'The staff were kind and caring.',
  '',
  'Parking is terrible. Nowhere to go!',
  'A voice with \u0001 in it, read here',
  '👍',
  'Waited four hours for the ambulance',
];

let thread: SecondThread | undefined;
afterEach(() => thread?.close());

describe('secondThreadFor', () => {
  it('starts no thread for fewer different texts than asked', () => {
    expect(secondThreadFor(['Kind staff', 'Kind staff', 'Long wait'], 3)).toBeUndefined();
  });
});

describe('readVoices', () => {
  it('reads each voice as one thread would, sharing a reading between the same texts', async () => {
    thread = secondThreadFor(texts, 1);
    expect(thread).toBeDefined();
    const read = await readVoices(texts, { thread });
    expect(read).toEqual(texts.map(analyseVoice));
    expect(read[2]).toBe(read[0]);
    expect(read[7]).toBe(read[1]);
    // The thread itself reads (so the texts above were not all read here after a failure).
    const reply = await thread?.ask({ kind: 'read', texts: ['Kind staff'] });
    expect(reply?.kind).toBe('read');
  });

  it('reads everything here when the second thread has stopped', async () => {
    thread = secondThreadFor(texts, 1);
    thread?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readVoices(texts, { thread })).toEqual(texts.map(analyseVoice));
  });
});

describe('voiceVectorsInParallel', () => {
  it('gives exactly the vectors made in one thread, its word means made in the other', async () => {
    thread = secondThreadFor(texts, 1);
    const voices = texts.map(analyseVoice);
    const options = { dimensions: 3, wordVectors: shippedWordVectors() };
    const made = await voiceVectorsInParallel(voices, seededRandom(4), options, thread);
    expect(made).toEqual(voiceVectors(voices, seededRandom(4), options));
    const reply = await thread?.ask({
      kind: 'means',
      packed: 'kind\u0000kind',
      count: 1,
      copies: Int32Array.of(1),
    });
    expect(reply?.kind).toBe('means');
  });
});

describe('trainThemeModels', () => {
  // Forty voices in five dimensions, each with one or two of seven themes.
  const random = seededRandom(11);
  const x = dense(40, 5);
  for (let i = 0; i < x.data.length; i++) x.data[i] = random() - 0.5;
  const labels = Array.from({ length: 40 }, (_, i) =>
    i % 5 === 0 ? [i % 7, (i + 3) % 7] : [i % 7],
  );
  const options = { penalty: 1e-4, iterations: 30 };

  it('gives exactly the weights of training every theme in one thread', async () => {
    thread = secondThreadFor(texts, 1);
    const split = await trainThemeModels(x, labels, 7, options, thread);
    expect(split).toEqual(trainOneVsRest(x, labels, 7, options));
    const reply = await thread?.ask({ kind: 'train', ...x, labels, labelCount: 7, options });
    expect(reply?.kind).toBe('trained');
  });

  it('trains every theme here when the second thread has stopped', async () => {
    thread = secondThreadFor(texts, 1);
    thread?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await trainThemeModels(x, labels, 7, options, thread)).toEqual(
      trainOneVsRest(x, labels, 7, options),
    );
  });
});

describe('predictInParallel', () => {
  it('gives exactly the probabilities of scoring every voice in one thread', async () => {
    const random = seededRandom(12);
    const x = dense(9, 4);
    for (let i = 0; i < x.data.length; i++) x.data[i] = random() - 0.5;
    const model = trainOneVsRest(
      x,
      Array.from({ length: 9 }, (_, i) => [i % 3]),
      3,
      {
        iterations: 20,
      },
    );
    thread = secondThreadFor(texts, 1);
    expect(await predictInParallel(x, model, thread)).toEqual(predictOneVsRest(x, model));
    const shared = sharedWith(thread, x);
    expect(shared.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(await predictInParallel(shared, model, thread)).toEqual(predictOneVsRest(x, model));
    const reply = await thread?.ask({
      kind: 'predict',
      rows: 1,
      columns: 4,
      data: x.data.slice(0, 4),
      weights: model.weights.data,
    });
    expect(reply?.kind).toBe('predicted');
  });
});

describe('pickQuotesInParallel', () => {
  // Twelve voices in three dimensions, two themes of six.
  const random = seededRandom(13);
  const vectors = dense(12, 3);
  for (let i = 0; i < vectors.data.length; i++) vectors.data[i] = random() - 0.5;
  normaliseRows(vectors);
  const centroids = dense(2, 3);
  centroids.data.set([1, 0, 0, 0, 1, 0]);
  const pools = [Int32Array.of(0, 2, 4, 6, 8, 10), Int32Array.of(1, 3, 5, 7, 9, 11)];
  const inOneThread = pools.map((rows, t) => pickQuotes(rows, vectors, row(centroids, t), 3));

  it('picks exactly the quotes picked in one thread, from vectors both threads read', async () => {
    thread = secondThreadFor(texts, 1);
    const shared = sharedWith(thread, vectors);
    expect(await pickQuotesInParallel(pools, shared, centroids, 3, thread)).toEqual(inOneThread);
    expect(inOneThread.flat()).toHaveLength(6);
    const reply = await thread?.ask({
      kind: 'quotes',
      pools,
      vectors: shared,
      centroids,
      count: 3,
    });
    expect(reply?.kind).toBe('quotes');
  });

  it('picks them here when the second thread has stopped', async () => {
    thread = secondThreadFor(texts, 1);
    thread?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await pickQuotesInParallel(pools, vectors, centroids, 3, thread)).toEqual(inOneThread);
  });
});
