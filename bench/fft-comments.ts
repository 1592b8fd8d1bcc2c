// The NHS FFT comments in ../shared/data/fft with their human themes, for the themes benchmarks.
import { readFileSync } from 'node:fs';
import type { Voice } from '../src/analysis/text/themes.ts';
import { csvTable, parseCsv } from '../src/platform/csv.ts';

const FILE = new URL('../../shared/data/fft/neas-dev.csv', import.meta.url);
const FIRST_THEME_COLUMN = 'Not assigned';
const IGNORED = new Set(['Not assigned', 'Labelling not possible']);

export interface Comment {
  voice: Voice;
  /** Human themes in the file's column order; empty when none but the ignored ones. */
  themes: string[];
}

export function readComments(): Comment[] {
  const records = parseCsv(readFileSync(FILE), FILE.pathname);
  const table = csvTable(records, FILE.pathname, ['Comment ID', 'FFT answer']);
  const themeColumns = table.header.slice(table.header.indexOf(FIRST_THEME_COLUMN));
  return table.rows.map((row) => ({
    voice: { id: row.get('Comment ID'), text: row.get('FFT answer'), quotable: true },
    themes: themeColumns.filter((column) => !IGNORED.has(column) && row.get(column) === '1'),
  }));
}
