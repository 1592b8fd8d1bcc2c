// Sentence vectors for every distinct text from a sentence encoder run on a sample of them only.
// The encoder (the Universal Sentence Encoder lite, see platform/sentence-encoder/) reads a
// whole sentence, so it tells apart what bags of words cannot; but it costs about 7.5 ms of CPU a
// text, 12 minutes for 100,000. So it reads a seeded sample of the texts (all of them when there
// are few), a ridge regression learns from that sample a vector for each of the encoder's own
// sub-word pieces (what the piece adds to a sentence's vector), and every text gets the weighted
// mean of its pieces' vectors. On the FFT comments this kept the gain of the full encoder
// (bench/README.md, "Themes"). Pure: the encoder is passed in, and every choice is seeded.
import { type Dense, dense, orthonormalBasis, row, times, transposeTimes } from './matrix.ts';
import { type Random, gaussian, shuffledIndices } from './random.ts';

/**
 * A sentence encoder, loaded by the caller (loading a model is I/O). Both methods must give the
 * same answer for the same text every time.
 */
export interface SentenceEncoder {
  /** The encoder's sub-word pieces of a text, as whole numbers from 0. */
  pieces(text: string): readonly number[];
  /** One vector per text, in order (any length; rows are made unit here). */
  encode(texts: readonly string[]): Promise<Dense>;
}

export interface SentenceVectorOptions {
  /** Texts the encoder reads; with this many different texts or fewer it reads them all. */
  sample: number;
  /** Dimensions kept: the sample's main directions, so that k-means stays fast at 100,000. */
  dimensions: number;
  /** Ridge penalty of the fit from pieces to sentence vectors. */
  penalty: number;
}

export const SENTENCE_DEFAULTS: SentenceVectorOptions = {
  sample: 1000,
  dimensions: 100,
  penalty: 0.01,
};

/** Power iterations finding the sample's main directions (4 settle 100 of 512 closely). */
const POWER_ITERATIONS = 4;

/**
 * A unit vector for each text (a zero row for one with nothing to read, or when `skip` says so):
 * texts of the sample as fitted, the others from their pieces.
 */
export async function sentenceVectors(
  texts: readonly string[],
  skip: (r: number) => boolean,
  encoder: SentenceEncoder,
  random: Random,
  options: SentenceVectorOptions = SENTENCE_DEFAULTS,
): Promise<Dense> {
  const bags = texts.map((text, r) => (skip(r) ? new Map<number, number>() : pieceCounts(text)));
  const readable = bags.flatMap((bag, r) => (bag.size > 0 ? [r] : []));
  // Rarer pieces weigh more, as in TF-IDF: "rude" tells more than "the".
  const df = new Map<number, number>();
  for (const bag of bags) for (const piece of bag.keys()) df.set(piece, (df.get(piece) ?? 0) + 1);
  const weightsOf = (bag: Map<number, number>): Map<number, number> => {
    const weights = new Map<number, number>();
    let total = 0;
    for (const [piece, count] of bag) {
      const w = count * Math.log((readable.length + 1) / ((df.get(piece) ?? 0) + 1));
      weights.set(piece, w);
      total += w;
    }
    if (total > 0) for (const [piece, w] of weights) weights.set(piece, w / total);
    return weights;
  };
  const sample =
    readable.length <= options.sample
      ? readable
      : shuffledIndices(readable.length, random)
          .slice(0, options.sample)
          .sort((a, b) => a - b)
          .map((i) => readable[i] ?? 0);
  const out = dense(texts.length, options.dimensions);
  if (sample.length === 0) return out;
  const encoded = await encoder.encode(sample.map((r) => texts[r] ?? ''));
  const targets = mainDirections(unitRows(encoded), options.dimensions, random);
  const rowsOfSample = sample.map((r) => weightsOf(bags[r] ?? new Map<number, number>()));
  const pieceVectors = ridgeFit(rowsOfSample, targets, options.penalty);
  bags.forEach((bag, r) => {
    if (bag.size === 0) return;
    const target = row(out, r);
    for (const [piece, w] of weightsOf(bag)) {
      const source = pieceVectors.get(piece);
      if (source !== undefined)
        for (let j = 0; j < target.length; j++) target[j] = (target[j] ?? 0) + w * (source[j] ?? 0);
    }
    const norm = Math.hypot(...target);
    if (norm > 0) for (let j = 0; j < target.length; j++) target[j] = (target[j] ?? 0) / norm;
  });
  return out;

  function pieceCounts(text: string): Map<number, number> {
    const counts = new Map<number, number>();
    for (const piece of encoder.pieces(text)) counts.set(piece, (counts.get(piece) ?? 0) + 1);
    return counts;
  }
}

function unitRows(matrix: Dense): Dense {
  const out = dense(matrix.rows, matrix.columns);
  for (let r = 0; r < matrix.rows; r++) {
    const source = row(matrix, r);
    const norm = Math.hypot(...source) || 1;
    row(out, r).set(source.map((v) => v / norm));
  }
  return out;
}

/**
 * The rows, less their mean, along their `dimensions` main directions (by power iteration on
 * their covariance; any orthonormal basis of those directions gives the same cosines).
 */
function mainDirections(rows: Dense, dimensions: number, random: Random): Dense {
  const centred = dense(rows.rows, rows.columns);
  const mean = new Float64Array(rows.columns);
  for (let r = 0; r < rows.rows; r++)
    row(rows, r).forEach((v, j) => (mean[j] = (mean[j] ?? 0) + v / rows.rows));
  for (let r = 0; r < rows.rows; r++)
    row(centred, r).set(row(rows, r).map((v, j) => v - (mean[j] ?? 0)));
  if (dimensions >= rows.columns) return centred;
  const covariance = transposeTimes(centred, centred);
  const normal = gaussian(random);
  let basis = dense(rows.columns, dimensions);
  for (let i = 0; i < basis.data.length; i++) basis.data[i] = normal();
  for (let i = 0; i < POWER_ITERATIONS; i++) basis = orthonormalBasis(times(covariance, basis));
  return times(centred, basis);
}

/**
 * Each piece's vector from the sample's weighted pieces X (one map a text) and their targets Y:
 * W = Xᵀ (X Xᵀ + λ I)⁻¹ Y, solved in the sample's n × n form (n ≤ a few thousand) by Cholesky.
 */
function ridgeFit(
  x: readonly Map<number, number>[],
  y: Dense,
  penalty: number,
): Map<number, Float64Array> {
  const n = x.length;
  const k = y.columns;
  const gram = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const xa = x[a] ?? new Map<number, number>();
      const xb = x[b] ?? new Map<number, number>();
      const [small, large] = xa.size <= xb.size ? [xa, xb] : [xb, xa];
      let s = 0;
      for (const [piece, v] of small) s += v * (large.get(piece) ?? 0);
      gram[a * n + b] = s + (a === b ? penalty : 0);
    }
  }
  // Lower triangle L with L Lᵀ = gram, in place.
  for (let j = 0; j < n; j++) {
    let d = gram[j * n + j] ?? 0;
    for (let m = 0; m < j; m++) d -= (gram[j * n + m] ?? 0) ** 2;
    const pivot = Math.sqrt(Math.max(d, 1e-12));
    gram[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = gram[i * n + j] ?? 0;
      for (let m = 0; m < j; m++) s -= (gram[i * n + m] ?? 0) * (gram[j * n + m] ?? 0);
      gram[i * n + j] = s / pivot;
    }
  }
  const alpha = Float64Array.from(y.data);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < i; m++) {
      const l = gram[i * n + m] ?? 0;
      if (l !== 0)
        for (let j = 0; j < k; j++) {
          alpha[i * k + j] = (alpha[i * k + j] ?? 0) - l * (alpha[m * k + j] ?? 0);
        }
    }
    const d = gram[i * n + i] ?? 1;
    for (let j = 0; j < k; j++) alpha[i * k + j] = (alpha[i * k + j] ?? 0) / d;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let m = i + 1; m < n; m++) {
      const l = gram[m * n + i] ?? 0;
      if (l !== 0)
        for (let j = 0; j < k; j++) {
          alpha[i * k + j] = (alpha[i * k + j] ?? 0) - l * (alpha[m * k + j] ?? 0);
        }
    }
    const d = gram[i * n + i] ?? 1;
    for (let j = 0; j < k; j++) alpha[i * k + j] = (alpha[i * k + j] ?? 0) / d;
  }
  const vectors = new Map<number, Float64Array>();
  x.forEach((weights, r) => {
    for (const [piece, v] of weights) {
      let vector = vectors.get(piece);
      if (vector === undefined) vectors.set(piece, (vector = new Float64Array(k)));
      for (let j = 0; j < k; j++) vector[j] = (vector[j] ?? 0) + v * (alpha[r * k + j] ?? 0);
    }
  });
  return vectors;
}
