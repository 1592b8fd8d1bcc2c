// One-vs-rest logistic regression on voice vectors: a yes/no model per theme, trained on the
// voices people coded by hand. Full-batch gradient descent with Nesterov momentum from zero
// weights, so training is deterministic without any random source.
import { type Dense, dense, transposed } from './matrix.ts';

export interface LogisticOptions {
  /** L2 penalty on the weights, per training voice. */
  penalty?: number;
  iterations?: number;
}

export interface OneVsRest {
  labels: number;
  /** One row of weights per label, its bias last (labels × (features + 1)). */
  weights: Dense;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Sum of a[from + j] · b[at + j] over j < length, four at a time. */
function dotAt(a: Float64Array, from: number, b: Float64Array, at: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= length; j += 4) {
    s0 += (a[from + j] ?? 0) * (b[at + j] ?? 0);
    s1 += (a[from + j + 1] ?? 0) * (b[at + j + 1] ?? 0);
    s2 += (a[from + j + 2] ?? 0) * (b[at + j + 2] ?? 0);
    s3 += (a[from + j + 3] ?? 0) * (b[at + j + 3] ?? 0);
  }
  for (; j < length; j++) s0 += (a[from + j] ?? 0) * (b[at + j] ?? 0);
  return s0 + s1 + s2 + s3;
}

/**
 * out[o + t·step] = a[from + t·width .. + length] · b[at .. + length] for t = 0..3: four rows of a
 * against one run of b, so each value of b is read once for four sums.
 */
function fourDots(
  a: Float64Array,
  from: number,
  width: number,
  b: Float64Array,
  at: number,
  length: number,
  out: Float64Array,
  o: number,
  step: number,
): void {
  const a0 = from;
  const a1 = from + width;
  const a2 = a1 + width;
  const a3 = a2 + width;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let j = 0; j < length; j++) {
    const v = b[at + j] ?? 0;
    s0 += v * (a[a0 + j] ?? 0);
    s1 += v * (a[a1 + j] ?? 0);
    s2 += v * (a[a2 + j] ?? 0);
    s3 += v * (a[a3 + j] ?? 0);
  }
  out[o] = s0;
  out[o + step] = s1;
  out[o + 2 * step] = s2;
  out[o + 3 * step] = s3;
}

/** Each row of x scored by each label's weights and bias, into `out` (rows × labels). */
function scores(x: Dense, weights: Dense, out: Float64Array): void {
  const d = x.columns;
  const width = weights.columns;
  const labels = weights.rows;
  for (let i = 0; i < x.rows; i++) {
    const o = i * labels;
    let l = 0;
    for (; l + 4 <= labels; l += 4)
      fourDots(weights.data, l * width, width, x.data, i * d, d, out, o + l, 1);
    // A label outside the runs of four is summed in the same order as those inside them, so a
    // label's scores do not depend on how many labels are trained beside it.
    for (; l < labels; l++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += (weights.data[l * width + j] ?? 0) * (x.data[i * d + j] ?? 0);
      out[o + l] = s;
    }
    for (l = 0; l < labels; l++)
      out[o + l] = (out[o + l] ?? 0) + (weights.data[l * width + d] ?? 0);
  }
}

/**
 * Xᵀ·errors with a row of ones for the bias, as labels × (features + 1), into `gradient`; from
 * xᵀ (features × rows) and the errors label by label (labels × rows), so each entry is a dot
 * product of two runs of memory.
 */
function gradientOf(xt: Dense, errors: Float64Array, gradient: Dense): void {
  const n = xt.columns;
  const d = xt.rows;
  const width = gradient.columns;
  for (let l = 0; l < gradient.rows; l++) {
    const e = l * n;
    const g = l * width;
    let j = 0;
    for (; j + 4 <= d; j += 4) fourDots(xt.data, j * n, n, errors, e, n, gradient.data, g + j, 1);
    for (; j < d; j++) gradient.data[g + j] = dotAt(xt.data, j * n, errors, e, n);
    let bias = 0;
    for (let i = 0; i < n; i++) bias += errors[e + i] ?? 0;
    gradient.data[g + d] = bias;
  }
}

/**
 * Trains on rows x with labels[i] the set of label indices of row i (0..labelCount-1). Each step
 * scores every row by every label, then sums the errors back into the gradient.
 */
export function trainOneVsRest(
  x: Dense,
  labels: readonly (readonly number[])[],
  labelCount: number,
  { penalty = 1e-3, iterations = 100 }: LogisticOptions = {},
): OneVsRest {
  const n = x.rows;
  const d = x.columns;
  const target = new Float64Array(n * labelCount);
  labels.forEach((set, i) => {
    for (const l of set) target[i * labelCount + l] = 1;
  });
  let squaredNorm = 0;
  for (let i = 0; i < n; i++) {
    let s = 1;
    for (let j = 0; j < d; j++) s += (x.data[i * d + j] ?? 0) ** 2;
    squaredNorm = Math.max(squaredNorm, s);
  }
  // 1 / the Lipschitz constant of the mean log-loss gradient, so every step is safe.
  const step = 1 / (0.25 * squaredNorm + penalty);
  const width = d + 1;
  let previous = dense(labelCount, width);
  let next = dense(labelCount, width);
  const lookahead = dense(labelCount, width);
  const gradient = dense(labelCount, width);
  const xt = transposed(x);
  const z = new Float64Array(n * labelCount);
  const errors = new Float64Array(n * labelCount);
  for (let t = 1; t <= iterations; t++) {
    scores(x, lookahead, z);
    for (let i = 0; i < n; i++) {
      for (let l = 0; l < labelCount; l++) {
        const k = i * labelCount + l;
        errors[l * n + i] = sigmoid(z[k] ?? 0) - (target[k] ?? 0);
      }
    }
    gradientOf(xt, errors, gradient);
    const momentum = (t - 1) / (t + 2);
    for (let k = 0; k < next.data.length; k++) {
      const w = lookahead.data[k] ?? 0;
      const isBias = k % width === d;
      const g = (gradient.data[k] ?? 0) / Math.max(1, n) + (isBias ? 0 : penalty * w);
      next.data[k] = w - step * g;
    }
    for (let k = 0; k < next.data.length; k++) {
      const w = next.data[k] ?? 0;
      lookahead.data[k] = w + momentum * (w - (previous.data[k] ?? 0));
    }
    [previous, next] = [next, previous];
  }
  return { labels: labelCount, weights: previous };
}

/** The probability of each label for each row of x (rows × labels). */
export function predictOneVsRest(x: Dense, model: OneVsRest): Dense {
  const z = dense(x.rows, model.labels);
  scores(x, model.weights, z.data);
  for (let k = 0; k < z.data.length; k++) z.data[k] = sigmoid(z.data[k] ?? 0);
  return z;
}
