import { describe, expect, it } from 'vitest';
import { equalityQuestion } from './census-categories.ts';
import { CensusFileError, type CsvRecord, readCensusAreas } from './nomis.ts';

// The headings follow real Nomis bulk files (census2021-ts021, -ts008, -ts039); every number is
// made up.

/** Splits fixture text into records as src/platform/csv.ts would (quoted fields may hold commas). */
function records(text: string): CsvRecord[] {
  return text
    .trim()
    .split('\n')
    .map((row, index) => ({
      line: index + 1,
      fields: [...row.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)]
        .filter((match) => match.index === 0 || row[match.index - 1] === ',')
        .map((match) => (match[1] === undefined ? (match[2] ?? '') : match[1].replace(/""/g, '"'))),
    }));
}

const TS021 = [
  'date,geography,geography code,Ethnic group: Total: All usual residents,' +
    '"Ethnic group: Asian, Asian British or Asian Welsh",' +
    '"Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi",' +
    '"Ethnic group: Asian, Asian British or Asian Welsh: Other Asian",' +
    '"Ethnic group: Black, Black British, Black Welsh, Caribbean or African",' +
    '"Ethnic group: Black, Black British, Black Welsh, Caribbean or African: African",' +
    'Ethnic group: Mixed or Multiple ethnic groups,' +
    'Ethnic group: Mixed or Multiple ethnic groups: White and Asian,' +
    'Ethnic group: White,' +
    '"Ethnic group: White: English, Welsh, Scottish, Northern Irish or British",' +
    'Ethnic group: Other ethnic group,' +
    'Ethnic group: Other ethnic group: Arab',
  '2021,Hartlepool,E06000001,1000,30,10,20,20,15,25,5,900,850,25,10',
  '2021,Middlesbrough,E06000002,2000,300,100,200,60,50,40,10,1550,1500,50,20',
].join('\n');

describe('readCensusAreas', () => {
  it('reads each area’s counts in the question’s order, leaving totals and sub-categories', () => {
    expect(
      readCensusAreas(records(TS021), 'census2021-ts021-ltla.csv', equalityQuestion('ethnicGroup')),
    ).toEqual([
      {
        date: '2021',
        geography: 'Hartlepool',
        code: 'E06000001',
        counts: [
          { key: 'asian', count: 30 },
          { key: 'black', count: 20 },
          { key: 'mixed', count: 25 },
          { key: 'white', count: 900 },
          { key: 'other', count: 25 },
        ],
      },
      {
        date: '2021',
        geography: 'Middlesbrough',
        code: 'E06000002',
        counts: [
          { key: 'asian', count: 300 },
          { key: 'black', count: 60 },
          { key: 'mixed', count: 40 },
          { key: 'white', count: 1550 },
          { key: 'other', count: 50 },
        ],
      },
    ]);
  });

  it('reads headings with the "; measures: Value" suffix', () => {
    const text = [
      'date,geography,geography code,Sex: All persons; measures: Value,Sex: Female; measures: Value,Sex: Male; measures: Value',
      '2021,Hartlepool,E06000001,1000,510,490',
    ].join('\n');
    const [area] = readCensusAreas(
      records(text),
      'census2021-ts008-ltla.csv',
      equalityQuestion('sex'),
    );
    expect(area?.counts).toEqual([
      { key: 'female', count: 510 },
      { key: 'male', count: 490 },
    ]);
  });

  it('matches headings whatever their case and spacing', () => {
    const text = [
      'Date, Geography ,geography  code,SEX: female ;measures:value,sex:Male',
      '2021,Hartlepool,E06000001,510,490',
    ].join('\n');
    const [area] = readCensusAreas(records(text), 'sex.csv', equalityQuestion('sex'));
    expect(area).toEqual({
      date: '2021',
      geography: 'Hartlepool',
      code: 'E06000001',
      counts: [
        { key: 'female', count: 510 },
        { key: 'male', count: 490 },
      ],
    });
  });

  it('reads TS039, whose hour bands sit beside their parts without a parent prefix', () => {
    const text = [
      'date,geography,geography code,' +
        'Provision of unpaid care: Total: All usual residents aged 5 and over,' +
        'Provision of unpaid care: Provides no unpaid care,' +
        'Provision of unpaid care: Provides 19 hours or less unpaid care a week,' +
        'Provision of unpaid care: Provides 9 hours or less unpaid care a week,' +
        'Provision of unpaid care: Provides 10 to 19 hours unpaid care a week,' +
        'Provision of unpaid care: Provides 20 to 49 hours unpaid care a week,' +
        'Provision of unpaid care: Provides 20 to 34 hours unpaid care a week,' +
        'Provision of unpaid care: Provides 35 to 49 hours unpaid care a week,' +
        'Provision of unpaid care: Provides 50 or more hours unpaid care a week',
      '2021,Hartlepool,E06000001,950,850,50,30,20,20,12,8,30',
    ].join('\n');
    const [area] = readCensusAreas(
      records(text),
      'census2021-ts039-ltla.csv',
      equalityQuestion('unpaidCare'),
    );
    expect(area?.counts).toEqual([
      { key: 'none', count: 850 },
      { key: 'up-to-19-hours', count: 50 },
      { key: '20-to-49-hours', count: 20 },
      { key: '50-hours-or-more', count: 30 },
    ]);
  });

  it('reads every age band of TS007A', () => {
    const age = equalityQuestion('age');
    const headings = age.categories.map((category) => `Age: ${category.census}`);
    const text = [
      ['date', 'geography', 'geography code', 'Age: Total', ...headings].join(','),
      ['2021', 'Hartlepool', 'E06000001', '180', ...headings.map(() => '10')].join(','),
    ].join('\n');
    const [area] = readCensusAreas(records(text), 'census2021-ts007a-ltla.csv', age);
    expect(area?.counts).toHaveLength(18);
    expect(area?.counts[0]).toEqual({ key: 'aged-0-4', count: 10 });
    expect(area?.counts[17]).toEqual({ key: 'aged-85-plus', count: 10 });
  });

  it('returns no areas for a header alone', () => {
    const [header] = TS021.split('\n');
    expect(
      readCensusAreas(records(header ?? ''), 'f.csv', equalityQuestion('ethnicGroup')),
    ).toEqual([]);
  });

  function problem(run: () => unknown): CensusFileError {
    try {
      run();
    } catch (error) {
      if (error instanceof CensusFileError) return error;
      throw error;
    }
    throw new Error('expected a CensusFileError');
  }

  it('names a missing category column and the table', () => {
    const text = TS021.replace('Ethnic group: White,', 'Ethnic group: Whites,');
    const error = problem(() =>
      readCensusAreas(records(text), 'census2021-ts021-ltla.csv', equalityQuestion('ethnicGroup')),
    );
    expect(error.problem).toBe('the file has no column for "White" (TS021)');
    expect(error.file).toBe('census2021-ts021-ltla.csv');
    expect(error.line).toBe(1);
    expect(error.message).toBe(
      'census2021-ts021-ltla.csv, line 1: the file has no column for "White" (TS021)',
    );
  });

  it('names the first missing category when given another table’s file', () => {
    const error = problem(() =>
      readCensusAreas(records(TS021), 'ts021.csv', equalityQuestion('sex')),
    );
    expect(error.problem).toBe('the file has no column for "Female" (TS008)');
  });

  it('names a missing area column', () => {
    const text = TS021.replace('geography code,', 'code,');
    const error = problem(() =>
      readCensusAreas(records(text), 'f.csv', equalityQuestion('ethnicGroup')),
    );
    expect(error.problem).toBe('the file has no column for "geography code" (TS021)');
  });

  it('refuses two columns for one category', () => {
    const text = [
      'date,geography,geography code,Sex: Female,Sex: Female; measures: Value,Sex: Male',
      '2021,Hartlepool,E06000001,510,510,490',
    ].join('\n');
    const error = problem(() => readCensusAreas(records(text), 'f.csv', equalityQuestion('sex')));
    expect(error.problem).toBe('the file has 2 columns for "Female" (TS008)');
  });

  it.each([
    ['a negative count', '-5'],
    ['a fraction', '12.5'],
    ['a blank', ''],
    ['words', 'n/a'],
    ['a thousands separator', '1,200'],
  ])('refuses %s, naming the line and category', (_, value) => {
    const text = [
      'date,geography,geography code,Sex: All persons,Sex: Female,Sex: Male',
      '2021,Hartlepool,E06000001,1000,510,490',
      `2021,Middlesbrough,E06000002,1000,"${value}",490`,
    ].join('\n');
    const error = problem(() => readCensusAreas(records(text), 'f.csv', equalityQuestion('sex')));
    expect(error.line).toBe(3);
    expect(error.problem).toBe(
      `the count for "Female" is "${value}", not a whole number of people`,
    );
  });

  it('refuses a row with the wrong number of values', () => {
    const text = [
      'date,geography,geography code,Sex: All persons,Sex: Female,Sex: Male',
      '2021,Hartlepool,E06000001,1000,510',
    ].join('\n');
    const error = problem(() => readCensusAreas(records(text), 'f.csv', equalityQuestion('sex')));
    expect(error.line).toBe(2);
    expect(error.problem).toBe('this row has 5 values but the header has 6 columns');
  });

  it('refuses an empty file', () => {
    const error = problem(() => readCensusAreas([], 'f.csv', equalityQuestion('sex')));
    expect(error.line).toBeUndefined();
    expect(error.message).toBe('f.csv: the file is empty');
  });
});
