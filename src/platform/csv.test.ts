import { describe, expect, it } from 'vitest';
import { CsvError, csvTable, parseCsv } from './csv.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string): { line: number; fields: readonly string[] }[] =>
  parseCsv(bytes(text), 'f.csv');

describe('parseCsv', () => {
  it.each([
    {
      text: 'a,b\n1,2\n',
      records: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      text: 'a,b\r\n1,2',
      records: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      text: '\uFEFFa,b\n1,\n',
      records: [
        ['a', 'b'],
        ['1', ''],
      ],
    },
    { text: 'a\n"x, ""y"""\n', records: [['a'], ['x, "y"']] },
    {
      text: 'a,b\n"line\nbreak",2\n\n3,4\n',
      records: [
        ['a', 'b'],
        ['line\nbreak', '2'],
        ['3', '4'],
      ],
    },
    {
      text: 'a,b\n"",""\n',
      records: [
        ['a', 'b'],
        ['', ''],
      ],
    },
  ])('reads $text', ({ text, records }) => {
    expect(parse(text).map((r) => r.fields)).toEqual(records);
  });

  it('gives the line each record starts on', () => {
    expect(parse('a,b\n"x\ny",1\n\nz,2\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it.each([
    { text: 'a\n"open\n', message: 'f.csv, line 2: a quoted field is never closed' },
    { text: 'a\n"x"y\n', message: 'f.csv, line 2: unexpected text after a closing quote' },
  ])('rejects $text', ({ text, message }) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('says which line is not UTF-8', () => {
    const latin1 = Uint8Array.from([...bytes('a\nb\ncaf'), 0xe9, ...bytes('\n')]);
    expect(() => parseCsv(latin1, 'f.csv')).toThrow('f.csv, line 3: the file is not UTF-8 text');
  });
});

describe('csvTable', () => {
  it('reads fields by column name', () => {
    const table = csvTable(parse('id,name\n7,"Ann"\n'), 'f.csv', ['id']);
    expect(table.rows.map((row) => [row.line, row.get('id'), row.get('name')])).toEqual([
      [2, '7', 'Ann'],
    ]);
  });

  it.each([
    { text: 'id\n1\n', required: ['id', 'vote'], message: 'f.csv, line 1: missing column "vote"' },
    { text: '', required: ['id'], message: 'f.csv, line 1: the file is empty' },
    { text: 'id,vote\n1,1\n2\n', required: ['id'], message: 'f.csv, line 3: expected 2 fields' },
  ])('rejects $text', ({ text, required, message }) => {
    expect(() => csvTable(parse(text), 'f.csv', required)).toThrow(CsvError);
    expect(() => csvTable(parse(text), 'f.csv', required)).toThrow(message);
  });
});
