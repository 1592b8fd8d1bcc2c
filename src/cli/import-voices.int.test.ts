import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../test/app.ts';
import { type TestDatabase, testDatabases } from '../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../test/listening-engagement.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';

const HEARD = fileURLToPath(new URL('../../bin/heard.js', import.meta.url));
const FORMS = fileURLToPath(new URL('../../test/fixtures/voices/paper-forms.csv', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'heard-voices-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DISCLOSURE = 'My carer hits me when nobody is looking.';

/** A database the CLI can reach from its own process: a SQLite file, or a PostgreSQL schema. */
async function openShared(
  database: TestDatabase,
): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  if (database.name === 'sqlite') {
    const file = join(scratch, 'heard.sqlite');
    return {
      url: `sqlite:${file}`,
      db: openDatabase({ dialect: 'sqlite', filename: file }),
      drop: async () => {},
    };
  }
  const { db, config, drop } = await database.open();
  if (config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
  return { url: config.connectionString, db, drop };
}

// Each run starts a Node process through tsx, so these are given longer than most tests.
describe.each(testDatabases)('heard import voices on $label', { timeout: 120_000 }, (database) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;

  const heard = (args: string[]) => {
    const result = spawnSync(process.execPath, [HEARD, ...args], {
      env: { ...process.env, DATABASE_URL: shared.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  /** The import of the fixture's forms into one question, with the options a test adds. */
  const importForms = (engagement: ListeningEngagement, ...options: string[]) =>
    heard([
      'import',
      'voices',
      FORMS,
      '--engagement',
      engagement.id,
      '--prompt',
      engagement.promptIds[0] ?? '',
      '--text-column',
      'what_helped',
      ...options,
    ]);
  const byLead = ['--by', DEMO.lead];
  const everyColumn = [
    ...byLead,
    '--consent-column',
    'consent',
    '--quote-column',
    'quote',
    '--perspective-column',
    'perspective',
    '--id-column',
    'form',
  ];

  const voicesOf = (engagementId: string) =>
    shared.db
      .selectFrom('voices')
      .innerJoin('voice_versions', 'voice_versions.voice_id', 'voices.id')
      .innerJoin('participants', 'participants.id', 'voices.participant_id')
      .select([
        'voices.id',
        'voices.participant_id',
        'voices.channel',
        'voices.consent_use',
        'voices.consent_quote',
        'voices.consent_given_by',
        'voices.captured_by_id',
        'voices.triage_state',
        'voice_versions.text',
        'participants.perspective',
      ])
      .where('voices.engagement_id', '=', engagementId)
      .execute();

  beforeAll(async () => {
    if (skip) return;
    shared = await openShared(database);
    expect(heard(['migrate']).status).toBe(0);
    expect(heard(['seed', '--demo']).status).toBe(0);
    listening = await startListening(shared.db);
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await shared.db.destroy();
    if (database.name === 'postgres') await shared.drop();
  });

  it.skipIf(skip)(
    'imports the forms whose people agreed, each its own person, as imported',
    async () => {
      const result = importForms(listening, ...everyColumn);
      expect(result.stderr).toContain('1 of them may be safeguarding disclosures');
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(
        'Imported 4 voices; skipped 0 already imported, 1 without consent to use, 1 empty.',
      );
      const voices = await voicesOf(listening.id);
      const lead = await shared.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow();
      expect(voices.map((v) => v.text).sort()).toEqual(
        [
          'A ramp at the front door made all the difference',
          DISCLOSURE,
          'Nobody told us when the transport would come, so we waited\nall afternoon in the corridor',
          'The nurse phoned me the day after, which helped a lot',
        ].sort(),
      );
      for (const voice of voices) {
        expect(voice).toMatchObject({
          channel: 'import',
          consent_use: 1,
          consent_given_by: 'writing',
          captured_by_id: lead.id,
        });
      }
      expect(new Set(voices.map((v) => v.participant_id)).size).toBe(4);
      const contacts = await shared.db
        .selectFrom('participant_contacts')
        .select('participant_id')
        .where(
          'participant_id',
          'in',
          voices.map((v) => v.participant_id),
        )
        .execute();
      expect(contacts).toEqual([]);
      const quotable = voices.filter((v) => v.consent_quote === 1).map((v) => v.text);
      expect(quotable).toEqual(['The nurse phoned me the day after, which helped a lot']);
      const perspectiveOf = (start: string) =>
        voices.find((v) => v.text.startsWith(start))?.perspective;
      expect(perspectiveOf('Nobody told us')).toBe('family_carer');
      expect(perspectiveOf('A ramp')).toBe('professional');
    },
  );

  it.skipIf(skip)('takes the disclosure to the safeguarding lead at once', async () => {
    const voices = await voicesOf(listening.id);
    const disclosure = voices.find((v) => v.text === DISCLOSURE);
    expect(disclosure?.triage_state).toBe('safeguarding_flagged');
    expect(voices.filter((v) => v.triage_state === 'safeguarding_flagged')).toHaveLength(1);
    const told = await shared.db
      .selectFrom('messages')
      .select('recipient_address')
      .where('kind', '=', 'safeguarding_flag')
      .where('link', 'like', `%${disclosure?.id ?? 'none'}`)
      .execute();
    expect(told.map((m) => m.recipient_address)).toContain(DEMO.lead);
  });

  it.skipIf(skip)('skips every row when the same file is imported again', async () => {
    const again = importForms(listening, ...everyColumn);
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(
      'Imported 0 voices; skipped 4 already imported, 1 without consent to use, 1 empty.',
    );
    expect(await voicesOf(listening.id)).toHaveLength(4);
    // The forms' own ids are kept only as hashes.
    const keys = await shared.db
      .selectFrom('voice_imports')
      .select('import_key')
      .where('engagement_id', '=', listening.id)
      .execute();
    expect(keys).toHaveLength(4);
    for (const { import_key } of keys) expect(import_key).toMatch(/^[0-9a-f]{64}$/);
    const audit = await shared.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'voices_imported')
      .where('record_id', '=', listening.id)
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      via: 'cli',
      promptId: listening.promptIds[0],
      imported: 4,
      noConsent: 1,
      empty: 1,
    });
    expect(audit.map((a) => a.details).join()).not.toMatch(/nurse|carer hits|F1/);
  });

  it.skipIf(skip)('without an id column, knows a row again by its text and line', async () => {
    const other = await startListening(shared.db);
    const first = importForms(other, ...byLead, '--all-consented', '--perspective', 'provider');
    expect(first.stdout.trim()).toBe(
      'Imported 5 voices; skipped 0 already imported, 0 without consent to use, 1 empty.',
    );
    const voices = await voicesOf(other.id);
    expect(new Set(voices.map((v) => v.perspective))).toEqual(new Set(['provider']));
    expect(voices.every((v) => v.consent_quote === 0)).toBe(true);
    const again = importForms(other, ...byLead, '--all-consented', '--perspective', 'provider');
    expect(again.stdout.trim()).toBe(
      'Imported 0 voices; skipped 5 already imported, 0 without consent to use, 1 empty.',
    );
    expect(await voicesOf(other.id)).toHaveLength(5);
  });

  it.skipIf(skip)('says what is wrong, and where, and imports nothing', async () => {
    const target = await startListening(shared.db);
    const bad = join(scratch, `bad-${database.name}.csv`);
    const importBad = (...options: string[]) =>
      heard([
        'import',
        'voices',
        bad,
        '--engagement',
        target.id,
        '--prompt',
        target.promptIds[0] ?? '',
        ...byLead,
        '--all-consented',
        ...options,
      ]);
    writeFileSync(bad, 'words,who\n"Fine, thanks",professional\nToo far to walk,martian\n');
    const perspective = importBad('--text-column', 'words', '--perspective-column', 'who');
    expect(perspective.status).toBe(2);
    expect(perspective.stderr).toContain(`Nothing was imported. ${bad}, line 3: "martian"`);
    expect(perspective.stderr).toContain('lived_experience, family_carer, professional');
    const column = importBad('--text-column', 'answer');
    expect(column.status).toBe(2);
    expect(column.stderr).toContain(`${bad}, line 1: missing column "answer"`);
    writeFileSync(bad, `words\nShort\n"${'long '.repeat(1001)}"\n`);
    const long = importBad('--text-column', 'words');
    expect(long.status).toBe(2);
    expect(long.stderr).toContain(`${bad}, line 3: the text in column "words" is longer than 5000`);
    expect(await voicesOf(target.id)).toEqual([]);
  });

  it.skipIf(skip)(
    'refuses anyone but a lead or advocate of the advocacy organisation',
    async () => {
      const target = await startListening(shared.db);
      const council = importForms(target, '--by', DEMO.decisionMaker, '--all-consented');
      expect(council.status).toBe(2);
      expect(council.stderr).toContain(`${DEMO.decisionMaker} cannot import voices`);
      const noConsent = importForms(target, ...byLead);
      expect(noConsent.status).toBe(2);
      expect(noConsent.stderr).toContain('--consent-column NAME');
      expect(await voicesOf(target.id)).toEqual([]);
    },
  );
});
