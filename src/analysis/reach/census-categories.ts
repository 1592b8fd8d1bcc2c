/**
 * The equality monitoring questions Heard asks, each answer one of the Census 2021 categories
 * for England and Wales, so that who Heard has heard from can be set beside who lives in the
 * area (ONS, Open Government Licence v3.0). `census` is the category's name exactly as the ONS
 * tables and Nomis files spell it, after the topic. Every question is optional and may be
 * answered "prefer not to say", which is kept apart from the census categories.
 */

export interface CensusCategory {
  /** Stored in the database and used in form fields and message keys. */
  readonly key: string;
  readonly census: string;
}

export interface EqualityQuestion {
  readonly key: EqualityQuestionKey;
  /** The ONS table whose categories the answers use, such as TS021. */
  readonly table: string;
  /** How the ONS names the topic, before the category, in its tables' column headings. */
  readonly topic: string;
  readonly categories: readonly CensusCategory[];
}

export const EQUALITY_QUESTION_KEYS = [
  'age',
  'sex',
  'ethnicGroup',
  'disability',
  'unpaidCare',
  'religion',
  'sexualOrientation',
] as const;
export type EqualityQuestionKey = (typeof EQUALITY_QUESTION_KEYS)[number];

/** The answer for someone who chose not to say: counted apart from every census category. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** TS007A's five-year bands: the first year of each band, the last band open-ended. */
export const AGE_BAND_STARTS = [
  0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85,
] as const;

const ageCategories: CensusCategory[] = AGE_BAND_STARTS.map((start, index) => {
  const next = AGE_BAND_STARTS[index + 1];
  if (start === 0) return { key: 'aged-0-4', census: 'Aged 4 years and under' };
  if (next === undefined)
    return { key: `aged-${start}-plus`, census: `Aged ${start} years and over` };
  return { key: `aged-${start}-${next - 1}`, census: `Aged ${start} to ${next - 1} years` };
});

/** The TS007A band for an age in whole years. */
export function ageBand(years: number): string {
  let band = 0;
  AGE_BAND_STARTS.forEach((start, index) => {
    if (years >= start) band = index;
  });
  const category = ageCategories[band];
  if (category === undefined) throw new Error('no age bands');
  return category.key;
}

export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
  { key: 'age', table: 'TS007A', topic: 'Age', categories: ageCategories },
  {
    key: 'sex',
    table: 'TS008',
    topic: 'Sex',
    categories: [
      { key: 'female', census: 'Female' },
      { key: 'male', census: 'Male' },
    ],
  },
  {
    key: 'ethnicGroup',
    table: 'TS021',
    topic: 'Ethnic group',
    categories: [
      { key: 'asian', census: 'Asian, Asian British or Asian Welsh' },
      { key: 'black', census: 'Black, Black British, Black Welsh, Caribbean or African' },
      { key: 'mixed', census: 'Mixed or Multiple ethnic groups' },
      { key: 'white', census: 'White' },
      { key: 'other', census: 'Other ethnic group' },
    ],
  },
  {
    key: 'disability',
    table: 'TS038',
    topic: 'Disability',
    categories: [
      {
        key: 'limited-a-lot',
        census: 'Disabled under the Equality Act: Day-to-day activities limited a lot',
      },
      {
        key: 'limited-a-little',
        census: 'Disabled under the Equality Act: Day-to-day activities limited a little',
      },
      {
        key: 'condition-not-limited',
        census:
          'Not disabled under the Equality Act: Has long term physical or mental health condition but day-to-day activities are not limited',
      },
      {
        key: 'no-condition',
        census:
          'Not disabled under the Equality Act: No long term physical or mental health conditions',
      },
    ],
  },
  {
    key: 'unpaidCare',
    table: 'TS039',
    topic: 'Provision of unpaid care',
    categories: [
      { key: 'none', census: 'Provides no unpaid care' },
      { key: 'up-to-19-hours', census: 'Provides 19 hours or less unpaid care a week' },
      { key: '20-to-49-hours', census: 'Provides 20 to 49 hours unpaid care a week' },
      { key: '50-hours-or-more', census: 'Provides 50 or more hours unpaid care a week' },
    ],
  },
  {
    key: 'religion',
    table: 'TS030',
    topic: 'Religion',
    categories: [
      { key: 'no-religion', census: 'No religion' },
      { key: 'christian', census: 'Christian' },
      { key: 'buddhist', census: 'Buddhist' },
      { key: 'hindu', census: 'Hindu' },
      { key: 'jewish', census: 'Jewish' },
      { key: 'muslim', census: 'Muslim' },
      { key: 'sikh', census: 'Sikh' },
      { key: 'other', census: 'Other religion' },
    ],
  },
  {
    key: 'sexualOrientation',
    table: 'TS077',
    topic: 'Sexual orientation',
    categories: [
      { key: 'straight', census: 'Straight or Heterosexual' },
      { key: 'gay-or-lesbian', census: 'Gay or Lesbian' },
      { key: 'bisexual', census: 'Bisexual' },
      { key: 'other', census: 'All other sexual orientations' },
    ],
  },
];

export function equalityQuestion(key: EqualityQuestionKey): EqualityQuestion {
  const question = EQUALITY_QUESTIONS.find((candidate) => candidate.key === key);
  if (question === undefined) throw new Error(`no equality question ${key}`);
  return question;
}
