import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/polis/london.youth.policing', import.meta.url),
);
const scratch = mkdtempSync(join(tmpdir(), 'heard-polis-'));

function heard(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HEARD, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding the fixture's comments.csv and the given other files. */
function folderWith(name: string, files: Record<string, string | Uint8Array>): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  copyFileSync(join(FIXTURE, 'comments.csv'), join(folder, 'comments.csv'));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(folder, file), content);
  return folder;
}

interface Output {
  groups: { id: number; members: string[] }[];
  repness: Record<string, { statement: string; direction: string }[]>;
  consensus: { agree: string[]; disagree: string[] };
}

const column = (file: string, name: string): string[] => {
  const [header = '', ...rows] = readFileSync(join(FIXTURE, file), 'utf8').trim().split('\n');
  const index = header.split(',').indexOf(name);
  return rows.map((row) => row.split(',')[index] ?? '');
};

// Each run starts a Node process through tsx, so these are given longer than most tests.
describe('heard analyse polis', { timeout: 60_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints the opinion map of an export as one JSON object, ids as in the files', () => {
    const result = heard(['analyse', 'polis', FIXTURE, '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    const voters = new Set(column('votes.csv', 'voter-id'));
    const statements = new Set(column('votes.csv', 'comment-id'));
    expect(output.groups.length).toBeGreaterThanOrEqual(2);
    const members = output.groups.flatMap((group) => group.members);
    expect(new Set(members).size).toBe(members.length);
    for (const member of members) expect(voters).toContain(member);
    expect(Object.keys(output.repness)).toEqual(output.groups.map((group) => String(group.id)));
    for (const chosen of Object.values(output.repness).flat()) {
      expect(statements).toContain(chosen.statement);
      expect(['agree', 'disagree']).toContain(chosen.direction);
    }
    expect(output.consensus.agree.length).toBeGreaterThan(0);
    for (const id of [...output.consensus.agree, ...output.consensus.disagree])
      expect(statements).toContain(id);
    expect(result.stderr).toContain('votes.csv');
  });

  it('prints groups, representative and common-ground statements as text', () => {
    const result = heard(['analyse', 'polis', FIXTURE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Group 0: \d+ people/);
    expect(result.stdout).toContain('Representative statements:');
    expect(result.stdout).toContain('Most people agreed:');
  });

  it('reads participants-votes.csv where votes.csv is absent', () => {
    const folder = folderWith('wide', {
      'participants-votes.csv': readFileSync(join(FIXTURE, 'participants-votes.csv')),
    });
    const result = heard(['analyse', 'polis', folder, '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    const members = output.groups.flatMap((group) => group.members);
    expect(members.length).toBeGreaterThan(0);
    for (const member of members)
      expect(column('participants-votes.csv', 'participant')).toContain(member);
  });

  it('leaves participants-votes.csv alone when votes.csv is there', () => {
    const folder = folderWith('both', {
      'votes.csv': readFileSync(join(FIXTURE, 'votes.csv')),
      'participants-votes.csv': 'not,a,polis,file\n"broken\n',
    });
    expect(heard(['analyse', 'polis', folder, '--json']).status).toBe(0);
  });

  it.each<{ name: string; files: Record<string, string | Uint8Array>; message: string }>([
    {
      name: 'bad-vote',
      files: { 'votes.csv': 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,1,2\n' },
      message: 'votes.csv, line 3: a vote must be 1 (agree), -1 (disagree) or 0 (pass), found "2"',
    },
    {
      name: 'missing-column',
      files: { 'votes.csv': 'timestamp,comment-id,vote\n1,0,1\n' },
      message: 'votes.csv, line 1: missing column "voter-id"',
    },
    {
      name: 'not-utf8',
      files: {
        'votes.csv': Uint8Array.from([
          ...Buffer.from('timestamp,comment-id,voter-id,vote\n1,0,'),
          0xff,
          0x0a,
        ]),
      },
      message: 'votes.csv, line 2: the file is not UTF-8 text',
    },
    { name: 'no-votes', files: {}, message: 'votes.csv' },
  ])('says what is wrong and where: $name', ({ name, files, message }) => {
    const result = heard(['analyse', 'polis', folderWith(name, files), '--json']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('says so when the folder does not exist', () => {
    const result = heard(['analyse', 'polis', join(scratch, 'nowhere')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no such folder');
  });
});
