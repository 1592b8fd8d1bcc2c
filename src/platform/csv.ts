/** A CSV record with the line of the file it starts on (1 is the header). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly file: string,
    /** Undefined when the problem is the file as a whole (such as its absence). */
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
  }
}

/**
 * Reads UTF-8 CSV (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks; CRLF
 * or LF) into records, skipping blank lines. Throws CsvError naming the file and line.
 */
export function parseCsv(bytes: Uint8Array, file: string): CsvRecord[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvError(file, lineOfBadByte(bytes), 'the file is not UTF-8 text');
  }
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let afterQuote = false;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      afterQuote = false;
      line++;
      start = line;
    } else if (char === '"' && field === '' && !afterQuote) {
      quoted = true;
    } else if (afterQuote) {
      throw new CsvError(file, line, 'unexpected text after a closing quote');
    } else {
      field += char;
    }
    i++;
  }
  if (quoted) throw new CsvError(file, start, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return records;
}

function lineOfBadByte(bytes: Uint8Array): number {
  // Valid UTF-8 up to the bad byte decodes cleanly, so count newlines before it.
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a) line++;
    else if (byte >= 0x80) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
      if (length === 0 || i + length > bytes.length) return line;
      for (let j = 1; j < length; j++) if (((bytes[i + j] ?? 0) & 0xc0) !== 0x80) return line;
      i += length - 1;
    }
  }
  return line;
}

/** Records as objects keyed by header name; throws when a required column is missing. */
export function csvTable(
  records: readonly CsvRecord[],
  file: string,
  required: readonly string[],
): { header: readonly string[]; rows: { line: number; get: (column: string) => string }[] } {
  const [head, ...body] = records;
  if (head === undefined) throw new CsvError(file, 1, 'the file is empty (a header row is needed)');
  const header = head.fields.map((name) => name.trim());
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new CsvError(
      file,
      head.line,
      `missing column ${missing.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  const index = new Map(header.map((name, i) => [name, i]));
  return {
    header,
    rows: body.map((record) => {
      if (record.fields.length !== header.length) {
        throw new CsvError(
          file,
          record.line,
          `expected ${header.length} fields as in the header, found ${record.fields.length}`,
        );
      }
      return { line: record.line, get: (column) => record.fields[index.get(column) ?? -1] ?? '' };
    }),
  };
}
