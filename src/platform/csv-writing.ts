/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): a person's
 * words beginning "=HYPERLINK(…)" must open as text, not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-like text prefixed with a quote; quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV: CRLF line ends, and a byte order mark so spreadsheet programs read it as UTF-8
 * (names and words in Welsh, Polish or Urdu stay as written).
 */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
