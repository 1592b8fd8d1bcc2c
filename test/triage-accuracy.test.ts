// The triage rules, and the safeguarding check that is shipped (rules OR the words-only model),
// against the labelled starter set (test/fixtures/triage/examples.csv), the rows written apart
// from the rules (unseen.csv, unseen-2.csv, unseen-3.csv) and the 17 FFT comments coded
// "Feeling safe".
// Recall of safeguarding matters most: a missed disclosure is the failure that must not happen.
// Floors sit a little below what bench/triage-accuracy.ts measures (bench/README.md), so a change
// that makes the rules worse fails here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeguardingFolds } from '../scripts/train-safeguarding-model.ts';
import { suggestIndividualConcern } from '../src/analysis/triage/individual-concern.ts';
import { checkSafeguarding } from '../src/analysis/triage/safeguarding-check.ts';
import { trainSafeguardingModel } from '../src/analysis/triage/safeguarding-model.ts';
import {
  SAFEGUARDING_CATEGORIES,
  detectSafeguarding,
} from '../src/analysis/triage/safeguarding.ts';
import { accuracy, loadTriageExamples, parseCsv, triageExamplesFile } from './triage-examples.ts';

const examples = loadTriageExamples();

describe('the labelled starter set', () => {
  it('has at least 300 examples with unique ids, both labels and every category', () => {
    expect(examples.length).toBeGreaterThanOrEqual(300);
    expect(new Set(examples.map((example) => example.id)).size).toBe(examples.length);
    for (const category of SAFEGUARDING_CATEGORIES) {
      const labelled = examples.filter((example) => example.categories.includes(category));
      expect(labelled.length, category).toBeGreaterThanOrEqual(8);
    }
    expect(examples.filter((example) => example.individualConcern).length).toBeGreaterThan(60);
    expect(examples.filter((e) => !e.safeguarding && !e.individualConcern).length).toBeGreaterThan(
      100,
    );
  });

  it('labels a category exactly when it labels safeguarding', () => {
    for (const example of examples) {
      expect(example.categories.length > 0, example.id).toBe(example.safeguarding);
    }
  });

  it('marks hard negatives only on voices that are not disclosures, and has enough of them', () => {
    const hard = examples.filter((example) => example.hardNegative);
    expect(hard.length).toBeGreaterThanOrEqual(60);
    for (const example of hard) expect(example.safeguarding, example.id).toBe(false);
  });

  it('reads columns by name, so a set without hard_negative still loads', () => {
    const unseen = loadTriageExamples('unseen');
    expect(unseen.length).toBeGreaterThan(0);
    expect(unseen.every((example) => !example.hardNegative)).toBe(true);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""\nd"\r\ne,f')).toEqual([
      ['a', 'b, "c"\nd'],
      ['e', 'f'],
    ]);
  });
});

describe('safeguarding rules on the starter set', () => {
  const results = examples.map((example) => ({
    example,
    result: detectSafeguarding(example.text),
  }));
  const scores = accuracy(
    results.map(({ example, result }) => ({
      predicted: result.flagged,
      actual: example.safeguarding,
    })),
  );

  it('finds at least 98% of the possible disclosures (the issue target)', () => {
    const missed = results
      .filter(({ example, result }) => example.safeguarding && !result.flagged)
      .map(({ example }) => example.id);
    console.info(
      `safeguarding: recall ${scores.recall.toFixed(3)}, precision ${scores.precision.toFixed(3)}`,
    );
    expect(scores.recall, `missed ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps precision at or above 0.9, so a lead is not buried in false flags', () => {
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
  });

  // The issue allows 1 in 5; the rules flag about 1 in 18, and the floor keeps them near that.
  it('flags at most 1 in 10 of the hard negatives', () => {
    const hard = results.filter(({ example }) => example.hardNegative);
    const flagged = hard.filter(({ result }) => result.flagged).map(({ example }) => example.id);
    console.info(`hard negatives flagged: ${flagged.length} of ${hard.length}`);
    expect(flagged.length / hard.length, `flagged ${flagged.join(', ')}`).toBeLessThanOrEqual(0.1);
  });

  it('keeps every negated disclosure flagged', () => {
    const negated = results.filter(({ result }) => result.matches.some((m) => m.negated));
    expect(negated.length).toBeGreaterThan(5);
    for (const { result } of negated) expect(result.flagged).toBe(true);
  });
});

describe('safeguarding rules on voices they were not shaped against', () => {
  // unseen.csv was written after rules-1 and never used to change a rule (the numbers for it, and
  // for unseen-2.csv and unseen-3.csv, are in bench/README.md). A floor well below the measured
  // 0.8, so narrowing the rules shows, without inviting anyone to tune on its rows.
  it('finds at least 60% of the disclosures in unseen.csv', () => {
    const unseen = loadTriageExamples('unseen');
    const scores = accuracy(
      unseen.map((example) => ({
        predicted: detectSafeguarding(example.text).flagged,
        actual: example.safeguarding,
      })),
    );
    expect(scores.recall).toBeGreaterThanOrEqual(0.6);
  });

  // Real praise from the NHS Friends and Family Test, coded "Feeling safe" by human reviewers.
  it('flags at most 2 of the 17 FFT "Feeling safe" comments', () => {
    const file = new URL('./fixtures/triage/fft-feeling-safe.csv', import.meta.url);
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(header).toEqual(['comment_id', 'text']);
    expect(rows).toHaveLength(17);
    const flagged = rows.filter(([, text]) => detectSafeguarding(text ?? '').flagged);
    expect(flagged.length, `flagged ${flagged.map(([id]) => id).join(', ')}`).toBeLessThanOrEqual(
      2,
    );
  });
});

// The check every new voice goes through. Floors a little below what bench/triage-accuracy.ts
// measured on 2026-11-26 (bench/README.md). The model's settings were chosen on unseen-2.csv and
// confirmed on unseen-3.csv; nothing may be tuned on their rows to pass these floors.
describe('the safeguarding check (rules or model)', () => {
  // Each starter row checked by a model trained on the other four fifths, never on itself.
  const crossValidated = safeguardingFolds(examples, 5).flatMap((fold) => {
    const model = trainSafeguardingModel(fold.train);
    return fold.test.map((example) => ({
      example,
      flagged: checkSafeguarding(example.text, model).flagged,
    }));
  });

  it('by 5-fold cross-validation on the starter set: recall ≥ 0.98, precision ≥ 0.85, at most 1 in 5 hard negatives', () => {
    expect(crossValidated).toHaveLength(examples.length);
    const scores = accuracy(
      crossValidated.map(({ example, flagged }) => ({
        predicted: flagged,
        actual: example.safeguarding,
      })),
    );
    const hard = crossValidated.filter(({ example }) => example.hardNegative);
    const hardFlagged = hard.filter(({ flagged }) => flagged).length;
    console.info(
      `rules or model, 5-fold: recall ${scores.recall.toFixed(3)}, precision ${scores.precision.toFixed(3)}, hard negatives ${hardFlagged} of ${hard.length}`,
    );
    expect(scores.recall).toBeGreaterThanOrEqual(0.98);
    expect(scores.precision).toBeGreaterThanOrEqual(0.85);
    expect(hardFlagged / hard.length).toBeLessThanOrEqual(0.2);
  });

  // Measured 0.858 (unseen-2.csv) and 0.786 (unseen-3.csv), against 0.590 and 0.643 for the rules.
  for (const [set, floor] of [
    ['unseen-2', 0.8],
    ['unseen-3', 0.74],
  ] as const) {
    it.skipIf(!existsSync(triageExamplesFile(set)))(
      `finds at least ${floor} of the disclosures in ${set}.csv`,
      () => {
        const scores = accuracy(
          loadTriageExamples(set).map((example) => ({
            predicted: checkSafeguarding(example.text).flagged,
            actual: example.safeguarding,
          })),
        );
        expect(scores.recall).toBeGreaterThanOrEqual(floor);
      },
    );
  }

  it('flags at most 2 of the 17 FFT "Feeling safe" comments', () => {
    const file = new URL('./fixtures/triage/fft-feeling-safe.csv', import.meta.url);
    const [, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(17);
    const flagged = rows.filter(([, text]) => checkSafeguarding(text ?? '').flagged);
    expect(flagged.length, `flagged ${flagged.map(([id]) => id).join(', ')}`).toBeLessThanOrEqual(
      2,
    );
  });
});

describe('individual-concern rules on the starter set', () => {
  const scores = accuracy(
    examples.map((example) => ({
      predicted: suggestIndividualConcern(example.text).suggested,
      actual: example.individualConcern,
    })),
  );

  // Floors, not targets (see src/analysis/triage/README.md): an advocate confirms every
  // suggestion, so precision 0.8 keeps the queue worth trusting; a missed concern stays in front
  // of an advocate as design input, and most misses are also safeguarding flags a named person
  // reads, so recall 0.75 is the cold-start floor until the classifier learns from decisions.
  it('has precision of at least 0.8 and recall of at least 0.75', () => {
    console.info(
      `individual concern: precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.8);
    expect(scores.recall).toBeGreaterThanOrEqual(0.75);
  });
});
