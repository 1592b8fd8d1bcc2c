import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv-writing.ts';

describe('csvCell', () => {
  it.each([
    { value: 'plain words', cell: 'plain words' },
    { value: '', cell: '' },
    { value: 'a, b', cell: '"a, b"' },
    { value: 'she said "no"', cell: '"she said ""no"""' },
    { value: 'line one\nline two', cell: '"line one\nline two"' },
    { value: 'line one\r\nline two', cell: '"line one\r\nline two"' },
    { value: '=1+1', cell: "'=1+1" },
    { value: '+44 7700 900982', cell: "'+44 7700 900982" },
    { value: '-5 stars', cell: "'-5 stars" },
    { value: '@everyone', cell: "'@everyone" },
    { value: '\tindented', cell: "'\tindented" },
    {
      value: '=HYPERLINK("http://evil.example","x")',
      cell: '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    },
    { value: 'a = b', cell: 'a = b' },
    { value: "it's fine", cell: "it's fine" },
  ])('$value -> $cell', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('writes a byte order mark, then rows joined by commas and CRLF', () => {
    expect(
      toCsv([
        ['Question', 'Words'],
        ['Q1', 'Hello, there'],
      ]),
    ).toBe('\uFEFFQuestion,Words\r\nQ1,"Hello, there"\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv([['A', 'B']])).toBe('\uFEFFA,B\r\n');
  });
});
