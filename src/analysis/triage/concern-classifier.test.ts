import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  crossValidationFolds,
  heldApart,
  serialiseModel,
  starterSet,
  trainShippedModel,
} from '../../../scripts/train-concern-model.ts';
import {
  type ConcernExample,
  MIN_LOCAL_DECISIONS,
  concernWords,
  defaultConcernModel,
  modelForDecisions,
  predictConcern,
  readConcernModel,
  trainConcernModel,
} from './concern-classifier.ts';

// Toy voices that no rule reacts to: only the words "kettle" and "garden" tell them apart.
const toy = (count: number): ConcernExample[] =>
  Array.from({ length: count }, (_, i) => {
    const concern = i % 2 === 0;
    const colour = ['red', 'blue', 'green', 'yellow'][i % 4] ?? 'red';
    return { text: `the ${colour} ${concern ? 'kettle' : 'garden'} number ${i}`, concern };
  });

const starterModel = trainShippedModel();

// F1 of the concerns suggested, here rather than from test/triage-examples.ts so that this file
// does not load the safeguarding rules.
function f1(pairs: readonly { predicted: boolean; actual: boolean }[]): number {
  const count = (predicted: boolean, actual: boolean) =>
    pairs.filter((pair) => pair.predicted === predicted && pair.actual === actual).length;
  const found = count(true, true);
  return (2 * found) / (2 * found + count(true, false) + count(false, true));
}

describe('concernWords', () => {
  it('folds case and apostrophes, strips simple endings and hides numbers', () => {
    expect(concernWords("I've been WAITING since my Dad’s call, ref DP-40219, 3 weeks")).toEqual([
      'ive',
      'been',
      'wait',
      'since',
      'my',
      'dad',
      'call',
      'ref',
      'dp',
      '#ref',
      '#n',
      'week',
    ]);
  });
});

describe('trainConcernModel', () => {
  it('learns data that its words separate', () => {
    const model = trainConcernModel(toy(40));
    for (const example of toy(40)) {
      expect(predictConcern(model, example.text).suggested, example.text).toBe(example.concern);
    }
    expect(predictConcern(model, 'a kettle again').score).toBeGreaterThan(0.5);
    expect(predictConcern(model, 'a garden again').score).toBeLessThan(0.5);
    expect(model.weights['w:kettle']).toBeGreaterThan(0);
    expect(model.weights['w:garden']).toBeLessThan(0);
  });

  it('gives identical weights and version for the same examples', () => {
    const first = trainConcernModel(toy(30));
    const second = trainConcernModel(toy(30));
    expect(second).toEqual(first);
    expect(first.version).toMatch(/^concern-lr-1:30:[0-9a-f]{8}$/);
    expect(trainConcernModel(toy(32)).version).not.toBe(first.version);
  });

  it('learns from the rules’ signals unless asked for words only, and says which', () => {
    expect(starterModel.ruleSignals).toBe('rules-1');
    expect(starterModel.weights['r:own-case']).toBeGreaterThan(0);
    expect(starterModel.weights['r:resolved']).toBeLessThan(0);
    const wordsOnly = trainConcernModel(starterSet().slice(0, 100), { ruleSignals: false });
    expect(wordsOnly.ruleSignals).toBeNull();
    expect(Object.keys(wordsOnly.weights).some((feature) => feature.startsWith('r:'))).toBe(false);
    // A retrain keeps the prior's kind of features.
    const retrained = trainConcernModel(toy(10), { prior: wordsOnly });
    expect(retrained.ruleSignals).toBeNull();
    expect(Object.keys(retrained.weights).some((feature) => feature.startsWith('r:'))).toBe(false);
  });
});

describe('a stored model', () => {
  it('reads back from JSON to the same model and the same predictions', () => {
    const model = trainConcernModel(toy(20));
    const read = readConcernModel(JSON.parse(JSON.stringify(model)));
    expect(read).toEqual(model);
    expect(predictConcern(read, 'the kettle')).toEqual(predictConcern(model, 'the kettle'));
  });

  const valid = {
    version: 'concern-lr-1:1:0',
    ruleSignals: 'rules-1',
    examples: 1,
    positives: 0,
    bias: 0,
  };
  it.each([
    ['a string', 'model', /not an object/],
    ['another kind', { ...valid, version: 'rules-1', weights: {} }, /version rules-1/],
    ['without its rules version', { ...valid, ruleSignals: undefined, weights: {} }, /ruleSignals/],
    ['a weight that is not a number', { ...valid, weights: { 'w:a': 'x' } }, /weight of w:a/],
  ])('is refused when it is %s', (_what, json, problem) => {
    expect(() => readConcernModel(json)).toThrow(problem);
    expect(() => readConcernModel(json)).toThrow(/not a concern model/);
  });
});

describe('the shipped model', () => {
  const file = new URL('./concern-model.json', import.meta.url);

  it('is exactly what training on the starter set gives (else: npx tsx scripts/train-concern-model.ts)', () => {
    expect(defaultConcernModel()).toEqual(starterModel);
    expect(readFileSync(file, 'utf8')).toBe(serialiseModel(starterModel));
  });

  it('stays small', () => {
    expect(readFileSync(file).byteLength).toBeLessThan(200_000);
  });

  it.each([
    'My direct payment has been late for three months and I cannot pay my PA.',
    'Case ref ASC-20931. Nobody has called me back about my appeal.',
  ])('suggests casework, with reasons: %s', (text) => {
    const prediction = predictConcern(defaultConcernModel(), text);
    expect(prediction.suggested).toBe(true);
    expect(prediction.version).toBe(defaultConcernModel().version);
    expect(prediction.reasons.length).toBeGreaterThan(0);
    expect(prediction.reasons[0]?.contribution).toBeGreaterThan(0);
  });

  it.each([
    'My direct payment was late last year but it got sorted and it is fine now.',
    'Direct payments should be paid on time every time.',
    'People wait too long for assessments.',
  ])('leaves design input and resolved concerns alone: %s', (text) => {
    expect(predictConcern(defaultConcernModel(), text).suggested).toBe(false);
  });
});

// Floors, set a little below what was measured on 2026-11-26 with 577 starter rows (held apart
// F1 0.929, 5-fold 0.875; bench/README.md), so a change that makes the classifier worse fails
// here. The held-apart part has only 28 concerns: one row more or less moves F1 by about 0.03.
// Both flatter the model, whose rule signals were written against these rows; the blind
// unseen-2.csv gives 0.527 (in bench/README.md, not a floor: it must not steer the classifier).
describe('individual-concern F1 on rows the model did not see', () => {
  const voices = starterSet();
  const heldApartF1 = (train: typeof voices, test: typeof voices) => {
    const model = trainConcernModel(train);
    return f1(
      test.map((voice) => ({
        predicted: predictConcern(model, voice.text).suggested,
        actual: voice.concern,
      })),
    );
  };

  it('is at least 0.90 on the held-apart part of the starter set', () => {
    const { train, test } = heldApart(voices);
    expect(test.length / voices.length).toBeGreaterThan(0.25);
    expect(heldApartF1(train, test)).toBeGreaterThanOrEqual(0.9);
  });

  it('is at least 0.85 over 5-fold cross-validation', () => {
    const folds = crossValidationFolds(voices, 5);
    expect(folds.flatMap((fold) => fold.test.map((voice) => voice.id)).sort()).toEqual(
      voices.map((voice) => voice.id).sort(),
    );
    const pooled = folds.flatMap((fold) => {
      const model = trainConcernModel(fold.train);
      return fold.test.map((voice) => ({
        predicted: predictConcern(model, voice.text).suggested,
        actual: voice.concern,
      }));
    });
    expect(f1(pooled)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('modelForDecisions', () => {
  // A deployment whose advocates handle equipment repairs through another route, so they record
  // those voices as design input however personal they sound; everything else as the starter set.
  const repairs = (i: number) =>
    `My wheelchair ${['footplate', 'brake', 'battery', 'armrest'][i % 4] ?? ''} has been broken for ${i + 2} weeks and the repair service keeps cancelling.`;
  const decisions = (count: number): ConcernExample[] => [
    ...Array.from({ length: count }, (_, i) => ({ text: repairs(i), concern: false })),
    ...starterSet()
      .filter((voice) => voice.concern)
      .slice(0, count)
      .map(({ text, concern }) => ({ text, concern })),
  ];

  it(`keeps the shipped model under ${MIN_LOCAL_DECISIONS} decisions of each kind`, () => {
    expect(modelForDecisions(decisions(MIN_LOCAL_DECISIONS - 1), starterModel)).toBe(starterModel);
  });

  it('then learns the deployment’s own practice, starting from the shipped model', () => {
    const probe =
      'My wheelchair brake has been broken for 9 weeks and the repair service keeps cancelling.';
    expect(predictConcern(starterModel, probe).suggested).toBe(true);
    const local = modelForDecisions(decisions(MIN_LOCAL_DECISIONS), starterModel);
    expect(local.version).not.toBe(starterModel.version);
    expect(local.examples).toBe(2 * MIN_LOCAL_DECISIONS);
    expect(predictConcern(local, probe).suggested).toBe(false);
    // What the decisions did not speak to, the prior still knows.
    expect(
      predictConcern(local, 'I was charged twice for my care in October and nobody answers.')
        .suggested,
    ).toBe(true);
  });
});
