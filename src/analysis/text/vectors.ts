// A voice's vector: its TF-IDF row reduced by a randomised SVD, so that voices sharing no word
// but the same neighbours still come out close, joined with the weighted mean of its words'
// vectors, so that voices saying the same in other words do too. Rows are unit length; a voice
// with no content word gets a zero row and is left out of themes.
import {
  type Dense,
  type SparseRows,
  dense,
  dot,
  normaliseRows,
  pickSparseRows,
  row,
  sparseTimesDense,
  transposeTimes,
} from './matrix.ts';
import { type Random, shuffledIndices } from './random.ts';
import { randomisedSvd } from './svd.ts';
import { type TfIdf, tfidf, voiceTerms } from './tfidf.ts';
import { type AnalysedVoice, type Word, tellingWords } from './tokens.ts';
import type { WordVectors } from './word-vectors.ts';

export interface VoiceVectors {
  /** One row per distinct analysis (voices read from the same text share one). */
  distinct: Dense;
  /** The row of `distinct` of each voice. */
  rowOf: Int32Array;
  /** Whether each voice shares a term with another voice (else its row is zero). */
  hasContent: boolean[];
  /** TF-IDF rows of the distinct analyses. */
  tfidf: TfIdf;
}

export interface VectorOptions {
  /** Dimensions kept from the SVD. */
  dimensions?: number;
  /** Word vectors to join, or none for TF-IDF alone. */
  wordVectors?: WordVectors;
  /** The share of two voices' cosine that comes from their word vectors (0..1). */
  wordVectorWeight?: number;
  /** Voices the SVD is fitted on (all of them when there are fewer); every voice is placed. */
  svdSample?: number;
}

/**
 * What a word's vector is looked up by (the word as written, then its lemma) and weighted by (its
 * part of speech).
 */
export type WordKeys = Pick<Word, 'text' | 'lemma' | 'partOfSpeech'>;

/**
 * How much a word counts in its voice's mean word vector, by part of speech (1 for any other).
 * What people say about a thing ("kind", "late", "rude") tells themes apart more than the thing
 * named ("staff", "ambulance") or what was done: on the NHS FFT comments these weights lift draft
 * themes' NMI from 0.273 to 0.289 over 24 seeds (bench/README.md, "Themes").
 */
const PART_OF_SPEECH_WEIGHT: Readonly<Record<string, number>> = { ADJ: 2, NOUN: 0.8, VERB: 0.7 };

/** The telling words of each voice (see `tellingWords`), whose vectors make its mean. */
export const tellingWordsOf = (voices: readonly AnalysedVoice[]): WordKeys[][] =>
  voices.map((voice) => [...tellingWords(voice.words)]);

/**
 * Each voice's mean word vector (from its telling words), words weighted by rarity among the
 * voices and by part of speech, less the direction
 * all means share (Arora, Liang & Ma 2017), which otherwise makes every pair of voices look alike.
 * `copies[i]` is how many voices voice i stands for (1 each when not given).
 */
export function meanWordVectors(
  content: readonly (readonly WordKeys[])[],
  wordVectors: WordVectors,
  copies?: ArrayLike<number>,
): Dense {
  const voicesWith = new Map<string, number>();
  let total = 0;
  content.forEach((words, r) => {
    const times = copies?.[r] ?? 1;
    total += times;
    for (const lemma of new Set(words.map((w) => w.lemma))) {
      voicesWith.set(lemma, (voicesWith.get(lemma) ?? 0) + times);
    }
  });
  const means = dense(content.length, wordVectors.dimensions);
  content.forEach((words, r) => {
    const mean = row(means, r);
    for (const word of words) {
      const vector =
        wordVectors.vectorOf(word.text.toLowerCase()) ?? wordVectors.vectorOf(word.lemma);
      if (vector === undefined) continue;
      const rarity = Math.log((1 + total) / (1 + (voicesWith.get(word.lemma) ?? 0))) + 1;
      const weight = rarity * (PART_OF_SPEECH_WEIGHT[word.partOfSpeech] ?? 1);
      for (let j = 0; j < mean.length; j++) mean[j] = (mean[j] ?? 0) + weight * (vector[j] ?? 0);
    }
  });
  normaliseRows(means);
  removeCommonDirection(means, copies);
  normaliseRows(means);
  return means;
}

/**
 * Removes from every row its part along the first principal direction of the rows (each counted
 * `copies` times), found by power iteration on MᵀM (columns × columns, so a pass costs nothing
 * however many rows there are).
 */
function removeCommonDirection(matrix: Dense, copies?: ArrayLike<number>): void {
  // Rows scaled by the square root of their copies give MᵀM as if every copy were there.
  const counted = dense(matrix.rows, matrix.columns);
  for (let r = 0; r < matrix.rows; r++) {
    const scale = Math.sqrt(copies?.[r] ?? 1);
    const from = row(matrix, r);
    const to = row(counted, r);
    for (let j = 0; j < from.length; j++) to[j] = (from[j] ?? 0) * scale;
  }
  const gram = transposeTimes(counted, counted);
  let direction = new Float64Array(matrix.columns);
  for (let r = 0; r < matrix.rows; r++) {
    const values = row(matrix, r);
    const times = copies?.[r] ?? 1;
    for (let j = 0; j < values.length; j++)
      direction[j] = (direction[j] ?? 0) + times * (values[j] ?? 0);
  }
  for (let iteration = 0; iteration < 30; iteration++) {
    const norm = Math.sqrt(dot(direction, direction));
    if (norm === 0) return;
    direction = direction.map((v) => v / norm);
    const next = new Float64Array(matrix.columns);
    for (let i = 0; i < next.length; i++) next[i] = dot(row(gram, i), direction);
    direction = next;
  }
  const norm = Math.sqrt(dot(direction, direction));
  if (norm === 0) return;
  direction = direction.map((v) => v / norm);
  for (let r = 0; r < matrix.rows; r++) {
    const values = row(matrix, r);
    const along = dot(values, direction);
    for (let j = 0; j < values.length; j++)
      values[j] = (values[j] ?? 0) - along * (direction[j] ?? 0);
  }
}

/** Voices read from the same text, each distinct analysis once with its copies. */
export interface DistinctAnalyses {
  distinct: AnalysedVoice[];
  /** How many voices each distinct analysis stands for. */
  copies: Int32Array;
  /** The distinct analysis of each voice. */
  rowOf: Int32Array;
}

/** Voices read from the same text share their analysis: each distinct one once, with its copies. */
export function distinctAnalyses(voices: readonly AnalysedVoice[]): DistinctAnalyses {
  const index = new Map<AnalysedVoice, number>();
  const rowOf = Int32Array.from(voices, (voice) => {
    const known = index.get(voice);
    if (known !== undefined) return known;
    index.set(voice, index.size);
    return index.size - 1;
  });
  const copies = new Int32Array(index.size);
  for (const r of rowOf) copies[r] = (copies[r] ?? 0) + 1;
  return { distinct: [...index.keys()], copies, rowOf };
}

/** The TF-IDF side of the voices' vectors, before their word vectors are joined. */
export interface ReducedVoices extends DistinctAnalyses {
  tfidf: TfIdf;
  /** The distinct voices' TF-IDF rows along the SVD's directions, unit length. */
  reduced: Dense;
}

export function voiceVectors(
  voices: readonly AnalysedVoice[],
  random: Random,
  options: VectorOptions = {},
): VoiceVectors {
  const reduced = reducedVoices(distinctAnalyses(voices), random, options);
  const { wordVectors, wordVectorWeight = 0.5 } = options;
  const means =
    wordVectors === undefined
      ? undefined
      : meanWordVectors(tellingWordsOf(reduced.distinct), wordVectors, reduced.copies);
  return withWordMeans(reduced, means, wordVectorWeight);
}

/**
 * Each distinct voice's TF-IDF row, reduced by a randomised SVD: the work is done once per
 * distinct analysis, each counted as often as it was said.
 */
export function reducedVoices(
  { distinct, copies, rowOf }: DistinctAnalyses,
  random: Random,
  { dimensions = 100, svdSample = 10_000 }: VectorOptions = {},
): ReducedVoices {
  const voices = rowOf.length;
  const weights = tfidf(
    distinct.map((voice) => voiceTerms(voice.words)),
    voices >= 20 ? 2 : 1,
    copies,
  );
  const { matrix } = weights;
  // The SVD's directions are found on a sample of the voices and every voice is placed along
  // them, which keeps 100,000 voices to seconds and changes nothing for fewer than the sample.
  const sampled =
    voices <= svdSample
      ? [...rowOf]
      : shuffledIndices(voices, random)
          .slice(0, svdSample)
          .map((r) => rowOf[r] ?? 0);
  const reduced =
    matrix.columns === 0
      ? dense(distinct.length, 1)
      : sparseTimesDense(
          matrix,
          randomisedSvd(eachRowOnce(matrix, sampled), dimensions, random).directions,
        );
  normaliseRows(reduced);
  return { distinct, copies, rowOf, tfidf: weights, reduced };
}

/**
 * The rows listed, each once and scaled by the square root of how often it is listed: the SVD
 * of these has the same directions as that of every copy (XᵀX is the same), for less work.
 */
function eachRowOnce(matrix: SparseRows, listed: readonly number[]): SparseRows {
  const times = new Map<number, number>();
  for (const r of listed) times.set(r, (times.get(r) ?? 0) + 1);
  const rows = [...times.keys()];
  const once = pickSparseRows(matrix, rows);
  rows.forEach((r, to) => {
    const scale = Math.sqrt(times.get(r) ?? 1);
    for (let at = once.start[to] ?? 0; at < (once.start[to + 1] ?? 0); at++)
      once.value[at] = (once.value[at] ?? 0) * scale;
  });
  return once;
}

/** The voices' vectors: their reduced TF-IDF rows, joined with their mean word vectors if given. */
export function withWordMeans(
  { reduced, rowOf, tfidf: weights }: ReducedVoices,
  means: Dense | undefined,
  wordVectorWeight: number,
): VoiceVectors {
  const joined = means === undefined ? reduced : joinVectors(reduced, means, wordVectorWeight);
  // Worked out once a distinct voice, then looked up for each voice that said it.
  const rowHasContent = Array.from({ length: joined.rows }, (_, r) => {
    for (let at = r * joined.columns, end = at + joined.columns; at < end; at++)
      if (joined.data[at] !== 0) return true;
    return false;
  });
  const hasContent = Array.from(rowOf, (r) => rowHasContent[r] === true);
  return { distinct: joined, rowOf, hasContent, tfidf: weights };
}

/** Rows of unit a and b side by side, weighted so the cosine of two rows mixes theirs, then unit. */
export function joinVectors(a: Dense, b: Dense, weightOfB: number): Dense {
  const joined = dense(a.rows, a.columns + b.columns);
  const scaleA = Math.sqrt(1 - weightOfB);
  const scaleB = Math.sqrt(weightOfB);
  const width = joined.columns;
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < a.columns; j++)
      joined.data[r * width + j] = (a.data[r * a.columns + j] ?? 0) * scaleA;
    for (let j = 0; j < b.columns; j++)
      joined.data[r * width + a.columns + j] = (b.data[r * b.columns + j] ?? 0) * scaleB;
  }
  normaliseRows(joined);
  return joined;
}

/** The rows of `matrix` listed in `rows`, as a new matrix. */
export function pickRows(matrix: Dense, rows: ArrayLike<number>): Dense {
  const picked = dense(rows.length, matrix.columns);
  for (let to = 0; to < rows.length; to++) row(picked, to).set(row(matrix, rows[to] ?? 0));
  return picked;
}
