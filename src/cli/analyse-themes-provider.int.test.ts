import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  INVENTED_QUOTE,
  type TestProviderServer,
  startTestProviderServer,
} from '../platform/provider/provider-test-server.ts';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'heard-themes-provider-'));

/** Runs `heard` without blocking: the fake service answers from this process meanwhile. */
function heard(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [HEARD, ...args],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ status: error === null ? 0 : (error.code as number | null), stdout, stderr });
      },
    );
  });
}

const SAID = [
  'Parking at the hospital is terrible',
  'Could not find a parking space so I was late',
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
  'Friendly crew who were kind to my mum',
];
const ROWS = SAID.map((text, i) => ({ id: `r${i}`, text, quotable: i % 3 !== 0 }));
const voices = join(scratch, 'voices.csv');
writeFileSync(
  voices,
  [
    'id,text,quote',
    ...ROWS.map((row) => `${row.id},"${row.text}",${row.quotable ? 'yes' : 'no'}`),
  ].join('\n'),
);
const ARGS = ['--text-column', 'text', '--id-column', 'id', '--consent-column', 'quote', '--json'];

interface Output {
  helper?: { host: string; compared: boolean; named: number; failure?: { reason: string } };
  themes: { id: string; label: string; summary?: string; quotes: { id: string; text: string }[] }[];
  assignments: { id: string; themes: string[] }[];
}

describe('heard analyse themes with a helper service', () => {
  let server: TestProviderServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestProviderServer();
    env = {
      THEMES_PROVIDER_URL: server.url,
      THEMES_PROVIDER_KEY: 'sk-cli-test',
      THEMES_PROVIDER_CHAT_MODEL: 'chat-small',
      THEMES_PROVIDER_EMBEDDING_MODEL: 'embed-small',
    };
  });
  beforeEach(() => {
    server.received.length = 0;
    server.moods = { embeddings: 'good', chat: 'good' };
  });
  afterAll(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('uses the service when configured, saying so on stderr, quoting only rows that may be quoted', async () => {
    const result = await heard(['analyse', 'themes', voices, ...ARGS], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`Using the helper service at ${new URL(server.url).host}`);
    expect(result.stderr).toContain('Themes drafted with help from');
    const output = JSON.parse(result.stdout) as Output;
    expect(output.helper).toMatchObject({ compared: true, named: output.themes.length });
    expect(output.assignments).toHaveLength(ROWS.length);
    for (const theme of output.themes) {
      expect(theme.label).toMatch(/^Helper: /);
      expect(theme.summary).toMatch(/^People said a lot about /);
      for (const quote of theme.quotes) {
        const row = ROWS.find((candidate) => candidate.id === quote.id);
        expect(row?.quotable).toBe(true);
        expect(row?.text).toContain(quote.text);
      }
    }
    expect(result.stdout).not.toContain(INVENTED_QUOTE);
    expect(result.stdout + result.stderr).not.toContain('sk-cli-test');
  });

  it('works without the service when it is down, and says why', async () => {
    server.moods = { embeddings: 'failing', chat: 'failing' };
    const result = await heard(['analyse', 'themes', voices, ...ARGS], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('answered with error 500, so themes were drafted without it.');
    const output = JSON.parse(result.stdout) as Output;
    expect(output.helper?.failure?.reason).toBe('refused');
    expect(output.themes.length).toBeGreaterThan(0);
    expect(output.themes.some((theme) => theme.label.startsWith('Helper: '))).toBe(false);
  });

  it('keeps the coded names when mapping: the service only compares the rows', async () => {
    const coded = join(scratch, 'coded.csv');
    writeFileSync(coded, 'id,theme\nr0,Parking\nr6,Waiting\nr12,Kind staff\n');
    const result = await heard(['analyse', 'themes', voices, ...ARGS, '--coded', coded], env);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.themes.map((theme) => theme.label)).toEqual(['Parking', 'Waiting', 'Kind staff']);
    expect(server.received.map((r) => r.path)).toEqual(['/embeddings']);
  });

  it('refuses a setting that cannot work, saying what to fix', async () => {
    const result = await heard(['analyse', 'themes', voices, ...ARGS], {
      THEMES_PROVIDER_URL: server.url,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'THEMES_PROVIDER_CHAT_MODEL or THEMES_PROVIDER_EMBEDDING_MODEL',
    );
    expect(server.received).toEqual([]);
  });
});
