import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../../../test/app.ts';
import { testDatabases } from '../../../../test/databases.ts';
import { startListening } from '../../../../test/listening-engagement.ts';
import { insertPrompt } from '../../../features/engagements/index.ts';
import { insertStatement } from '../../../features/opinion/opinion.fixtures.ts';
import type { Db } from '../database.ts';
import { down, up } from './0016-statements-prompts.ts';

describe.each(testDatabases)('migration 0016, statements prompts, on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;
  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  const promptsOf = (db: Db, engagementId: string) =>
    db
      .selectFrom('prompts')
      .select(['kind', 'position'])
      .where('engagement_id', '=', engagementId)
      .orderBy('position')
      .execute();

  it.skipIf(skip)(
    'gives an engagement that holds statements its statements question, once, and only one',
    async () => {
      const { db } = heard;
      const at = heard.clock().toISOString();
      // Migrations take a database of no known tables; this one is the same database.
      const untyped = db as unknown as Kysely<unknown>;
      // Run again over data made as before the migration: it was first run on an empty database.
      await down(untyped);
      const withStatements = (await startListening(db)).id;
      await insertStatement(db, withStatements, 'Letters should use plain words.', at);
      const withoutStatements = (await startListening(db)).id;
      const alreadyHasOne = (await startListening(db)).id;
      await insertPrompt(
        db,
        alreadyHasOne,
        {
          kind: 'statements',
          questionPlain: 'Agree?',
          questionEasyRead: 'Agree?',
          influences: 'x',
        },
        at,
      );
      await insertStatement(db, alreadyHasOne, 'Visits should be on time.', at);

      await up(untyped);
      expect(await promptsOf(db, withStatements)).toEqual([
        { kind: 'open', position: 1 },
        { kind: 'open', position: 2 },
        { kind: 'statements', position: 3 },
      ]);
      expect((await promptsOf(db, withoutStatements)).map((p) => p.kind)).toEqual(['open', 'open']);
      expect((await promptsOf(db, alreadyHasOne)).map((p) => p.kind)).toEqual([
        'open',
        'open',
        'statements',
      ]);
      // The database itself refuses a second statements question, whoever asks.
      await expect(
        insertPrompt(
          db,
          withStatements,
          {
            kind: 'statements',
            questionPlain: 'Again?',
            questionEasyRead: 'Again?',
            influences: 'x',
          },
          at,
        ),
      ).rejects.toThrow();
      await insertPrompt(
        db,
        withStatements,
        { kind: 'open', questionPlain: 'More?', questionEasyRead: 'More?', influences: 'x' },
        at,
      );
      expect(await promptsOf(db, withStatements)).toHaveLength(4);
    },
  );
});
