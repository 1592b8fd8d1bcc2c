// Precision and recall of the triage rules, per label and per safeguarding category, on the
// starter set the rules were shaped against (test/fixtures/triage/examples.csv) and on rows
// written after the rules were frozen (unseen.csv), which say more about voices to come.
// Run: npx tsx bench/triage-accuracy.ts
import { suggestIndividualConcern } from '../src/analysis/triage/individual-concern.ts';
import {
  SAFEGUARDING_CATEGORIES,
  detectSafeguarding,
} from '../src/analysis/triage/safeguarding.ts';
import {
  type Accuracy,
  type ExampleSet,
  accuracy,
  loadTriageExamples,
} from '../test/triage-examples.ts';

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

function report(set: ExampleSet): string {
  const rows = loadTriageExamples(set).map((example) => ({
    example,
    safeguarding: detectSafeguarding(example.text),
    concern: suggestIndividualConcern(example.text),
  }));
  const lines = [`${set}.csv: ${rows.length} rows`, '', ...HEADER];
  lines.push(
    row(
      'safeguarding',
      rows.filter((r) => r.example.safeguarding).length,
      accuracy(
        rows.map((r) => ({ predicted: r.safeguarding.flagged, actual: r.example.safeguarding })),
      ),
    ),
    row(
      'individual concern',
      rows.filter((r) => r.example.individualConcern).length,
      accuracy(
        rows.map((r) => ({ predicted: r.concern.suggested, actual: r.example.individualConcern })),
      ),
    ),
  );
  // Which category a flag names, for flags of every kind (a voice can have several).
  for (const category of SAFEGUARDING_CATEGORIES) {
    lines.push(
      row(
        `category: ${category}`,
        rows.filter((r) => r.example.categories.includes(category)).length,
        accuracy(
          rows.map((r) => ({
            predicted: r.safeguarding.categories.includes(category),
            actual: r.example.categories.includes(category),
          })),
        ),
      ),
    );
  }
  return lines.join('\n');
}

console.log(`${report('examples')}\n\n${report('unseen')}`);
