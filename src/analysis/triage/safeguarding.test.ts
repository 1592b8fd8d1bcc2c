import { describe, expect, it } from 'vitest';
import {
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_RULES_VERSION,
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
    expect(result.version).toBe(SAFEGUARDING_RULES_VERSION);
  });

  it('has at least two cases for every category', () => {
    for (const category of SAFEGUARDING_CATEGORIES) {
      expect(cases.filter(([c]) => c === category).length).toBeGreaterThanOrEqual(2);
    }
  });
});

// Disclosures put the way people often put them: what they see or live, not the name of the harm.
describe('detectSafeguarding on indirect disclosures', () => {
  const cases: [SafeguardingCategory, string][] = [
    ['physical', 'The night carer was rough turning me and twisted my arm.'],
    ['physical', 'Dad has marks on the tops of his arms like fingers.'],
    ['physical', 'why does she always come back from respite with a cut lip'],
    ['physical', 'She flinches when the staff come near her.'],
    ['domestic', 'He keeps my phone and the car keys in his pocket so I can’t go anywhere.'],
    ['domestic', "She isn't allowed to see her grandchildren unless he is in the room."],
    ['domestic', 'My partner reads all my texts and goes mad if I talk to anyone.'],
    ['sexual', 'He follows her into the toilets at the day centre.'],
    ['sexual', 'My uncle takes pictures of her when she is getting changed.'],
    ['sexual', 'A man puts his hand on her leg in the taxi.'],
    ['psychological', 'He tells me nobody would want me if he left.'],
    ['psychological', 'My carer calls me a useless old woman.'],
    ['psychological', "She says she'll have me put in a home if I complain again."],
    ['financial', 'The shopping never seems to come but her money goes.'],
    ['financial', 'Her grandson has her card and PIN.'],
    ['financial', 'Two men came to the door and she paid them £6,000 for the roof.'],
    ['financial', "Mum's new 'friend' moved into her bungalow in the summer."],
    ['modern_slavery', 'There is no passport and he works for his keep.'],
    ['modern_slavery', 'She cooks and cleans for the whole family and is never paid.'],
    ['modern_slavery', 'He sleeps in the shed behind the car wash.'],
    ['discriminatory', 'They mock his accent and say go back where you came from.'],
    ['discriminatory', "The carer won't wash him because he's gay."],
    ['organisational', 'Everyone is in bed by 7 because of the rota.'],
    ['organisational', 'The doors to the garden are always locked.'],
    ['organisational', 'They get everybody into their nightclothes by half five.'],
    ['neglect', 'Her tablets were missed again and she was left in wet pads.'],
    ['neglect', 'Mum pressed her pendant and nobody came till the morning.'],
    ['neglect', 'The carers leave her sandwich where she can’t reach it.'],
    ['self_neglect', 'He sits in the same clothes for days and the fridge is empty.'],
    ['self_neglect', 'She has no heating and the post is piling up unopened.'],
    ['risk_to_life', "I've written letters to my children in case I'm not here next month."],
    ['risk_to_life', "He keeps saying we won't have to worry about him much longer."],
    ['risk_to_life', 'She has been giving her things away and saying her goodbyes.'],
  ];

  it.each(cases)('%s: %s', (category, text) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    expect(result.categories).toContain(category);
  });

  it('has at least two indirect cases for every category', () => {
    for (const category of SAFEGUARDING_CATEGORIES) {
      expect(cases.filter(([c]) => c === category).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('catches a harm word a few words from the person doing it', () => {
    const text = 'The new night carer is always very rough with him';
    const [match] = detectSafeguarding(text).matches;
    expect(match?.category).toBe('physical');
    expect(text.slice(match?.start, match?.end)).toMatch(/carer .* rough/);
  });
});

describe('detectSafeguarding on hurried writing', () => {
  it.each([
    'hes been hiting me',
    'HE HITS ME WHEN HE HAS BEEN DRINKING',
    'he has been punshed me',
    'i have bruses on my arms',
    'my carer sucide thoughts every night',
    'she was neglectd at that home',
    'no punctuation at all he took my pension and my card and my phone',
    'is it normal for a carer to slap someone',
    'She said "he hit me" and then went quiet.',
    "Mum told me: 'they leave me in wet pads all night'.",
  ])('catches the plain case: %s', (text) => {
    expect(detectSafeguarding(text).flagged).toBe(true);
  });

  it('gives the slip as written, with its offsets', () => {
    const text = 'My husband has been PUNCHIG me';
    const match = detectSafeguarding(text).matches.find((m) => m.phrase === 'PUNCHIG');
    expect(match?.category).toBe('physical');
    expect(text.slice(match?.start, match?.end)).toBe('PUNCHIG');
  });

  it.each(['I was amused by the quiz', 'The cruise was lovely', 'Sitting in the garden'])(
    'does not read a real word as a slip: %s',
    (text) => {
      expect(detectSafeguarding(text).flagged).toBe(false);
    },
  );
});

describe('detectSafeguarding negation', () => {
  it.each([
    ['I have never been hit', 'hit'],
    ['no one has ever taken my money', 'taken my money'],
    ['Nobody has ever hurt me at the day centre', 'hurt me'],
    ["I'm not suicidal, just exhausted", 'suicidal'],
    ['I have never been neglected', 'neglected'],
    ["He doesn't ever take my pension", 'take my pension'],
  ])('%s: lowers the score but keeps the flag', (text, phrase) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    const match = result.matches.find((m) => m.phrase === phrase);
    expect(match?.negated).toBe(true);
    const plain = detectSafeguarding(
      text.replace(/never |ever |not |no one has|Nobody has|doesn't /g, ''),
    );
    expect(result.score).toBeLessThan(plain.score);
  });

  it('does not reach across a clause', () => {
    const result = detectSafeguarding('It was never easy, but he hits me.');
    expect(result.matches.map((m) => m.negated)).toEqual([false]);
  });

  it('keeps a denial of an indirect sign flagged', () => {
    const result = detectSafeguarding("She doesn't have marks on her arms any more, honest");
    expect(result.flagged).toBe(true);
    expect(result.matches.every((m) => m.negated)).toBe(true);
    expect(result.score).toBeGreaterThan(0);
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
    'Losing my wife hit me hard but the group helps.',
    'I would like more day centres open at weekends.',
    'The carer was a bit rough round the edges at first but she is brilliant now.',
    'The physio pushed me to walk further each week.',
    'The paramedics pushed me out of the house in my wheelchair.',
    'The film about the slave trade started good conversations.',
    'Made me feel safe in their hands',
    'I was by myself and a bit scared but they arrived quickly and I felt safe.',
    'It is pointless ringing the council, I am drowning in paperwork.',
    'Mum keeps her money in a tin and I help her count it.',
    'He never misses a visit, best carer we have had.',
    '',
  ])('leaves plain praise and everyday words alone: %s', (text) => {
    expect(detectSafeguarding(text)).toMatchObject({ flagged: false, score: 0, matches: [] });
  });
});
