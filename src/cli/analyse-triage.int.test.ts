import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'heard-triage-'));

function heard(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HEARD, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function csvFile(name: string, content: string | Uint8Array): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

const LETTER =
  'Dear Councillor Ahmed, I am writing to ask you to save the Elm Tree day centre from closure. ' +
  'For many older and disabled people in our town the centre is the only place they go each week. ' +
  'It gives them a hot meal, company and activities, and it gives their family carers a few hours of rest. ' +
  'Please keep the Elm Tree day centre open and talk to the people who use it before any decision is made.';

// A spreadsheet as a council might export it: quoted fields with commas, quotes and line breaks.
const ROWS: [string, string, string][] = [
  ['007', '2026-11-02', LETTER],
  ['008', '2026-11-02', 'The transport to the day centre is "always" late, and nobody says why.'],
  ['009', '2026-11-03', `${LETTER}\nMy dad has gone there for six years, please don't close it.`],
  [
    '010',
    '2026-11-03',
    'Since Mum moved in with my brother he hits her and has taken her bank card.',
  ],
  ['011', '2026-11-04', LETTER.toUpperCase().replace('CLOSURE', 'CLOSUER')],
  ['12', '2026-11-04', 'Nothing.'],
];
const SPREADSHEET = [
  'Reference,Received,What would you like to tell us?',
  ...ROWS.map(([id, date, text]) => `${id},${date},${quoted(text)}`),
].join('\r\n');

const ARGS = ['--text-column', 'What would you like to tell us?', '--id-column', 'Reference'];

interface Output {
  versions: Record<string, string>;
  items: {
    id: string;
    safeguarding: boolean;
    safeguardingCategories: string[];
    concern: boolean;
    campaign: string | null;
  }[];
  campaigns: { id: string; count: number; variants: number; members: string[] }[];
}

// Each run starts a Node process through tsx, so these are given longer than most tests.
describe('heard analyse triage', { timeout: 60_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('sorts every row and prints one JSON object, ids exactly as in the file', () => {
    const result = heard([
      'analyse',
      'triage',
      csvFile('voices.csv', SPREADSHEET),
      ...ARGS,
      '--json',
    ]);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.items.map((item) => item.id)).toEqual(ROWS.map(([id]) => id));
    for (const item of output.items) {
      expect(typeof item.safeguarding).toBe('boolean');
      expect(typeof item.concern).toBe('boolean');
    }
    const flagged = output.items.filter((item) => item.safeguarding).map((item) => item.id);
    expect(flagged).toContain('010');
    expect(output.campaigns).toHaveLength(1);
    const [campaign] = output.campaigns;
    expect(campaign?.members).toEqual(['007', '009', '011']);
    expect(campaign?.count).toBe(3);
    for (const item of output.items) {
      expect(item.campaign).toBe(campaign?.members.includes(item.id) ? campaign.id : null);
    }
    expect(output.versions.campaign).toBe('minhash-1');
    expect(result.stderr).toContain('Read 6 voices');
  });

  it('prints a summary by id, without anyone’s words, when --json is not given', () => {
    const result = heard(['analyse', 'triage', csvFile('summary.csv', SPREADSHEET), ...ARGS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('6 voices sorted.');
    expect(result.stdout).toMatch(/for the safeguarding lead now: [1-9]/);
    expect(result.stdout).toContain('[010]');
    expect(result.stdout).toContain('campaign-007: 3 voices');
    expect(result.stdout).not.toContain('bank card');
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const file = csvFile('bom.csv', `\uFEFF${SPREADSHEET}`);
    const result = heard(['analyse', 'triage', file, ...ARGS, '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Output).items).toHaveLength(ROWS.length);
  });

  it('gives no items for a header with no rows', () => {
    const file = csvFile('header-only.csv', 'Reference,What would you like to tell us?\n');
    const result = heard(['analyse', 'triage', file, ...ARGS, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ items: [], campaigns: [] });
  });

  it.each<{ name: string; content: string; message: string }>([
    {
      name: 'missing-column.csv',
      content: 'Reference,Comment\n1,Hello\n',
      message: 'missing-column.csv, line 1: missing column "What would you like to tell us?"',
    },
    {
      name: 'unclosed-quote.csv',
      content: `Reference,What would you like to tell us?\n1,Fine\n2,"It was\nlate\n3,Good\n`,
      message: 'unclosed-quote.csv, line 3: a quoted field is never closed',
    },
    {
      name: 'empty.csv',
      content: '',
      message: 'empty.csv, line 1: the file is empty (a header row is needed)',
    },
    {
      name: 'repeated-id.csv',
      content: 'Reference,What would you like to tell us?\n7,Good\n8,Fine\n7,Late again\n',
      message: 'repeated-id.csv, line 4: the id "7" is also on line 2',
    },
    {
      name: 'no-id.csv',
      content: 'Reference,What would you like to tell us?\n7,Good\n,Fine\n',
      message: 'no-id.csv, line 3: no id in column "Reference"',
    },
  ])('says what is wrong, in which file and on which line: $name', ({ name, content, message }) => {
    const result = heard(['analyse', 'triage', csvFile(name, content), ...ARGS, '--json']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('says so when the file does not exist or a column is not named', () => {
    const missing = heard(['analyse', 'triage', join(scratch, 'nowhere.csv'), ...ARGS]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.csv: no such file');
    const unnamed = heard(['analyse', 'triage', csvFile('x.csv', SPREADSHEET), '--json']);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr).toContain('--text-column NAME --id-column NAME');
  });
});
