// The triage rules against the labelled starter set (test/fixtures/triage/examples.csv).
// Recall of safeguarding matters most: a missed disclosure is the failure that must not happen.
import { describe, expect, it } from 'vitest';
import { suggestIndividualConcern } from '../src/analysis/triage/individual-concern.ts';
import {
  SAFEGUARDING_CATEGORIES,
  detectSafeguarding,
} from '../src/analysis/triage/safeguarding.ts';
import { accuracy, loadTriageExamples, parseCsv } from './triage-examples.ts';

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

  it('finds at least 95% of the possible disclosures', () => {
    const missed = results
      .filter(({ example, result }) => example.safeguarding && !result.flagged)
      .map(({ example }) => example.id);
    console.info(
      `safeguarding: recall ${scores.recall.toFixed(3)}, precision ${scores.precision.toFixed(3)}`,
    );
    expect(scores.recall, `missed ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps precision at or above 0.8, so a lead is not buried in false flags', () => {
    expect(scores.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every negated disclosure flagged', () => {
    const negated = results.filter(({ result }) => result.matches.some((m) => m.negated));
    expect(negated.length).toBeGreaterThan(5);
    for (const { result } of negated) expect(result.flagged).toBe(true);
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
