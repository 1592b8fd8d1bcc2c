import { describe, expect, it } from 'vitest';
import { loadTriageExamples } from '../../../test/triage-examples.ts';
import { checkSafeguarding, safeguardingCheckVersion } from './safeguarding-check.ts';
import { type SafeguardingModel, trainSafeguardingModel } from './safeguarding-model.ts';
import { SAFEGUARDING_RULES_VERSION, detectSafeguarding } from './safeguarding.ts';

// A model that flags only voices about a kettle, and one that flags nothing at all.
const kettleModel = trainSafeguardingModel(
  Array.from({ length: 40 }, (_, i) => ({
    text: `the ${i % 2 === 0 ? 'kettle' : 'garden'} number ${i}`,
    safeguarding: i % 2 === 0,
  })),
);
const silentModel: SafeguardingModel = {
  version: 'sg-lr-1:0:00000000',
  examples: 0,
  positives: 0,
  bias: -20,
  weights: {},
};

describe('checkSafeguarding', () => {
  it('keeps the rules’ flag, categories and the person’s own words with offsets', () => {
    const text = 'Honestly my son takes my pension every week.';
    const check = checkSafeguarding(text, silentModel);
    expect(check.flagged).toBe(true);
    expect(check.raisedBy).toEqual(['rules']);
    expect(check.categories).toEqual(detectSafeguarding(text).categories);
    expect(check.categories).toContain('financial');
    expect(check.matches.length).toBeGreaterThan(0);
    for (const match of check.matches)
      expect(text.slice(match.start, match.end)).toBe(match.phrase);
  });

  it('flags what only the model sees, with its words as reasons and no category', () => {
    const text = 'the kettle again';
    expect(detectSafeguarding(text).flagged).toBe(false);
    const check = checkSafeguarding(text, kettleModel);
    expect(check.flagged).toBe(true);
    expect(check.raisedBy).toEqual(['model']);
    expect(check.categories).toEqual([]);
    expect(check.matches).toEqual([]);
    expect(check.model.score).toBeGreaterThanOrEqual(0.5);
    expect(check.model.reasons.map((reason) => reason.feature)).toContain('w:kettle');
  });

  it('leaves alone what neither flags', () => {
    const check = checkSafeguarding('the garden again', kettleModel);
    expect(check.flagged).toBe(false);
    expect(check.raisedBy).toEqual([]);
  });

  it('names both the rules and the model in its version', () => {
    const check = checkSafeguarding('the garden', kettleModel);
    expect(check.version).toBe(`${SAFEGUARDING_RULES_VERSION}+${kettleModel.version}`);
    expect(check.version).toBe(safeguardingCheckVersion(kettleModel));
    expect(safeguardingCheckVersion()).toMatch(/^rules-\d+\+sg-lr-1:\d+:[0-9a-f]{8}$/);
  });

  it('scores a voice both flag above one only the rules flag, for ordering', () => {
    const both = checkSafeguarding('my son takes my pension and the kettle', kettleModel);
    const rulesOnly = checkSafeguarding('my son takes my pension and the kettle', silentModel);
    expect(both.raisedBy).toEqual(['rules', 'model']);
    expect(both.score).toBeGreaterThan(rulesOnly.score);
  });

  describe('negation never clears a flag', () => {
    it.each([
      'I have never been hit.',
      'No one has ever taken my money, honestly.',
      'He doesn’t hurt me, he just gets cross.',
    ])('%s', (text) => {
      // Even a model that sees nothing cannot lower a negated phrase's flag.
      const check = checkSafeguarding(text, silentModel);
      expect(check.flagged).toBe(true);
      expect(check.raisedBy).toEqual(['rules']);
      expect(check.matches.some((match) => match.negated)).toBe(true);
      expect(check.categories.length).toBeGreaterThan(0);
    });

    it('nor does the shipped model: every starter voice the rules flag stays flagged', () => {
      const flaggedByRules = loadTriageExamples('examples').filter(
        (example) => detectSafeguarding(example.text).flagged,
      );
      expect(
        flaggedByRules.some((e) => detectSafeguarding(e.text).matches.some((m) => m.negated)),
      ).toBe(true);
      for (const example of flaggedByRules) {
        expect(checkSafeguarding(example.text).flagged, example.id).toBe(true);
      }
    });
  });
});
