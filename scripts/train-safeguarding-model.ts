// Trains the shipped safeguarding model on the starter set's safeguarding labels and writes it
// beside the classifier. Run after changing test/fixtures/triage/examples.csv or the classifier:
//   npx tsx scripts/train-safeguarding-model.ts
// The test in src/analysis/triage/safeguarding-model.test.ts retrains and compares, so the
// shipped file cannot drift from the fixture. The cross-validation folds here are shared with
// that test, test/triage-accuracy.test.ts and bench/triage-accuracy.ts.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type SafeguardingModel,
  trainSafeguardingModel,
} from '../src/analysis/triage/safeguarding-model.ts';
import { serialiseModel } from '../src/analysis/triage/text-classifier.ts';
import { type TriageExample, loadTriageExamples } from '../test/triage-examples.ts';

const SHIPPED_MODEL = new URL('../src/analysis/triage/safeguarding-model.json', import.meta.url);

/** The model trained on every row of the starter set, in file order. */
export const trainShippedSafeguardingModel = (
  examples: readonly TriageExample[] = loadTriageExamples('examples'),
): SafeguardingModel => trainSafeguardingModel(examples);

export interface SafeguardingFold {
  train: TriageExample[];
  test: TriageExample[];
}

/**
 * k folds stratified by the safeguarding label, rows ordered by a hash of their id (so a fold
 * stays the same when rows are added elsewhere): each row is in exactly one fold's test part.
 */
export function safeguardingFolds(
  examples: readonly TriageExample[],
  k: number,
): SafeguardingFold[] {
  const key = (example: TriageExample) => createHash('sha256').update(example.id).digest('hex');
  const fold = new Map<TriageExample, number>();
  for (const label of [true, false]) {
    examples
      .filter((example) => example.safeguarding === label)
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .forEach((example, i) => fold.set(example, i % k));
  }
  return Array.from({ length: k }, (_, f) => ({
    train: examples.filter((example) => fold.get(example) !== f),
    test: examples.filter((example) => fold.get(example) === f),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = trainShippedSafeguardingModel();
  writeFileSync(SHIPPED_MODEL, serialiseModel(model));
  console.error(
    `wrote ${fileURLToPath(SHIPPED_MODEL)}: ${model.version}, ${Object.keys(model.weights).length} weights`,
  );
}
