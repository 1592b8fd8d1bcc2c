import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'heard-cli-'));
const file = join(folder, 'heard.sqlite');

function heard(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HEARD, ...args], {
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the heard command', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists its commands, and explains each with --help', { timeout: 60_000 }, () => {
    const overview = heard(['--help']);
    expect(overview.status).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'users add'])
      expect(overview.stdout).toContain(`heard ${command}`);
    for (const command of [['serve'], ['migrate'], ['seed'], ['users', 'add']]) {
      const help = heard([...command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`Usage: heard ${command.join(' ')}`);
    }
    expect(heard(['users', 'add', '--help']).stdout).toContain('--platform-admin');
  });

  it('says so when a command or option is unknown', () => {
    expect(heard(['frobnicate']).status).toBe(2);
    const option = heard(['migrate', '--colour']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('--colour');
  });

  // Each run starts a Node process, so this test is given longer than most.
  it('migrates, adds the demo once, and adds users', { timeout: 120_000 }, async () => {
    const migrated = heard(['migrate']);
    expect(migrated.stdout).toContain('Ran: 0001-foundation');
    expect(heard(['migrate']).stdout).toContain('The database is up to date.');
    expect(heard(['seed']).status).toBe(2);
    expect(heard(['seed', '--demo']).stdout).toContain('Demo data added.');
    expect(heard(['seed', '--demo']).stdout).toContain('nothing added');

    const admin = heard([
      'users',
      'add',
      '--email',
      'Root@Heard.example',
      '--name',
      'Rae Admin',
      '--platform-admin',
    ]);
    expect(admin.status).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(admin.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);

    const officer = heard(
      [
        'users',
        'add',
        '--email',
        'new.officer@council.example',
        '--name',
        'New Officer',
        '--organisation',
        'Northshire Council',
        '--role',
        'officer',
        '--password-stdin',
      ],
      'a password from standard input\n',
    );
    expect(officer.status).toBe(0);
    expect(officer.stdout).not.toContain('shown once');

    const refused = heard([
      'users',
      'add',
      '--email',
      'bad',
      '--name',
      'X',
      '--organisation',
      'Northshire Council',
      '--role',
      'chief',
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Enter an email address in the correct format');
    expect(
      heard([
        'users',
        'add',
        '--email',
        'x@y.example',
        '--name',
        'X',
        '--organisation',
        'Nowhere',
        '--role',
        'lead',
      ]).stderr,
    ).toContain('There is no organisation called Nowhere');

    const db = openDatabase({ dialect: 'sqlite', filename: file });
    try {
      const root = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'root@heard.example')
        .executeTakeFirstOrThrow();
      expect(root.is_platform_admin).toBe(1);
      expect(root.organisation_id).toBeNull();
      expect(await argon2.verify(root.password_hash, password)).toBe(true);
      const added = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'new.officer@council.example')
        .executeTakeFirstOrThrow();
      expect(await argon2.verify(added.password_hash, 'a password from standard input')).toBe(true);
      const roles = await db
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', added.id)
        .execute();
      expect(roles).toEqual([{ role: 'officer' }]);
      const audit = await db
        .selectFrom('audit_events')
        .select('action')
        .where('record_id', '=', added.id)
        .execute();
      expect(audit).toEqual([{ action: 'user_added' }]);
    } finally {
      await db.destroy();
    }
  });

  it(
    'backs the SQLite database up to a new file only its owner can read, on the record',
    { timeout: 60_000 },
    async () => {
      const copy = join(folder, 'backup.sqlite');
      const made = heard(['backup', copy]);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toContain(`Wrote ${copy}`);
      expect(statSync(copy).mode & 0o777).toBe(0o600);

      const original = openDatabase({ dialect: 'sqlite', filename: file });
      const backup = openDatabase({ dialect: 'sqlite', filename: copy });
      try {
        const users = (db: typeof original) =>
          db.selectFrom('users').select('email').orderBy('email').execute();
        expect(await users(backup)).toEqual(await users(original));
        expect((await users(backup)).length).toBeGreaterThan(5);
        const backedUp = await original
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'database_backed_up')
          .execute();
        expect(backedUp).toHaveLength(1);
        expect(JSON.parse(backedUp[0]?.details ?? '{}')).toEqual({ bytes: statSync(copy).size });
      } finally {
        await original.destroy();
        await backup.destroy();
      }

      const again = heard(['backup', copy]);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already there, nothing written');
      expect(heard(['backup']).status).toBe(2);
    },
  );

  it('points to pg_dump when Heard uses PostgreSQL', () => {
    const result = spawnSync(process.execPath, [HEARD, 'backup', join(folder, 'pg.sqlite')], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pg_dump');
    expect(existsSync(join(folder, 'pg.sqlite'))).toBe(false);
  });
});
