import { CsvError, csvTable, parseCsv } from '../../platform/csv.ts';
import { type Perspective, PERSPECTIVES, isPerspective } from '../engagements/index.ts';
import { VOICE_MAX_LENGTH } from './voices.core.ts';
import { voiceText } from './voices.schemas.ts';

/** Which columns of a CSV of voices say what. */
export interface VoiceColumns {
  text: string;
  /** Consent to use is never assumed: a column says it per row, or the importer states all agreed. */
  consentUse: { column: string } | 'all';
  /** Without a column nobody agreed to be quoted. */
  consentQuote: string | undefined;
  perspective: { column: string } | { every: Perspective };
  /** The survey's own id for a row; without one a row is known by its text and line. */
  id: string | undefined;
}

/** A row to import: someone who agreed their words may be used. */
export interface VoiceRow {
  line: number;
  /** What makes the row the same row when the file is imported again (never stored as it is). */
  key: string;
  text: string;
  consentQuote: boolean;
  perspective: Perspective;
}

export interface VoiceFile {
  rows: VoiceRow[];
  noConsent: number;
  empty: number;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const saysYes = (value: string): boolean => YES.has(value.trim().toLowerCase());

function perspectiveOf(
  row: { line: number; get: (column: string) => string },
  perspective: VoiceColumns['perspective'],
  file: string,
): Perspective {
  if ('every' in perspective) return perspective.every;
  const value = row.get(perspective.column).trim();
  if (isPerspective(value)) return value;
  throw new CsvError(
    file,
    row.line,
    `"${value}" in column "${perspective.column}" is not a perspective: use one of ${PERSPECTIVES.join(', ')}`,
  );
}

/**
 * Reads and checks every row of a CSV of voices before anything is saved. Rows with no text are
 * counted as empty, rows without consent to use as such; anything wrong (a missing column, a
 * perspective Heard does not know, a text too long, a missing or repeated id) throws CsvError
 * naming the file and line.
 */
export function readVoiceFile(bytes: Uint8Array, file: string, columns: VoiceColumns): VoiceFile {
  const { consentUse, consentQuote, perspective, id } = columns;
  const required = [
    columns.text,
    ...(consentUse === 'all' ? [] : [consentUse.column]),
    ...(consentQuote === undefined ? [] : [consentQuote]),
    ...('column' in perspective ? [perspective.column] : []),
    ...(id === undefined ? [] : [id]),
  ];
  const table = csvTable(parseCsv(bytes, file), file, required);
  const result: VoiceFile = { rows: [], noConsent: 0, empty: 0 };
  const idLines = new Map<string, number>();
  for (const row of table.rows) {
    const raw = row.get(columns.text);
    if (raw.trim() === '') {
      result.empty++;
      continue;
    }
    const text = voiceText.safeParse(raw);
    if (!text.success) {
      throw new CsvError(
        file,
        row.line,
        `the text in column "${columns.text}" is longer than ${VOICE_MAX_LENGTH} characters`,
      );
    }
    const said = perspectiveOf(row, perspective, file);
    let key = `row ${row.line}\n${text.data}`;
    if (id !== undefined) {
      const value = row.get(id).trim();
      if (value === '') throw new CsvError(file, row.line, `no id in column "${id}"`);
      const earlier = idLines.get(value);
      if (earlier !== undefined)
        throw new CsvError(file, row.line, `the id in column "${id}" is also on line ${earlier}`);
      idLines.set(value, row.line);
      key = `id\n${value}`;
    }
    if (consentUse !== 'all' && !saysYes(row.get(consentUse.column))) {
      result.noConsent++;
      continue;
    }
    result.rows.push({
      line: row.line,
      key,
      text: text.data,
      consentQuote: consentQuote !== undefined && saysYes(row.get(consentQuote)),
      perspective: said,
    });
  }
  return result;
}
