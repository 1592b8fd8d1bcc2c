import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListening } from '../../test/listening-engagement.ts';
import { openDatabase } from '../platform/db/database.ts';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/polis/london.youth.policing', import.meta.url),
);
const scratch = mkdtempSync(join(tmpdir(), 'heard-polis-cli-'));
const file = join(scratch, 'heard.sqlite');

function heard(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HEARD, ...args], {
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The groups `heard analyse polis --json` finds, as sets of members whatever their ids. */
function groupsOf(folder: string): string[] {
  const result = heard(['analyse', 'polis', folder, '--json']);
  expect(result.status).toBe(0);
  const { groups } = JSON.parse(result.stdout) as { groups: { members: string[] }[] };
  return groups.map((g) => [...g.members].sort().join(' ')).sort();
}

const countStatements = async (engagementId: string): Promise<number> => {
  const db = openDatabase({ dialect: 'sqlite', filename: file });
  try {
    const row = await db
      .selectFrom('statements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirstOrThrow();
    return row.n;
  } finally {
    await db.destroy();
  }
};

// Each run starts a Node process through tsx, so these are given longer than most tests.
describe('heard import polis and heard export polis', { timeout: 120_000 }, () => {
  let engagementId: string;

  beforeAll(async () => {
    expect(heard(['migrate']).status).toBe(0);
    expect(heard(['seed', '--demo']).status).toBe(0);
    const db = openDatabase({ dialect: 'sqlite', filename: file });
    try {
      engagementId = (await startListening(db)).id;
    } finally {
      await db.destroy();
    }
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('imports an export, then writes it back out with the same groups', async () => {
    const imported = heard(['import', 'polis', FIXTURE, '--engagement', engagementId]);
    expect(imported.stderr).toContain('Opinion map computed');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Imported 39 statements, 27 participants and 638 votes/);

    const again = heard(['import', 'polis', FIXTURE, '--engagement', engagementId]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('Nothing was imported. The engagement already holds');
    expect(await countStatements(engagementId)).toBe(39);

    const out = join(scratch, 'exported');
    const exported = heard(['export', 'polis', '--engagement', engagementId, out]);
    expect(exported.status).toBe(0);
    expect(groupsOf(out)).toEqual(groupsOf(FIXTURE));

    const overwrite = heard(['export', 'polis', '--engagement', engagementId, out]);
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toContain('already there, nothing written');
  });

  it('says what is wrong, and where, and imports nothing', async () => {
    const other = join(scratch, 'other');
    const db = openDatabase({ dialect: 'sqlite', filename: file });
    let target: string;
    try {
      target = (await startListening(db)).id;
    } finally {
      await db.destroy();
    }
    // A folder with none of the Polis files: the message names the one looked for.
    const missing = heard(['import', 'polis', scratch, '--engagement', target]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Nothing was imported\. .*votes\.csv: not found/);
    const perspective = heard([
      'import',
      'polis',
      FIXTURE,
      '--engagement',
      target,
      '--perspective',
      'martian',
    ]);
    expect(perspective.status).toBe(2);
    expect(perspective.stderr).toContain('--perspective must be one of');
    expect(heard(['import', 'polis', other, '--engagement', target]).stderr).toContain(
      'no such folder',
    );
    expect(heard(['export', 'polis', '--engagement', 'nope', other]).status).toBe(2);
    expect(await countStatements(target)).toBe(0);
  });
});
