// Trains the shipped individual-concern model on the starter set and writes it beside the
// classifier. Run after changing test/fixtures/triage/examples.csv, the classifier or the
// individual-concern rules:
//   npx tsx scripts/train-concern-model.ts
// The test in src/analysis/triage/concern-classifier.test.ts retrains and compares, so the
// shipped file cannot drift from the fixture. The reader and the held-apart and cross-validation
// splits here are shared with that test and bench/concern-classifier.ts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ConcernExample,
  type ConcernModel,
  trainConcernModel,
} from '../src/analysis/triage/concern-classifier.ts';
import { serialiseModel } from '../src/analysis/triage/text-classifier.ts';
import { CsvError, csvTable, parseCsv } from '../src/platform/csv.ts';

export { serialiseModel };

export interface LabelledVoice extends ConcernExample {
  id: string;
  /** Looks like a disclosure or a case but is not; undefined where the file has no such column. */
  hardNegative: boolean | undefined;
}

const STARTER_SET = new URL('../test/fixtures/triage/examples.csv', import.meta.url);
const SHIPPED_MODEL = new URL('../src/analysis/triage/concern-model.json', import.meta.url);

/** Rows of a triage fixture by column name (other columns may come and go), in file order. */
export function readLabelledVoices(file: URL): LabelledVoice[] {
  const name = fileURLToPath(file);
  const table = csvTable(parseCsv(readFileSync(file), name), name, [
    'id',
    'text',
    'individual_concern',
  ]);
  return table.rows.map((row) => {
    const label = row.get('individual_concern');
    if (label !== 'yes' && label !== 'no') {
      throw new CsvError(name, row.line, `individual_concern must be yes or no, got "${label}"`);
    }
    const hardNegative = table.header.includes('hard_negative')
      ? row.get('hard_negative') === 'yes'
      : undefined;
    return { id: row.get('id'), text: row.get('text'), concern: label === 'yes', hardNegative };
  });
}

export const starterSet = (): LabelledVoice[] => readLabelledVoices(STARTER_SET);

export interface Split {
  train: LabelledVoice[];
  test: LabelledVoice[];
}

// Rows in an order fixed by a hash of their id, concerns and others apart, so every split is
// stratified and stays the same when rows are added elsewhere in the file.
function shuffledByClass(voices: readonly LabelledVoice[]): LabelledVoice[][] {
  const key = (voice: LabelledVoice) => createHash('sha256').update(voice.id).digest('hex');
  const order = (a: LabelledVoice, b: LabelledVoice) => (key(a) < key(b) ? -1 : 1);
  return [true, false].map((concern) => voices.filter((v) => v.concern === concern).sort(order));
}

/** About 28% of each class held apart from training, chosen by id hash. */
export function heldApart(voices: readonly LabelledVoice[]): Split {
  const split: Split = { train: [], test: [] };
  for (const group of shuffledByClass(voices)) {
    const cut = Math.round(group.length * 0.28);
    split.test.push(...group.slice(0, cut));
    split.train.push(...group.slice(cut));
  }
  return split;
}

/** k stratified folds by id hash: each row is in exactly one fold's test part. */
export function crossValidationFolds(voices: readonly LabelledVoice[], k: number): Split[] {
  const fold = new Map<LabelledVoice, number>();
  for (const group of shuffledByClass(voices)) group.forEach((voice, i) => fold.set(voice, i % k));
  return Array.from({ length: k }, (_, f) => ({
    train: voices.filter((voice) => fold.get(voice) !== f),
    test: voices.filter((voice) => fold.get(voice) === f),
  }));
}

export const trainShippedModel = (): ConcernModel =>
  trainConcernModel(starterSet().map(({ text, concern }) => ({ text, concern })));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = trainShippedModel();
  writeFileSync(SHIPPED_MODEL, serialiseModel(model));
  console.error(
    `wrote ${fileURLToPath(SHIPPED_MODEL)}: ${model.version}, ${Object.keys(model.weights).length} weights`,
  );
}
