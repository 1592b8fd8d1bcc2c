// One-vs-rest logistic regression on voice vectors: a yes/no model per theme, trained on the
// voices people coded by hand. Full-batch gradient descent with Nesterov momentum from zero
// weights, so training is deterministic without any random source.
import { type Dense, dense, row } from './matrix.ts';

export interface LogisticOptions {
  /** L2 penalty on the weights, per training voice. */
  penalty?: number;
  iterations?: number;
}

export interface OneVsRest {
  labels: number;
  /** One row of weights per label, the bias last. */
  weights: Dense;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Scores (before the sigmoid) of every row of x for every label; flat loops, as this is hot. */
function scores(x: Dense, model: OneVsRest): Dense {
  const out = dense(x.rows, model.labels);
  const d = x.columns;
  const w = model.weights.data;
  const features = x.data;
  for (let i = 0; i < x.rows; i++) {
    const at = i * d;
    for (let l = 0; l < model.labels; l++) {
      const from = l * (d + 1);
      let z = w[from + d] ?? 0;
      for (let j = 0; j < d; j++) z += (w[from + j] ?? 0) * (features[at + j] ?? 0);
      out.data[i * model.labels + l] = z;
    }
  }
  return out;
}

/** Trains on rows x with labels[i] the set of label indices of row i (0..labelCount-1). */
export function trainOneVsRest(
  x: Dense,
  labels: readonly (readonly number[])[],
  labelCount: number,
  { penalty = 1e-3, iterations = 300 }: LogisticOptions = {},
): OneVsRest {
  const n = x.rows;
  const d = x.columns;
  const target = dense(n, labelCount);
  labels.forEach((set, i) => {
    for (const l of set) target.data[i * labelCount + l] = 1;
  });
  let squaredNorm = 0;
  for (let i = 0; i < n; i++) {
    let s = 1;
    for (const v of row(x, i)) s += v * v;
    squaredNorm = Math.max(squaredNorm, s);
  }
  // 1 / the Lipschitz constant of the mean log-loss gradient, so every step is safe.
  const step = 1 / (0.25 * squaredNorm + penalty);
  const weights = dense(labelCount, d + 1);
  let previous = dense(labelCount, d + 1);
  let lookahead: OneVsRest = { labels: labelCount, weights };
  for (let t = 1; t <= iterations; t++) {
    const z = scores(x, lookahead);
    const gradient = dense(labelCount, d + 1);
    const g = gradient.data;
    for (let i = 0; i < n; i++) {
      const at = i * d;
      for (let l = 0; l < labelCount; l++) {
        const error =
          sigmoid(z.data[i * labelCount + l] ?? 0) - (target.data[i * labelCount + l] ?? 0);
        const to = l * (d + 1);
        for (let j = 0; j < d; j++) g[to + j] = (g[to + j] ?? 0) + error * (x.data[at + j] ?? 0);
        g[to + d] = (g[to + d] ?? 0) + error;
      }
    }
    const next = dense(labelCount, d + 1);
    for (let k = 0; k < next.data.length; k++) {
      const w = lookahead.weights.data[k] ?? 0;
      const isBias = k % (d + 1) === d;
      const g = (gradient.data[k] ?? 0) / Math.max(1, n) + (isBias ? 0 : penalty * w);
      next.data[k] = w - step * g;
    }
    const momentum = (t - 1) / (t + 2);
    const ahead = dense(labelCount, d + 1);
    for (let k = 0; k < ahead.data.length; k++) {
      ahead.data[k] =
        (next.data[k] ?? 0) + momentum * ((next.data[k] ?? 0) - (previous.data[k] ?? 0));
    }
    previous = next;
    lookahead = { labels: labelCount, weights: ahead };
  }
  return { labels: labelCount, weights: previous };
}

/** The probability of each label for each row of x (rows × labels). */
export function predictOneVsRest(x: Dense, model: OneVsRest): Dense {
  const z = scores(x, model);
  for (let k = 0; k < z.data.length; k++) z.data[k] = sigmoid(z.data[k] ?? 0);
  return z;
}
