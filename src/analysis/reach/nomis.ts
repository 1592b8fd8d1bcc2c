import type { Cell } from './disclosure.ts';
import type { EqualityQuestion } from './census-categories.ts';

/**
 * Reads a Nomis bulk Census 2021 file (such as `census2021-ts021-ltla.csv` from
 * https://www.nomisweb.co.uk/sources/census_2021_bulk): a header row, then one row per area.
 *
 *   date,geography,geography code,Ethnic group: Total: All usual residents,
 *   Ethnic group: Asian, Asian British or Asian Welsh,
 *   Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi, …, Ethnic group: White, …
 *
 * Each count column is headed `<topic>: <category>`; some tables (TS008 Sex, for one) add
 * `; measures: Value`. Besides the question's categories a file has a total column
 * (`Ethnic group: Total: All usual residents`, `Age: Total`, `Sex: All persons; measures: Value`),
 * sub-categories (`… Asian Welsh: Bangladeshi`; in TS039 `Provides 9 hours or less unpaid care a
 * week`, with no parent prefix) and sometimes `Not answered`. Only the question's own categories
 * are read; every other column is left alone.
 */

/** The shape of `CsvRecord` in `src/platform/csv.ts` (analysis does not import platform). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CensusArea {
  /** The census date column as written (2021). */
  date: string;
  /** The area's name. */
  geography: string;
  /** The area's ONS code, such as E06000001. */
  code: string;
  /** One cell per category, in the question's order, keyed by category key. */
  counts: Cell[];
}

export class CensusFileError extends Error {
  override name = 'CensusFileError';
  constructor(
    readonly file: string,
    /** Undefined when the problem is the file as a whole (such as having no header). */
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
  }
}

const MEASURES_SUFFIX = /;\s*measures\s*:\s*value\s*$/i;

/** Headings compared without case, spaces or the `; measures: Value` suffix. */
function headingKey(heading: string): string {
  return heading
    .replace(/^\uFEFF/, '')
    .replace(MEASURES_SUFFIX, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export function readCensusAreas(
  records: readonly CsvRecord[],
  file: string,
  question: EqualityQuestion,
): CensusArea[] {
  const [header, ...rows] = records;
  if (header === undefined) throw new CensusFileError(file, undefined, 'the file is empty');

  const headings = header.fields.map(headingKey);
  const columnOf = (wanted: string, name: string): number => {
    const key = headingKey(wanted);
    const found = headings.flatMap((heading, index) => (heading === key ? [index] : []));
    if (found.length === 0) {
      throw new CensusFileError(
        file,
        header.line,
        `the file has no column for "${name}" (${question.table})`,
      );
    }
    if (found.length > 1) {
      throw new CensusFileError(
        file,
        header.line,
        `the file has ${found.length} columns for "${name}" (${question.table})`,
      );
    }
    return found[0] ?? 0;
  };

  const dateColumn = columnOf('date', 'date');
  const geographyColumn = columnOf('geography', 'geography');
  const codeColumn = columnOf('geography code', 'geography code');
  const categoryColumns = question.categories.map((category) => ({
    category,
    column: columnOf(`${question.topic}: ${category.census}`, category.census),
  }));

  return rows.map((row) => {
    if (row.fields.length !== header.fields.length) {
      throw new CensusFileError(
        file,
        row.line,
        `this row has ${row.fields.length} values but the header has ${header.fields.length} columns`,
      );
    }
    const field = (column: number): string => (row.fields[column] ?? '').trim();
    return {
      date: field(dateColumn),
      geography: field(geographyColumn),
      code: field(codeColumn),
      counts: categoryColumns.map(({ category, column }) => {
        const text = field(column);
        if (!/^\d+$/.test(text)) {
          throw new CensusFileError(
            file,
            row.line,
            `the count for "${category.census}" is "${text}", not a whole number of people`,
          );
        }
        return { key: category.key, count: Number(text) };
      }),
    };
  });
}
