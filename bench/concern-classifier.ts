// Individual-concern precision, recall and F1 of the rules, the trained classifier and their
// combination: on a part of the starter set held apart from training
// (test/fixtures/triage/examples.csv), by 5-fold cross-validation on it, and on rows written
// after the rules were frozen (unseen.csv) or by someone who never saw rules or examples
// (unseen-2.csv). Nothing in the classifier may be tuned on the unseen files.
// Run: npx tsx bench/concern-classifier.ts
import {
  type ConcernModel,
  predictConcern,
  trainConcernModel,
} from '../src/analysis/triage/concern-classifier.ts';
import { suggestIndividualConcern } from '../src/analysis/triage/individual-concern.ts';
import {
  type LabelledVoice,
  crossValidationFolds,
  heldApart,
  readLabelledVoices,
  starterSet,
} from '../scripts/train-concern-model.ts';
import { accuracy } from '../test/triage-examples.ts';

interface Models {
  wordsOnly: ConcernModel;
  withRules: ConcernModel;
}
type Suggester = (models: Models, text: string) => boolean;

const SUGGESTERS: [string, Suggester][] = [
  ['rules alone (rules-1)', (_models, text) => suggestIndividualConcern(text).suggested],
  ['model alone: words only', (models, text) => predictConcern(models.wordsOnly, text).suggested],
  [
    'model: words + rule signals (shipped)',
    (models, text) => predictConcern(models.withRules, text).suggested,
  ],
  [
    'rules or the shipped model',
    (models, text) =>
      suggestIndividualConcern(text).suggested || predictConcern(models.withRules, text).suggested,
  ],
];

// Words alone barely learn at the shipped penalty: 0.0001 was their best by cross-validation on
// the starter set, of 0.0001 to 0.008.
const WORDS_ONLY = { ruleSignals: false, penalty: 0.0001 };

function train(voices: readonly LabelledVoice[]): Models {
  const examples = voices.map(({ text, concern }) => ({ text, concern }));
  return {
    wordsOnly: trainConcernModel(examples, WORDS_ONLY),
    withRules: trainConcernModel(examples),
  };
}

type Predictions = { voice: LabelledVoice; predicted: boolean }[];

const predict = (models: Models, voices: readonly LabelledVoice[]): Predictions[] =>
  SUGGESTERS.map(([, suggest]) =>
    voices.map((voice) => ({ voice, predicted: suggest(models, voice.text) })),
  );

// The hard negatives the issue names, a past concern that was put right, found as the rows
// labelled "no" in which the rules see a resolved concern: only as wide as the rules' phrases.
const resolvedPast = (voice: LabelledVoice) =>
  !voice.concern &&
  suggestIndividualConcern(voice.text).reasons.some((reason) => reason.signal === 'resolved');

// "k of n" suggested as casework among the rows that `among` picks; a dash when there are none.
function suggestedAmong(predictions: Predictions, among: (voice: LabelledVoice) => boolean) {
  const picked = predictions.filter(({ voice }) => among(voice));
  if (picked.length === 0) return '–';
  return `${picked.filter(({ predicted }) => predicted).length} of ${picked.length}`;
}

function report(title: string, results: readonly Predictions[]): string {
  const lines = [
    title,
    '',
    '| suggester | concerns | precision | recall | F1 | hard negatives suggested | resolved past concerns suggested |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  SUGGESTERS.forEach(([name], i) => {
    const predictions = results[i] ?? [];
    const scores = accuracy(
      predictions.map(({ voice, predicted }) => ({ predicted, actual: voice.concern })),
    );
    const concerns = predictions.filter(({ voice }) => voice.concern).length;
    const hard = suggestedAmong(predictions, (v) => v.hardNegative === true && !v.concern);
    const resolved = suggestedAmong(predictions, resolvedPast);
    lines.push(
      `| ${name} | ${concerns} | ${scores.precision.toFixed(3)} | ${scores.recall.toFixed(3)} | ${scores.f1.toFixed(3)} | ${hard} | ${resolved} |`,
    );
  });
  return lines.join('\n');
}

const starter = starterSet();
const fixture = (name: string) =>
  readLabelledVoices(new URL(`../test/fixtures/triage/${name}`, import.meta.url));

const { train: trainPart, test: testPart } = heldApart(starter);
console.log(
  report(
    `examples.csv, held apart: ${testPart.length} of ${starter.length} rows, trained on the other ${trainPart.length}`,
    predict(train(trainPart), testPart),
  ),
);

// Each row is predicted once, by a model that did not see it, and the folds pooled.
const pooled: Predictions[] = SUGGESTERS.map(() => []);
for (const fold of crossValidationFolds(starter, 5)) {
  predict(train(fold.train), fold.test).forEach((predictions, i) =>
    pooled[i]?.push(...predictions),
  );
}
console.log(`\n${report(`examples.csv, 5-fold cross-validation, ${starter.length} rows`, pooled)}`);

const all = train(starter);
for (const name of ['unseen.csv', 'unseen-2.csv', 'unseen-3.csv']) {
  const voices = fixture(name);
  console.log(
    `\n${report(`${name}: ${voices.length} rows, trained on all ${starter.length} starter rows`, predict(all, voices))}`,
  );
}

// What a background retrain costs: the whole starter set, median of 5 after one warm-up.
const examples = starter.map(({ text, concern }) => ({ text, concern }));
trainConcernModel(examples);
const times = Array.from({ length: 5 }, () => {
  const start = performance.now();
  trainConcernModel(examples);
  return performance.now() - start;
}).sort((a, b) => a - b);
console.log(
  `\ntraining on ${examples.length} rows: median ${Math.round(times[2] ?? 0)} ms of 5 runs`,
);
