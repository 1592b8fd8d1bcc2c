import { describe, expect, it } from 'vitest';
import { CAMPAIGN_VERSION } from './campaigns.ts';
import { suggestIndividualConcern } from './individual-concern.ts';
import { detectSafeguarding } from './safeguarding.ts';
import { sortVoices, sortingVersions } from './sort-voices.ts';

const LETTER =
  'Please do not cut respite and short breaks for unpaid carers in Northbridge. Carers save the ' +
  'council millions every year by looking after family members at home. A few nights of respite ' +
  'a month are what let us keep going, keep our jobs and stay well ourselves.';

const VOICES = [
  { id: '007', text: LETTER },
  { id: '8', text: 'The minibus driver is always cheerful and patient with my dad.' },
  { id: '009', text: `My son's carer hits him when I am not there. ${LETTER}` },
  { id: '10', text: LETTER.toUpperCase() },
  { id: '11', text: 'My direct payment has been late for three months and nobody rings me back.' },
  { id: '12', text: 'Nothing.' },
];

describe('sortVoices', () => {
  const { items, campaigns } = sortVoices(VOICES);

  it('gives one item per voice, in order, with the ids as given', () => {
    expect(items.map((item) => item.id)).toEqual(VOICES.map((voice) => voice.id));
  });

  it('uses the safeguarding and concern suggestions for every voice', () => {
    for (const [i, item] of items.entries()) {
      const text = VOICES[i]?.text ?? '';
      expect(item.safeguarding).toBe(detectSafeguarding(text).flagged);
      expect(item.safeguardingCategories).toEqual(detectSafeguarding(text).categories);
      expect(item.concern).toBe(suggestIndividualConcern(text).suggested);
    }
  });

  it('flags a disclosure added to a form letter and keeps the voice in its campaign', () => {
    expect(campaigns).toHaveLength(1);
    const campaign = campaigns[0]?.id;
    expect(items.filter((item) => item.campaign === campaign).map((item) => item.id)).toEqual([
      '007',
      '009',
      '10',
    ]);
    const disclosure = items.find((item) => item.id === '009');
    expect(disclosure?.safeguarding).toBe(true);
    expect(disclosure?.safeguardingCategories).toContain('physical');
    expect(items.find((item) => item.id === '8')?.campaign).toBeNull();
  });

  it('says which rules and method made the suggestions', () => {
    expect(sortingVersions().campaign).toBe(CAMPAIGN_VERSION);
    expect(Object.values(sortingVersions()).every((version) => version.length > 0)).toBe(true);
  });

  it('refuses voices that share an id', () => {
    expect(() => sortVoices([...VOICES, { id: '8', text: 'Another answer.' }])).toThrow(/own id/);
  });
});
