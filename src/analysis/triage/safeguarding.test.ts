import { describe, expect, it } from 'vitest';
import {
  SAFEGUARDING_CATEGORIES,
  type SafeguardingCategory,
  detectSafeguarding,
} from './safeguarding.ts';

describe('detectSafeguarding by category', () => {
  const cases: [SafeguardingCategory, string][] = [
    ['physical', 'My son hits me when he has been drinking.'],
    ['physical', 'hes been hiting me again'],
    ['physical', 'The carer grabbed my mum so hard it left a bruise.'],
    ['domestic', 'My husband is very controlling and checks my phone.'],
    ['domestic', 'They want to make her marry a man she has never met.'],
    ['sexual', 'One of the carers touched her inappropriately.'],
    ['sexual', 'An older man is grooming my sister online.'],
    ['psychological', 'The agency carer shouts at my dad and calls him stupid.'],
    ['psychological', 'My daughter threatens to put me in a home.'],
    ['financial', "My neighbour's carer takes her pension"],
    ['financial', 'Money keeps going missing from Mum’s purse.'],
    ['financial', 'Someone scammed him out of his savings.'],
    ['modern_slavery', 'They took her passport and she is not allowed to leave.'],
    ['modern_slavery', 'Drug dealers have taken over my uncle’s flat.'],
    ['discriminatory', 'I get racist comments from one of the staff.'],
    ['discriminatory', "The carer won't work with me because I'm gay."],
    ['organisational', 'In that home all the residents are put to bed at six.'],
    ['organisational', 'The call bells are ignored for ages at night.'],
    ['neglect', 'She was left without food or her tablets all day.'],
    ['neglect', 'My dad has bed sores because no one turns him.'],
    ['neglect', 'i was neglegted at the last home'],
    ['self_neglect', 'Her flat is a tip and she hoards newspapers.'],
    ['self_neglect', 'Dad has stopped looking after himself.'],
    ['risk_to_life', "Some days I don't want to be here anymore."],
    ['risk_to_life', 'I CANT GO ON LIKE THIS'],
    ['risk_to_life', 'sucidal thoughts most nights'],
    ['risk_to_life', 'I cut myself when it gets too much.'],
  ];

  it.each(cases)('%s: %s', (category, text) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    expect(result.categories).toContain(category);
    expect(result.score).toBeGreaterThan(0);
    expect(result.version).toBe('rules-1');
  });

  it('has at least two cases for every category', () => {
    for (const category of SAFEGUARDING_CATEGORIES) {
      expect(cases.filter(([c]) => c === category).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('detectSafeguarding negation', () => {
  it.each([
    ['I have never been hit', 'hit'],
    ['no one has ever taken my money', 'taken my money'],
    ['Nobody has ever hurt me at the day centre', 'hurt me'],
    ["I'm not suicidal, just exhausted", 'suicidal'],
    ['I have never been neglected', 'neglected'],
  ])('%s: lowers the score but keeps the flag', (text, phrase) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    const match = result.matches.find((m) => m.phrase === phrase);
    expect(match?.negated).toBe(true);
    const plain = detectSafeguarding(text.replace(/never |ever |not |no one has|Nobody has/g, ''));
    expect(result.score).toBeLessThan(plain.score);
  });

  it('does not reach across a clause', () => {
    const result = detectSafeguarding('It was never easy, but he hits me.');
    expect(result.matches.map((m) => m.negated)).toEqual([false]);
  });

  it('does not treat words ending in "nt" as negation', () => {
    expect(detectSafeguarding('I went out and he hit me').matches[0]?.negated).toBe(false);
  });
});

describe('detectSafeguarding matches', () => {
  it('gives offsets into the text as written, in any case', () => {
    const text = 'Since MAY he’s been HITTING me';
    const [match] = detectSafeguarding(text).matches;
    expect(match).toMatchObject({ category: 'physical', phrase: 'HITTING', negated: false });
    expect(text.slice(match?.start, match?.end)).toBe('HITTING');
  });

  it('flags third-person and past concerns that were resolved', () => {
    expect(detectSafeguarding('My neighbour says her son beat her up.').flagged).toBe(true);
    expect(
      detectSafeguarding('A carer stole from my dad years ago; the police dealt with it.').flagged,
    ).toBe(true);
  });

  it('scores more evidence higher', () => {
    const one = detectSafeguarding('He hits me.');
    const two = detectSafeguarding('He hits me and takes my pension.');
    expect(two.score).toBeGreaterThan(one.score);
    expect(two.categories).toEqual(['physical', 'financial']);
    expect(two.score).toBeLessThanOrEqual(1);
  });

  it.each([
    'I felt safe in their hands.',
    'The service has been hit and miss.',
    'Having a regular carer was a big hit with my dad.',
    'The cost of living has hit carers hard.',
    'I would like more day centres open at weekends.',
    '',
  ])('leaves plain praise and everyday words alone: %s', (text) => {
    expect(detectSafeguarding(text)).toMatchObject({ flagged: false, score: 0, matches: [] });
  });
});
