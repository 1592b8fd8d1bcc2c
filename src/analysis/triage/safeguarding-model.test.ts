import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainShippedSafeguardingModel } from '../../../scripts/train-safeguarding-model.ts';
import { loadTriageExamples } from '../../../test/triage-examples.ts';
import {
  type SafeguardingExample,
  defaultSafeguardingModel,
  predictSafeguarding,
  readSafeguardingModel,
  trainSafeguardingModel,
} from './safeguarding-model.ts';
import { serialiseModel } from './text-classifier.ts';

// Toy voices: only the words "kettle" and "garden" tell them apart.
const toy = (count: number): SafeguardingExample[] =>
  Array.from({ length: count }, (_, i) => {
    const safeguarding = i % 2 === 0;
    const colour = ['red', 'blue', 'green', 'yellow'][i % 4] ?? 'red';
    return {
      text: `the ${colour} ${safeguarding ? 'kettle' : 'garden'} number ${i}`,
      safeguarding,
    };
  });

describe('trainSafeguardingModel', () => {
  it('learns data that its words separate, and names the words', () => {
    const model = trainSafeguardingModel(toy(40));
    for (const example of toy(40)) {
      expect(predictSafeguarding(model, example.text).flagged, example.text).toBe(
        example.safeguarding,
      );
    }
    const prediction = predictSafeguarding(model, 'a kettle again');
    expect(prediction.flagged).toBe(true);
    expect(prediction.reasons[0]?.feature).toBe('w:kettle');
    expect(model.weights['w:garden']).toBeLessThan(0);
  });

  it('gives identical weights and version for the same examples, words only', () => {
    const first = trainSafeguardingModel(toy(30));
    expect(trainSafeguardingModel(toy(30))).toEqual(first);
    expect(first.version).toMatch(/^sg-lr-1:30:[0-9a-f]{8}$/);
    expect(first.positives).toBe(15);
    expect(trainSafeguardingModel(toy(32)).version).not.toBe(first.version);
    expect(Object.keys(first.weights).every((feature) => /^[wb]:/.test(feature))).toBe(true);
  });
});

describe('a stored safeguarding model', () => {
  it('reads back from JSON to the same model', () => {
    const model = trainSafeguardingModel(toy(20));
    expect(readSafeguardingModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it.each([
    ['a string', 'model', /not an object/],
    ['a concern model', { version: 'concern-lr-1:1:0', weights: {} }, /version concern-lr-1/],
    [
      'a weight that is not a number',
      { version: 'sg-lr-1:1:0', examples: 1, positives: 0, bias: 0, weights: { 'w:a': 'x' } },
      /weight of w:a/,
    ],
  ])('is refused when it is %s', (_what, json, problem) => {
    expect(() => readSafeguardingModel(json)).toThrow(problem);
    expect(() => readSafeguardingModel(json)).toThrow(/not a safeguarding model/);
  });
});

describe('the shipped safeguarding model', () => {
  const file = new URL('./safeguarding-model.json', import.meta.url);
  const starter = loadTriageExamples('examples');

  it('is exactly what training on the starter set gives (else: npx tsx scripts/train-safeguarding-model.ts)', () => {
    const retrained = trainShippedSafeguardingModel(starter);
    expect(defaultSafeguardingModel()).toEqual(retrained);
    expect(readFileSync(file, 'utf8')).toBe(serialiseModel(retrained));
    expect(retrained.examples).toBe(starter.length);
  });

  it('stays small', () => {
    expect(readFileSync(file).byteLength).toBeLessThan(100_000);
  });

  // Answers with nothing in them, worded unlike any row of the starter set.
  it.each([
    'Nothing at all really',
    'no not really',
    'Nothing I can think of.',
    'all fine no problems',
  ])('does not flag an answer with nothing in it: %s', (text) => {
    expect(predictSafeguarding(defaultSafeguardingModel(), text).flagged).toBe(false);
  });
});
