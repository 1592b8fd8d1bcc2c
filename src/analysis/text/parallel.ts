// The parts of the themes pipeline that split cleanly over two threads: reading the voices (each
// text on its own), their mean word vectors (made while this thread reduces their TF-IDF rows),
// training the theme models (each theme on its own), scoring the voices by them (each voice on
// its own) and picking the voices to quote (while this thread finds the key phrases). The results
// are exactly those of doing it all in one thread; if the second thread cannot start or stops,
// the work is done here instead, only slower.
import {
  type LogisticOptions,
  type OneVsRest,
  predictOneVsRest,
  trainOneVsRest,
} from './logistic.ts';
import { type Dense, dense } from './matrix.ts';
import { packWordKeys, packable, unpackVoices } from './packed.ts';
import { pickThemesQuotes } from './quotes.ts';
import type { Random } from './random.ts';
import type { SecondThread } from './second-thread.ts';
import { type AnalysedVoice, analyseVoice } from './tokens.ts';
import {
  type VectorOptions,
  type VoiceVectors,
  distinctAnalyses,
  meanWordVectors,
  reducedVoices,
  tellingWordsOf,
  withWordMeans,
} from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

/** The share of texts read here: the second thread starts later, so it is given less. */
const SHARE_READ_HERE = 0.58;

export interface ReadOptions {
  thread?: SecondThread | undefined;
  /** Texts read so far (of the voices, counting repeats) and in all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Each voice read into sentences and words: each different text once (voices saying the same
 * share one analysis), some of them in the second thread when one is given.
 */
export async function readVoices(
  texts: readonly string[],
  { thread, onProgress = () => undefined }: ReadOptions = {},
): Promise<AnalysedVoice[]> {
  const different = [...new Set(texts)];
  const sent =
    thread === undefined
      ? []
      : different.slice(Math.floor(different.length * SHARE_READ_HERE)).filter(packable);
  const asked =
    sent.length === 0 || thread === undefined
      ? undefined
      : thread.ask({ kind: 'read', texts: sent });
  const read = new Map<string, AnalysedVoice>();
  const sentSet = new Set(sent);
  const here = different.filter((text) => !sentSet.has(text));
  here.forEach((text, i) => {
    if (i % 200 === 0) onProgress(Math.floor((i / here.length) * texts.length), texts.length);
    read.set(text, analyseVoice(text));
  });
  const reply = await asked;
  const theirs =
    reply?.kind === 'read' ? unpackVoices(reply.packed, reply.count) : sent.map(analyseVoice);
  sent.forEach((text, i) => read.set(text, theirs[i] ?? analyseVoice(text)));
  onProgress(texts.length, texts.length);
  return texts.map((text) => read.get(text) ?? analyseVoice(text));
}

/**
 * `trainOneVsRest`, the first half of the themes trained in the second thread: each theme's model
 * is trained on its own, so the weights are exactly those of training them all here.
 */
export async function trainThemeModels(
  x: Dense,
  labels: readonly (readonly number[])[],
  labelCount: number,
  options: LogisticOptions,
  thread: SecondThread | undefined,
): Promise<OneVsRest> {
  const half = Math.floor(labelCount / 2);
  if (thread === undefined || half === 0) return trainOneVsRest(x, labels, labelCount, options);
  const theirs = labels.map((set) => set.filter((l) => l < half));
  const mine = labels.map((set) => set.filter((l) => l >= half).map((l) => l - half));
  const asked = thread.ask({
    kind: 'train',
    rows: x.rows,
    columns: x.columns,
    data: x.data,
    labels: theirs,
    labelCount: half,
    options,
  });
  const here = trainOneVsRest(x, mine, labelCount - half, options);
  const reply = await asked;
  const first =
    reply.kind === 'trained'
      ? reply.weights
      : trainOneVsRest(x, theirs, half, options).weights.data;
  const weights = new Float64Array(first.length + here.weights.data.length);
  weights.set(first);
  weights.set(here.weights.data, first.length);
  return {
    labels: labelCount,
    weights: { rows: labelCount, columns: here.weights.columns, data: weights },
  };
}

/**
 * `voiceVectors`, the shipped word vectors' means made in the second thread while this one
 * reduces the TF-IDF rows.
 */
export async function voiceVectorsInParallel(
  voices: readonly AnalysedVoice[],
  random: Random,
  options: VectorOptions,
  thread: SecondThread | undefined,
): Promise<VoiceVectors> {
  const { wordVectors, wordVectorWeight = 0.5 } = options;
  const analyses = distinctAnalyses(voices);
  if (wordVectors === undefined)
    return withWordMeans(reducedVoices(analyses, random, options), undefined, wordVectorWeight);
  const { distinct, copies } = analyses;
  const telling = tellingWordsOf(distinct);
  const packed = wordVectors === shippedWordVectors() ? packWordKeys(telling) : undefined;
  const asked =
    thread === undefined || packed === undefined
      ? undefined
      : thread.ask({ kind: 'means', packed, count: telling.length, copies });
  const reduced = reducedVoices(analyses, random, options);
  const reply = await asked;
  const means =
    reply?.kind === 'means'
      ? { rows: distinct.length, columns: reply.columns, data: reply.data }
      : meanWordVectors(telling, wordVectors, copies);
  return withWordMeans(reduced, means, wordVectorWeight);
}

/**
 * The vectors in memory both threads can read, so that handing them to the second thread copies
 * nothing: copied there once when a second thread will read them.
 */
export function sharedWith(thread: SecondThread | undefined, matrix: Dense): Dense {
  if (thread === undefined || matrix.data.buffer instanceof SharedArrayBuffer) return matrix;
  const data = new Float64Array(new SharedArrayBuffer(matrix.data.byteLength));
  data.set(matrix.data);
  return { rows: matrix.rows, columns: matrix.columns, data };
}

/** `predictOneVsRest`, the first half of the rows scored in the second thread. */
export async function predictInParallel(
  x: Dense,
  model: OneVsRest,
  thread: SecondThread | undefined,
): Promise<Dense> {
  const half = Math.floor(x.rows / 2);
  if (thread === undefined || half === 0) return predictOneVsRest(x, model);
  const shared = x.data.buffer instanceof SharedArrayBuffer;
  const first = shared ? x.data.subarray(0, half * x.columns) : x.data.slice(0, half * x.columns);
  const asked = thread.ask({
    kind: 'predict',
    rows: half,
    columns: x.columns,
    data: first,
    weights: model.weights.data,
  });
  const rest = { rows: x.rows - half, columns: x.columns, data: x.data.subarray(half * x.columns) };
  const here = predictOneVsRest(rest, model);
  const reply = await asked;
  const probabilities = dense(x.rows, model.labels);
  probabilities.data.set(
    reply.kind === 'predicted'
      ? reply.data
      : predictOneVsRest({ rows: half, columns: x.columns, data: first }, model).data,
  );
  probabilities.data.set(here.data, half * model.labels);
  return probabilities;
}

/**
 * `pickThemesQuotes`, in the second thread when there is one: the promise is made at once, so
 * this thread can work on while the quotes are picked.
 */
export function pickQuotesInParallel(
  pools: readonly Int32Array[],
  vectors: Dense,
  centroids: Dense,
  count: number,
  thread: SecondThread | undefined,
): Promise<number[][]> {
  const here = (): number[][] => pickThemesQuotes(pools, vectors, centroids, count);
  if (thread === undefined) return Promise.resolve(here());
  return thread
    .ask({ kind: 'quotes', pools: [...pools], vectors, centroids, count })
    .then((reply) => (reply.kind === 'quotes' ? reply.picks : here()));
}
