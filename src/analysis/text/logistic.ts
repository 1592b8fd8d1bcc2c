// One-vs-rest logistic regression on voice vectors: a yes/no model per theme, trained on the
// voices people coded by hand. Full-batch gradient descent with Nesterov momentum from zero
// weights, so training is deterministic without any random source.
import { type Dense, dense, row, times, transposeTimes } from './matrix.ts';

export interface LogisticOptions {
  /** L2 penalty on the weights, per training voice. */
  penalty?: number;
  iterations?: number;
}

export interface OneVsRest {
  labels: number;
  /** One column of weights per label, the biases in the last row ((features + 1) × labels). */
  weights: Dense;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The rows of x with a 1 appended to each, for the bias. */
function withBias(x: Dense): Dense {
  const out = dense(x.rows, x.columns + 1);
  for (let i = 0; i < x.rows; i++) {
    const target = row(out, i);
    target.set(row(x, i));
    target[x.columns] = 1;
  }
  return out;
}

/**
 * Trains on rows x with labels[i] the set of label indices of row i (0..labelCount-1). Each step
 * is two matrix products (scores X·W, gradient Xᵀ·errors), the fast kernels of the SVD.
 */
export function trainOneVsRest(
  x: Dense,
  labels: readonly (readonly number[])[],
  labelCount: number,
  { penalty = 1e-3, iterations = 300 }: LogisticOptions = {},
): OneVsRest {
  const n = x.rows;
  const d = x.columns;
  const features = withBias(x);
  const target = dense(n, labelCount);
  labels.forEach((set, i) => {
    for (const l of set) target.data[i * labelCount + l] = 1;
  });
  let squaredNorm = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const v of row(features, i)) s += v * v;
    squaredNorm = Math.max(squaredNorm, s);
  }
  // 1 / the Lipschitz constant of the mean log-loss gradient, so every step is safe.
  const step = 1 / (0.25 * squaredNorm + penalty);
  let previous = dense(d + 1, labelCount);
  let lookahead = dense(d + 1, labelCount);
  for (let t = 1; t <= iterations; t++) {
    const errors = times(features, lookahead);
    for (let k = 0; k < errors.data.length; k++)
      errors.data[k] = sigmoid(errors.data[k] ?? 0) - (target.data[k] ?? 0);
    const gradient = transposeTimes(features, errors);
    const next = dense(d + 1, labelCount);
    const momentum = (t - 1) / (t + 2);
    for (let k = 0; k < next.data.length; k++) {
      const w = lookahead.data[k] ?? 0;
      const isBias = k >= d * labelCount;
      const g = (gradient.data[k] ?? 0) / Math.max(1, n) + (isBias ? 0 : penalty * w);
      next.data[k] = w - step * g;
    }
    const ahead = dense(d + 1, labelCount);
    for (let k = 0; k < ahead.data.length; k++) {
      ahead.data[k] =
        (next.data[k] ?? 0) + momentum * ((next.data[k] ?? 0) - (previous.data[k] ?? 0));
    }
    previous = next;
    lookahead = ahead;
  }
  return { labels: labelCount, weights: previous };
}

/** The probability of each label for each row of x (rows × labels). */
export function predictOneVsRest(x: Dense, model: OneVsRest): Dense {
  const z = times(withBias(x), model.weights);
  for (let k = 0; k < z.data.length; k++) z.data[k] = sigmoid(z.data[k] ?? 0);
  return z;
}
