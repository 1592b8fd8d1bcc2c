// Precision and recall of triage, per label and per safeguarding category, on the starter set the
// rules were shaped against (test/fixtures/triage/examples.csv), on the sets written apart from
// the rules (unseen.csv, and unseen-2.csv and unseen-3.csv where present), which say more about
// voices to come, and on the 5,096 real FFT comments in ../shared/data/fft as a probe for false
// flags (none of them is labelled a disclosure; 17 are praise coded "Feeling safe"). Only counts
// are printed for the held-out sets: nobody reads their rows.
//
// Safeguarding is reported twice: the rules alone, and the check that is shipped (rules OR the
// words-only model, safeguarding-check.ts). On examples.csv the model is scored by 5-fold
// cross-validation (each row by a model trained on the other four fifths), never on rows it
// trained on; elsewhere by the shipped model, trained on all of examples.csv.
//
// Run: npx tsx bench/triage-accuracy.ts [--fft-flags]
//   --fft-flags also lists every FFT comment flagged, with the words that raised the flag, so
//   over-wide phrases and words can be found.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestIndividualConcern } from '../src/analysis/triage/individual-concern.ts';
import {
  type SafeguardingCheck,
  checkSafeguarding,
  safeguardingCheckVersion,
} from '../src/analysis/triage/safeguarding-check.ts';
import {
  type SafeguardingModel,
  defaultSafeguardingModel,
  trainSafeguardingModel,
} from '../src/analysis/triage/safeguarding-model.ts';
import {
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_RULES_VERSION,
} from '../src/analysis/triage/safeguarding.ts';
import { safeguardingFolds } from '../scripts/train-safeguarding-model.ts';
import {
  type Accuracy,
  type ExampleSet,
  type TriageExample,
  accuracy,
  loadTriageExamples,
  parseCsv,
  triageExamplesFile,
} from '../test/triage-examples.ts';

const FFT = join(import.meta.dirname, '../../shared/data/fft/neas-dev.csv');
const SHOW_FFT_FLAGS = process.argv.includes('--fft-flags');
const FOLDS = 5;

const HEADER = [
  '| label | positives | precision | recall | F1 |',
  '| --- | --- | --- | --- | --- |',
];

// Precision is shown as a dash when nothing was predicted, rather than a flattering 1.
const row = (label: string, positives: number, scores: Accuracy) => {
  const predicted = scores.truePositives + scores.falsePositives;
  const precision = predicted === 0 ? '–' : scores.precision.toFixed(3);
  return `| ${label} | ${positives} | ${precision} | ${scores.recall.toFixed(3)} | ${scores.f1.toFixed(3)} |`;
};

const share = (count: number, total: number) =>
  `${count} of ${total.toLocaleString('en-GB')} (${((100 * count) / total).toFixed(1)}%)`;

/** Each example's check by a model that never saw it: its fold's, or the shipped one. */
function checks(set: ExampleSet, examples: readonly TriageExample[]): SafeguardingCheck[] {
  if (set !== 'examples') return examples.map((example) => checkSafeguarding(example.text));
  const modelOf = new Map<TriageExample, SafeguardingModel>();
  for (const fold of safeguardingFolds(examples, FOLDS)) {
    const model = trainSafeguardingModel(fold.train);
    for (const example of fold.test) modelOf.set(example, model);
  }
  return examples.map((example) => checkSafeguarding(example.text, modelOf.get(example)));
}

function report(set: ExampleSet): string {
  const examples = loadTriageExamples(set);
  const results = checks(set, examples);
  const rows = examples.map((example, i) => {
    const check = results[i] as SafeguardingCheck;
    return {
      example,
      check,
      rules: check.raisedBy.includes('rules'),
      concern: suggestIndividualConcern(example.text),
    };
  });
  const positives = rows.filter((r) => r.example.safeguarding).length;
  const hardNegatives = rows.filter((r) => r.example.hardNegative);
  const modelLabel = set === 'examples' ? `rules or model (${FOLDS}-fold)` : 'rules or model';
  const lines = [`${set}.csv: ${rows.length} rows`, '', ...HEADER];
  lines.push(
    row(
      'safeguarding: rules',
      positives,
      accuracy(rows.map((r) => ({ predicted: r.rules, actual: r.example.safeguarding }))),
    ),
    row(
      `safeguarding: ${set === 'examples' ? `model alone (${FOLDS}-fold)` : 'model alone'}`,
      positives,
      accuracy(
        rows.map((r) => ({
          predicted: r.check.raisedBy.includes('model'),
          actual: r.example.safeguarding,
        })),
      ),
    ),
    row(
      `safeguarding: ${modelLabel}`,
      positives,
      accuracy(rows.map((r) => ({ predicted: r.check.flagged, actual: r.example.safeguarding }))),
    ),
    row(
      'individual concern (rules)',
      rows.filter((r) => r.example.individualConcern).length,
      accuracy(
        rows.map((r) => ({ predicted: r.concern.suggested, actual: r.example.individualConcern })),
      ),
    ),
  );
  // Which category a flag names (only the rules name one), for flags of every kind.
  for (const category of SAFEGUARDING_CATEGORIES) {
    lines.push(
      row(
        `category: ${category}`,
        rows.filter((r) => r.example.categories.includes(category)).length,
        accuracy(
          rows.map((r) => ({
            predicted: r.check.categories.includes(category),
            actual: r.example.categories.includes(category),
          })),
        ),
      ),
    );
  }
  if (hardNegatives.length > 0) {
    const byRules = hardNegatives.filter((r) => r.rules).length;
    const byEither = hardNegatives.filter((r) => r.check.flagged).length;
    lines.push(
      '',
      `hard negatives flagged: rules ${share(byRules, hardNegatives.length)}, ${modelLabel} ${share(byEither, hardNegatives.length)}`,
    );
  }
  return lines.join('\n');
}

function fftReport(): string {
  if (!existsSync(FFT)) return `FFT: ${FFT} not found`;
  const [header = [], ...records] = parseCsv(readFileSync(FFT, 'utf8'));
  const text = header.indexOf('FFT answer');
  const feelingSafe = header.indexOf('Feeling safe');
  const comments = records
    .filter((record) => record.length === header.length)
    .map((record) => ({
      id: record[0] ?? '',
      text: record[text] ?? '',
      feelingSafe: record[feelingSafe] === '1',
    }))
    .map((comment) => ({ ...comment, check: checkSafeguarding(comment.text) }));
  const safe = comments.filter((c) => c.feelingSafe);
  const byRules = (c: (typeof comments)[number]) => c.check.raisedBy.includes('rules');
  const flagged = comments.filter((c) => c.check.flagged);
  const lines = [
    `FFT (neas-dev.csv): ${comments.length.toLocaleString('en-GB')} comments, none labelled a disclosure`,
    '',
    `"Feeling safe" rows flagged: rules ${safe.filter(byRules).length} of ${safe.length}, rules or model ${safe.filter((c) => c.check.flagged).length} of ${safe.length}`,
    `all comments flagged: rules ${share(comments.filter(byRules).length, comments.length)}, rules or model ${share(flagged.length, comments.length)}`,
  ];
  if (SHOW_FFT_FLAGS) {
    lines.push('');
    for (const { id, text: words, check } of flagged) {
      const phrases = check.matches.map((m) => `${m.category}: "${m.phrase}"`);
      if (check.raisedBy.includes('model')) {
        const reasons = check.model.reasons.map((r) => r.feature).join(', ');
        phrases.push(`model ${check.model.score}: ${reasons}`);
      }
      lines.push(`- ${id}: ${phrases.join('; ')}\n  ${words.replace(/\s+/g, ' ').trim()}`);
    }
  }
  return lines.join('\n');
}

const heldOut: ExampleSet[] = ['unseen', 'unseen-2', 'unseen-3'];
const reports = [
  `rules version ${SAFEGUARDING_RULES_VERSION}; check version ${safeguardingCheckVersion(defaultSafeguardingModel())}`,
  report('examples'),
  fftReport(),
  ...heldOut.map((set) =>
    existsSync(triageExamplesFile(set)) ? report(set) : `${set}.csv: not present`,
  ),
];
console.log(reports.join('\n\n'));
