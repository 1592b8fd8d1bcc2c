// A text classifier for individual concerns (issue 6): logistic regression over the words of a
// voice and the signals of the rules, trained on the decisions advocates record. It only
// suggests, like the rules: an advocate confirms, and a person's decision always wins.
// Pure and deterministic; the training itself is in text-classifier.ts.
import shippedModel from './concern-model.json' with { type: 'json' };
import { CONCERN_RULES_VERSION, suggestIndividualConcern } from './individual-concern.ts';
import {
  type FeatureReason,
  classifierWords,
  fitLogistic,
  modelVersion,
  readLinearModel,
  scoreFeatures,
  wordFeatures,
} from './text-classifier.ts';

const CONCERN_MODEL_KIND = 'concern-lr-1';

export interface ConcernExample {
  text: string;
  concern: boolean;
}

/** A trained model: plain JSON, so it can be shipped as a file or stored in the database. */
export interface ConcernModel {
  /** `concern-lr-1:<examples>:<hash of the weights>`, recorded with every suggestion. */
  version: string;
  /** The rules version whose signals are features (retrain when it changes), or null: words only. */
  ruleSignals: string | null;
  examples: number;
  positives: number;
  bias: number;
  /** Feature → weight, keys sorted. `w:` a word, `b:` two words, `r:` a rule signal. */
  weights: Record<string, number>;
}

/** A feature (`w:wait`, `b:my direct`, `r:own-case`) and how far it moved the log-odds. */
export type ConcernModelReason = FeatureReason;

export interface ConcernPrediction {
  suggested: boolean;
  /** Probability of an individual concern, 0..1. */
  score: number;
  version: string;
  /** The features that pushed most towards a concern, strongest first (at most 5). */
  reasons: ConcernModelReason[];
}

export interface TrainingOptions {
  /**
   * A model to stay close to: the penalty pulls weights towards the prior's instead of towards
   * zero, so a deployment's decisions adjust the starter model rather than replace it.
   */
  prior?: ConcernModel;
  /** Whether the rules' signals and score are features (default: as the prior, else true). */
  ruleSignals?: boolean;
  /** L2 penalty (default 0.002). */
  penalty?: number;
}

// The penalty was the best by 5-fold cross-validation on the first 380 rows of the starter set
// among 0.0005 to 0.03 (F1 0.885 to 0.898 up to 0.008, 0.828 at 0.03), with the classes
// unweighted (weighting them equally cost about 0.03). 1,000 steps give the same weights, to
// 4 decimals, as 5,000.
const PENALTY = 0.002;
const THRESHOLD = 0.5;

/** Under this many of each (concern, not a concern), a deployment keeps the shipped model. */
export const MIN_LOCAL_DECISIONS = 30;

/** Lower-cased words without apostrophes ("I've" → "ive"), numbers as `#n`, references `#ref`. */
export const concernWords = classifierWords;

/**
 * The features of a voice with their values: its words (see text-classifier.ts), and the rule
 * signals at full weight.
 */
function concernFeatures(text: string, ruleSignals: boolean): Map<string, number> {
  const features = wordFeatures(text);
  if (!ruleSignals) return features;
  const rules = suggestIndividualConcern(text);
  for (const reason of rules.reasons) features.set(`r:${reason.signal}`, 1);
  features.set('r:score', rules.score);
  return features;
}

/**
 * Trains a model on examples: the starter set, or a deployment's decisions with the shipped
 * model as the prior. Every rule signal raised is learnt, so a signal that fires rarely still has
 * a weight to move.
 */
export function trainConcernModel(
  examples: readonly ConcernExample[],
  options: TrainingOptions = {},
): ConcernModel {
  const ruleSignals =
    options.ruleSignals ?? (options.prior ? options.prior.ruleSignals !== null : true);
  const { bias, weights } = fitLogistic(
    examples.map((example) => concernFeatures(example.text, ruleSignals)),
    examples.map((example) => example.concern),
    {
      penalty: options.penalty ?? PENALTY,
      prior: options.prior,
      alwaysLearn: (feature) => feature.startsWith('r:'),
    },
  );
  const model = {
    ruleSignals: ruleSignals ? CONCERN_RULES_VERSION : null,
    examples: examples.length,
    positives: examples.filter((example) => example.concern).length,
    bias,
    weights,
  };
  return { version: modelVersion(CONCERN_MODEL_KIND, model.examples, model), ...model };
}

/** The model's suggestion for one voice, with the features that pushed it towards a concern. */
export function predictConcern(model: ConcernModel, text: string): ConcernPrediction {
  const { score, reasons } = scoreFeatures(
    model,
    concernFeatures(text, model.ruleSignals !== null),
  );
  return { suggested: score >= THRESHOLD, score, version: model.version, reasons };
}

/**
 * Which model a deployment should suggest with, given its advocates' recorded decisions (one per
 * voice, the latest). Cold start: under MIN_LOCAL_DECISIONS concerns or under that many
 * non-concerns, the shipped model trained on the starter set. After that, the shipped model
 * retrained on the decisions with itself as the prior, so local practice moves it gradually.
 */
export function modelForDecisions(
  decisions: readonly ConcernExample[],
  shipped: ConcernModel = defaultConcernModel(),
): ConcernModel {
  const concerns = decisions.filter((decision) => decision.concern).length;
  const others = decisions.length - concerns;
  if (concerns < MIN_LOCAL_DECISIONS || others < MIN_LOCAL_DECISIONS) return shipped;
  return trainConcernModel(decisions, { prior: shipped });
}

/** Reads a stored model back, checking its shape; throws on anything else. */
export function readConcernModel(json: unknown): ConcernModel {
  const fail = (problem: string): never => {
    throw new Error(`not a concern model: ${problem}`);
  };
  const { record, version, examples, positives, bias, weights } = readLinearModel(
    json,
    CONCERN_MODEL_KIND,
    fail,
  );
  const { ruleSignals } = record;
  if (typeof ruleSignals !== 'string' && ruleSignals !== null) {
    return fail('ruleSignals must name the rules version or be null');
  }
  return { version, ruleSignals, examples, positives, bias, weights };
}

let starterModel: ConcernModel | undefined;

/** The model trained on the starter set (test/fixtures/triage/examples.csv), shipped as data. */
export function defaultConcernModel(): ConcernModel {
  starterModel ??= readConcernModel(shippedModel);
  return starterModel;
}
