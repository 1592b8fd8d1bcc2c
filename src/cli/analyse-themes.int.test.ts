import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'heard-themes-'));

function heard(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HEARD, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function csvFile(name: string, content: string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

const SAID = [
  'Parking at the hospital is terrible',
  'Could not find a parking space, so I was "late"',
  'The car park is always full',
  'Parking costs too much money',
  'No parking near the entrance for disabled people',
  'Spent half an hour looking for parking',
  'Waited four hours for the ambulance to come',
  'The wait for transport home was very long',
  'Long waits every single visit, nobody says why',
  'We waited hours and nobody told us why',
  'Had to wait three hours to be collected',
  'Waiting around all day for transport',
  'The staff were kind and caring',
  'Lovely friendly staff who put me at ease',
  'The crew were caring and very kind',
  'Kind, helpful and friendly staff',
  'Staff were so caring and friendly',
  'Friendly crew who were kind to my mum,\nand to me',
];
// Ids as a spreadsheet holds them: leading zeros and words, which must come back unchanged.
const ROWS: [string, string, string][] = [
  ...SAID.map((text, i): [string, string, string] => [`00${i}`, text, i % 3 === 0 ? 'no' : 'yes']),
  ['blank', '', 'yes'],
];
const SPREADSHEET = [
  'Ref,What matters to you?,May we quote you?',
  ...ROWS.map(([id, text, consent]) => `${id},${quoted(text)},${consent}`),
].join('\r\n');
const ARGS = ['--text-column', 'What matters to you?', '--id-column', 'Ref'];

interface Output {
  themes: { id: string; label: string; quotes: { id: string; text: string }[] }[];
  assignments: { id: string; themes: string[]; confidence: number[] }[];
  uncertainty?: { id: string; confidence: number }[];
}

describe('heard analyse themes', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const voices = csvFile('voices.csv', SPREADSHEET);

  it('drafts themes with consented quotes and assigns every row, ids as written', () => {
    const result = heard([
      'analyse',
      'themes',
      voices,
      ...ARGS,
      '--consent-column',
      'May we quote you?',
      '--json',
    ]);
    expect(result.stderr).toContain('Read 19 voices');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.assignments.map((a) => a.id)).toEqual(ROWS.map(([id]) => id));
    const themeIds = new Set(output.themes.map((t) => t.id));
    expect(output.themes.length).toBeGreaterThanOrEqual(2);
    for (const assignment of output.assignments) {
      for (const theme of assignment.themes) expect(themeIds.has(theme)).toBe(true);
    }
    const row = new Map(ROWS.map(([id, text, consent]) => [id, { text, consent }]));
    for (const theme of output.themes) {
      expect(theme.label).not.toBe('');
      for (const quote of theme.quotes) {
        expect(row.get(quote.id)?.consent).toBe('yes');
        expect(row.get(quote.id)?.text).toContain(quote.text);
      }
    }
  });

  it('maps every other row to the hand-coded themes, named exactly as coded', () => {
    const coded = csvFile(
      'coded.csv',
      [
        'id,theme',
        '000,Parking',
        '002,Parking',
        '006,Waiting times',
        '009,Waiting times',
        '0012,"Staff: kind, caring"',
        '0014,"Staff: kind, caring"',
        '001,Parking',
        '001,Waiting times',
      ].join('\n'),
    );
    const result = heard(['analyse', 'themes', voices, ...ARGS, '--coded', coded, '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.themes.map((t) => t.label)).toEqual([
      'Parking',
      'Waiting times',
      'Staff: kind, caring',
    ]);
    const byId = new Map(output.assignments.map((a) => [a.id, a.themes]));
    expect(output.assignments).toHaveLength(ROWS.length);
    expect(byId.get('001')).toEqual(['theme-1', 'theme-2']);
    expect(byId.get('003')?.[0]).toBe('theme-1');
    expect(byId.get('0010')?.[0]).toBe('theme-2');
    expect(byId.get('0016')?.[0]).toBe('theme-3');
    expect(output.uncertainty?.some((u) => u.id === '000')).toBe(false);
  });

  it('prints plain text with a line per theme without --json', () => {
    const result = heard(['analyse', 'themes', voices, ...ARGS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/draft themes? from 19 voices/);
    expect(result.stdout).toContain('theme-1:');
  });

  it('names the file and line of bad input and exits non-zero', () => {
    const cases: [string[], RegExp][] = [
      [
        ['analyse', 'themes', voices, '--text-column', 'Comment', '--id-column', 'Ref'],
        /voices\.csv, line 1: missing column "Comment"/,
      ],
      [
        ['analyse', 'themes', csvFile('empty.csv', ''), ...ARGS],
        /empty\.csv, line 1: the file is empty/,
      ],
      [
        ['analyse', 'themes', csvFile('header.csv', 'Ref,What matters to you?\n'), ...ARGS],
        /header\.csv, line 2: no voices/,
      ],
      [
        [
          'analyse',
          'themes',
          voices,
          ...ARGS,
          '--coded',
          csvFile('unknown.csv', 'id,theme\n000,Parking\n42,Parking\n'),
        ],
        /unknown\.csv, line 3: the id "42" is not in/,
      ],
      [
        [
          'analyse',
          'themes',
          csvFile('twice.csv', 'Ref,What matters to you?\n7,a\n7,b\n'),
          ...ARGS,
        ],
        /twice\.csv, line 3: the id "7" is also on line 2/,
      ],
      [['analyse', 'themes', join(scratch, 'missing.csv'), ...ARGS], /missing\.csv: no such file/],
    ];
    for (const [args, message] of cases) {
      const result = heard(args);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});
