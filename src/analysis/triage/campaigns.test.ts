import { describe, expect, it } from 'vitest';
import { CAMPAIGN_VERSION, type CampaignVoice, groupCampaigns } from './campaigns.ts';

const LETTER =
  'Dear Councillor Ahmed, I am writing to ask you to save the Elm Tree day centre from closure. ' +
  'For many older and disabled people in our town the centre is the only place they go each week. ' +
  'It gives them a hot meal, company and activities, and it gives their family carers a few hours of rest. ' +
  'Closing it will leave people isolated at home and will cost more in the end when carers can no longer cope. ' +
  'Please keep the Elm Tree day centre open and talk to the people who use it before any decision is made. ' +
  'Yours sincerely,';

// Edits supporters make to a form letter, one or two per copy.
const COPIES = {
  typos: LETTER.replace('closure', 'closur').replace('activities', 'activites'),
  personalLine: `My mum has gone to Elm Tree every Tuesday for six years. ${LETTER} Jean Price`,
  sentenceRemoved: LETTER.replace(
    'It gives them a hot meal, company and activities, and it gives their family carers a few hours of rest. ',
    '',
  ),
  nameChanged: LETTER.replace('Councillor Ahmed', 'Sir or Madam').replaceAll(
    'Elm Tree',
    'Hollybank',
  ),
  shouted: LETTER.toUpperCase().replaceAll('.', ''),
  wordsSwapped: LETTER.replace('ask you to save', 'urge you to protect').replace(
    'older and disabled',
    'disabled and older',
  ),
};

const CHARGES =
  'I object to the proposed increase in charges for home care. Disabled people on low incomes ' +
  'already pay a large part of their benefits towards their care, and the new rules would take ' +
  'more of the money people need for heating and food. Please withdraw the proposal and consult ' +
  'disabled people properly.';

// Real-sounding answers of ten words or more that share everyday words but are not copies.
const UNRELATED = [
  'The crew were very kind to my mother and explained everything they were doing on the way.',
  'I waited nearly three hours for an ambulance after my fall and the call handler was rude.',
  'The driver was very pleasant and helpful and got me to my appointment at the hospital on time.',
  'Transport was late picking me up from the clinic again so I missed my tea at the home.',
  'My social worker has changed four times this year and nobody tells me who to ring now.',
  'It would help if the day centre opened on Saturdays so my husband could go at weekends.',
  'The staff were very friendly and helpful and made me feel safe all the way to hospital.',
  'The staff were very friendly and made me feel at ease during a frightening time for me.',
];

const voices = (texts: readonly string[], prefix = 'v'): CampaignVoice[] =>
  texts.map((text, i) => ({ id: `${prefix}${i + 1}`, text }));

const partition = (groups: ReturnType<typeof groupCampaigns>): string[][] =>
  groups
    .map((group) => [...group.members].sort())
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

describe('groupCampaigns', () => {
  it('puts a form letter and its edited copies in one group, whatever the edits', () => {
    const input = voices([
      UNRELATED[0] ?? '',
      LETTER,
      ...Object.values(COPIES),
      UNRELATED[1] ?? '',
    ]);
    const groups = groupCampaigns(input);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.members).toEqual(input.slice(1, -1).map((voice) => voice.id));
    expect(group?.id).toBe('campaign-v2');
  });

  it('keeps two different campaigns apart', () => {
    const input = voices([
      LETTER,
      CHARGES,
      COPIES.typos,
      `${CHARGES} I am a wheelchair user and already pay towards my care.`,
      COPIES.personalLine,
      CHARGES.replace('home care', 'care at home'),
    ]);
    expect(partition(groupCampaigns(input))).toEqual([
      ['v1', 'v3', 'v5'],
      ['v2', 'v4', 'v6'],
    ]);
  });

  it('does not group unrelated answers that share everyday words', () => {
    expect(groupCampaigns(voices([...UNRELATED, LETTER, CHARGES]))).toEqual([]);
  });

  it('never groups short answers, however often they are given', () => {
    const short = ['Nothing.', 'Very good service', 'nothing', 'Very good service.', 'N/A'];
    const nineWords = 'The staff were very kind and helpful to me.';
    const input = voices([...short, ...short, nineWords, nineWords, nineWords.toUpperCase()]);
    expect(groupCampaigns(input)).toEqual([]);
    // The limit is the number of words, not how common the words are: ten words can be a campaign.
    const tenWords = 'Save the Elm Tree day centre, it is our lifeline.';
    expect(groupCampaigns(voices([tenWords, tenWords]))).toHaveLength(1);
  });

  it('groups texts shorter than a shingle when a caller lowers the minimum', () => {
    const groups = groupCampaigns(voices(['Yes!', 'yes', 'No']), { minWords: 1 });
    expect(partition(groups)).toEqual([['v1', 'v2']]);
  });

  it('keeps ids exactly as given', () => {
    const ids = ['007', ' 42 ', '1e3', 'ÄÖ-ü'];
    const input = [LETTER, COPIES.typos, COPIES.shouted, COPIES.nameChanged].map((text, i) => ({
      id: ids[i] ?? '',
      text,
    }));
    const [group] = groupCampaigns(input);
    expect(group?.members).toEqual(ids);
    expect(group?.id).toBe('campaign-007');
    expect(ids).toContain(group?.representative.id);
  });

  it('chooses the copy closest to the letter as the representative, and counts variants', () => {
    const input = voices([
      COPIES.personalLine,
      COPIES.typos,
      LETTER,
      COPIES.sentenceRemoved,
      LETTER.toUpperCase(),
      `  ${LETTER}  `,
    ]);
    const [group] = groupCampaigns(input);
    expect(group?.representative).toEqual({ id: 'v3', text: LETTER });
    // The letter as it is, in capitals and with spaces around it, is one variant.
    expect(group?.variants).toBe(4);
  });

  it('gives the same groups for the same voices in any order, and the same result every time', () => {
    const texts = [...UNRELATED, LETTER, ...Object.values(COPIES), CHARGES, CHARGES.toLowerCase()];
    const input = voices(texts);
    const first = groupCampaigns(input);
    expect(groupCampaigns(input)).toEqual(first);
    expect(partition(groupCampaigns([...input].reverse()))).toEqual(partition(first));
    expect(first.length).toBe(2);
  });

  it('returns no groups for no voices, and says which method made them', () => {
    expect(groupCampaigns([])).toEqual([]);
    expect(CAMPAIGN_VERSION).toMatch(/^minhash-\d+$/);
  });
});
