// The parts shared by the triage classifiers (individual concern, safeguarding): the words of a
// voice as features, logistic regression trained by a fixed number of full-batch steps, scoring
// with the features that pushed hardest, and the model file's layout.
// Pure and deterministic: the same examples give the same weights, to the last digit, because
// training runs full-batch gradient descent for a fixed number of steps in a fixed order.
import { foldText } from './text-match.ts';

/** What every trained model holds: plain JSON, so it can be shipped or stored. */
export interface LinearModel {
  bias: number;
  /** Feature → weight, keys sorted. `w:` a word, `b:` two words; a classifier may add its own. */
  weights: Record<string, number>;
}

export interface FeatureReason {
  /** A feature as the model sees it (`w:wait`, `b:my direct`). */
  feature: string;
  /** How far it moved the log-odds towards the label. */
  contribution: number;
}

export interface FitOptions {
  /** L2 penalty, towards the prior's weights when there is one, else towards zero. */
  penalty: number;
  prior?: LinearModel | undefined;
  /** Features learnt however rarely they occur (say, a rule's signals). */
  alwaysLearn?: (feature: string) => boolean;
}

const STEPS = 1000;
const MOMENTUM = 0.9;
// A feature must appear in two examples to be learnt: one-off words only memorise a row.
const MIN_EXAMPLES_PER_FEATURE = 2;
// Weights are kept to 4 decimals so the shipped file is small and retraining matches it exactly.
const DECIMALS = 1e4;

// Light normalisation: "waiting", "waited" and "waits" are one word to a model this small.
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-cased words without apostrophes ("I've" → "ive"), numbers as `#n`, references `#ref`. */
export function classifierWords(text: string): string[] {
  return foldText(text)
    .replaceAll("'", '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '')
    .map((token) => {
      if (/^\d{1,3}$/.test(token)) return '#n';
      if (/\d/.test(token)) return '#ref';
      return stem(token);
    });
}

/**
 * Each word and pair of words of a voice once, scaled so the words of a long voice weigh no more
 * than those of a short one.
 */
export function wordFeatures(text: string): Map<string, number> {
  const words = classifierWords(text);
  const textual = new Set<string>();
  words.forEach((word, i) => {
    textual.add(`w:${word}`);
    const next = words[i + 1];
    if (next !== undefined) textual.add(`b:${word} ${next}`);
  });
  const features = new Map<string, number>();
  const scale = textual.size === 0 ? 0 : 1 / Math.sqrt(textual.size);
  for (const feature of textual) features.set(feature, scale);
  return features;
}

interface Row {
  indices: number[];
  values: number[];
  label: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const round = (value: number): number => Math.round(value * DECIMALS) / DECIMALS || 0;

// The features the model learns: those seen often enough, the prior's, and those always learnt.
function vocabulary(featureSets: readonly Map<string, number>[], options: FitOptions): string[] {
  const seen = new Map<string, number>();
  for (const features of featureSets) {
    for (const feature of features.keys()) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  }
  const kept = new Set(Object.keys(options.prior?.weights ?? {}));
  for (const [feature, count] of seen) {
    if (options.alwaysLearn?.(feature) || count >= MIN_EXAMPLES_PER_FEATURE) kept.add(feature);
  }
  return [...kept].sort();
}

/**
 * Logistic regression on feature sets and their labels. Full-batch gradient descent with Nesterov
 * momentum for a fixed number of steps, from the prior or from zero: no randomness, so the same
 * examples in the same order give the same weights. Weights rounding to 0 are dropped.
 */
export function fitLogistic(
  featureSets: readonly Map<string, number>[],
  labels: readonly boolean[],
  options: FitOptions,
): LinearModel {
  const { penalty } = options;
  const features = vocabulary(featureSets, options);
  const index = new Map(features.map((feature, i) => [feature, i]));
  const rows: Row[] = featureSets.map((set, i) => {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [feature, value] of set) {
      const at = index.get(feature);
      if (at !== undefined) {
        indices.push(at);
        values.push(value);
      }
    }
    return { indices, values, label: labels[i] ? 1 : 0 };
  });

  const prior = Float64Array.from(features, (feature) => options.prior?.weights[feature] ?? 0);
  const weights = Float64Array.from(prior);
  let bias = options.prior?.bias ?? 0;
  const velocity = new Float64Array(features.length);
  let biasVelocity = 0;
  const gradient = new Float64Array(features.length);
  const n = Math.max(1, rows.length);
  // 1 / (a bound on the loss's curvature), so no set of voices can make the steps diverge.
  const squaredNorms = rows.map((row) => row.values.reduce((sum, value) => sum + value * value, 1));
  const stepSize = 1 / (Math.max(1, ...squaredNorms) / 4 + penalty);
  for (let step = 0; step < STEPS; step++) {
    const ahead = weights.map((w, j) => w + MOMENTUM * (velocity[j] ?? 0));
    const biasAhead = bias + MOMENTUM * biasVelocity;
    for (let j = 0; j < features.length; j++) {
      gradient[j] = penalty * ((ahead[j] ?? 0) - (prior[j] ?? 0));
    }
    let biasGradient = 0;
    for (const row of rows) {
      let z = biasAhead;
      row.indices.forEach((j, k) => (z += (ahead[j] ?? 0) * (row.values[k] ?? 0)));
      const error = (sigmoid(z) - row.label) / n;
      biasGradient += error;
      row.indices.forEach((j, k) => {
        gradient[j] = (gradient[j] ?? 0) + error * (row.values[k] ?? 0);
      });
    }
    for (let j = 0; j < features.length; j++) {
      const v = MOMENTUM * (velocity[j] ?? 0) - stepSize * (gradient[j] ?? 0);
      velocity[j] = v;
      weights[j] = (weights[j] ?? 0) + v;
    }
    biasVelocity = MOMENTUM * biasVelocity - stepSize * biasGradient;
    bias += biasVelocity;
  }

  const kept: Record<string, number> = {};
  features.forEach((feature, j) => {
    const weight = round(weights[j] ?? 0);
    if (weight !== 0) kept[feature] = weight;
  });
  return { bias: round(bias), weights: kept };
}

/** The probability (to 3 decimals) and the five features that pushed most towards the label. */
export function scoreFeatures(
  model: LinearModel,
  features: ReadonlyMap<string, number>,
): { score: number; reasons: FeatureReason[] } {
  let z = model.bias;
  const contributions: FeatureReason[] = [];
  for (const [feature, value] of features) {
    const weight = model.weights[feature];
    if (weight === undefined) continue;
    z += weight * value;
    contributions.push({ feature, contribution: round(weight * value) });
  }
  const score = Math.round(sigmoid(z) * 1000) / 1000;
  const reasons = contributions
    .filter((reason) => reason.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature))
    .slice(0, 5);
  return { score, reasons };
}

/** `<kind>:<examples>:<hash of the weights>`: names a model, recorded with every suggestion. */
export function modelVersion(kind: string, examples: number, model: LinearModel): string {
  return `${kind}:${examples}:${fnv1a(JSON.stringify([model.bias, model.weights]))}`;
}

// FNV-1a, 32 bits: a short, stable name for a set of weights (not a security measure).
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The file as written: one feature a line, so a retrained model reviews as a readable diff. */
export function serialiseModel(model: LinearModel): string {
  const { weights, ...head } = model;
  const lines = Object.entries(weights).map(
    ([feature, weight]) => `    ${JSON.stringify(feature)}: ${JSON.stringify(weight)}`,
  );
  const top = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`,
  );
  return `{\n${top.join('\n')}\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/**
 * Reads the parts every stored model has, checking their shape: `fail` is called with what is
 * wrong. The version must start with `<kind>:`.
 */
export function readLinearModel(
  json: unknown,
  kind: string,
  fail: (problem: string) => never,
): {
  record: Record<string, unknown>;
  version: string;
  examples: number;
  positives: number;
} & LinearModel {
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const record = json as Record<string, unknown>;
  const { version, examples, positives, bias, weights } = record;
  if (typeof version !== 'string' || !version.startsWith(`${kind}:`)) {
    return fail(`version ${String(version)}`);
  }
  if (typeof examples !== 'number' || typeof positives !== 'number' || typeof bias !== 'number') {
    return fail('examples, positives and bias must be numbers');
  }
  if (typeof weights !== 'object' || weights === null) return fail('weights must be an object');
  const read: Record<string, number> = {};
  for (const [feature, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) return fail(`weight of ${feature}`);
    read[feature] = weight;
  }
  return { record, version, examples, positives, bias, weights: read };
}
