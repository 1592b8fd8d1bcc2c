import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  InsertQueryNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import { analyseOpinions } from '../../analysis/opinion/analyse.ts';
import { compareIds } from '../../analysis/opinion/polis-order.ts';
import { CsvError } from '../../platform/csv.ts';
import { readPolisFolder } from '../../cli/polis-folder.ts';
import type { Db } from '../../platform/db/database.ts';
import { setPhase } from '../engagements/index.ts';
import { computeFromVotes, saveSnapshot } from '../opinion/opinion.recompute.ts';
import { latestSnapshot } from '../opinion/opinion.repository.ts';
import { castVote, insertParticipant, insertStatement } from '../opinion/opinion.fixtures.ts';
import { exportPolis } from './polis-export.ts';
import { PolisImportError, importPolis } from './polis-import.ts';

const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/polis/london.youth.policing', import.meta.url),
);
const FILES = ['comments.csv', 'votes.csv', 'participants-votes.csv'] as const;
const scratch = mkdtempSync(join(tmpdir(), 'heard-polis-import-'));
let folders = 0;

/** A copy of the fixture with some files replaced (a string or bytes) or removed (null). */
function folderWith(changes: Partial<Record<string, string | Uint8Array | null>> = {}): string {
  const folder = join(scratch, String(folders++));
  mkdirSync(folder);
  for (const file of FILES) {
    const change = changes[file];
    if (change === null) continue;
    if (change === undefined) copyFileSync(join(FIXTURE, file), join(folder, file));
    else writeFileSync(join(folder, file), change);
  }
  return folder;
}

const fixtureText = (file: string): string => readFileSync(join(FIXTURE, file), 'utf8');

/** The fixture file with one line (1 is the header) replaced. */
function withLine(file: string, line: number, text: string): string {
  const lines = fixtureText(file).split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

/** Each person's latest vote, as `participant statement -> value`. */
const latestVotes = (folder: string): Map<string, number> =>
  new Map(readPolisFolder(folder).votes.map((v) => [`${v.participant} ${v.statement}`, v.value]));

/** Groups as sets of members, whatever their ids, so two groupings can be compared. */
const partition = (groups: readonly { members: readonly string[] }[]): string[] =>
  groups.map((g) => [...g.members].sort().join(' ')).sort();

/** Fails every insert into one table: to see that a fault late in an import undoes it all. */
function failingInsertsInto(table: string): KyselyPlugin {
  return {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      if (InsertQueryNode.is(node) && node.into?.table.identifier.name === table)
        throw new Error(`inserts into ${table} fail in this test`);
      return node;
    },
    transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(result);
    },
  };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(testDatabases)('Polis import and export on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;
  let engagementId: string;

  const count = async (db: Db, table: 'statements' | 'participants' | 'statement_votes') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => [
    await count(heard.db, 'statements'),
    await count(heard.db, 'participants'),
    await count(heard.db, 'statement_votes'),
  ];

  /** Imports into a new engagement, expecting a refusal; returns its message. */
  async function refusal(folder: string): Promise<string> {
    const target = (await startListening(heard.db)).id;
    const before = await counts();
    const error = await importPolis(heard.db, heard.clock, target, folder).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(await counts()).toEqual(before);
    return (error as Error).message;
  }

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    engagementId = (await startListening(heard.db)).id;
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'imports comments, voters, authors and latest votes, keeping the Polis ids',
    async () => {
      const summary = await importPolis(heard.db, heard.clock, engagementId, FIXTURE);
      const expected = latestVotes(FIXTURE);
      const comments = readPolisFolder(FIXTURE).statements;
      expect(summary.statements).toBe(comments.length);
      expect(summary.votes).toBe(expected.size);

      const statements = await heard.db
        .selectFrom('statements')
        .select(['id', 'external_id', 'state', 'author_participant_id'])
        .where('engagement_id', '=', engagementId)
        .execute();
      const rejected = new Set(comments.filter((c) => c.moderatedOut).map((c) => c.id));
      expect(rejected.size).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.state).toBe(
          rejected.has(statement.external_id ?? '') ? 'rejected' : 'approved',
        );
        expect(statement.author_participant_id).not.toBeNull();
      }

      const people = await heard.db
        .selectFrom('participants')
        .select(['id', 'external_id', 'perspective', 'reference_hash'])
        .where('engagement_id', '=', engagementId)
        .execute();
      expect(people.length).toBe(summary.participants);
      for (const person of people) {
        expect(person.perspective).toBe('community_member');
        expect(person.reference_hash).toBeNull();
      }
      // Author 0 wrote the seed statements and never voted: a participant all the same.
      expect(people.map((p) => p.external_id)).toContain('0');
      // Heard's ids sort as Polis's ids do, so the map's rows and columns come in Polis's order.
      const polisOrder = (rows: { id: string; external_id: string | null }[]) => [
        rows.map((row) => row.external_id ?? '').sort(compareIds),
        [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => row.external_id ?? ''),
      ];
      const [peopleByPolis, peopleByHeard] = polisOrder(people);
      expect(peopleByHeard).toEqual(peopleByPolis);
      const [statementsByPolis, statementsByHeard] = polisOrder(statements);
      expect(statementsByHeard).toEqual(statementsByPolis);

      const stored = await heard.db
        .selectFrom('statement_votes')
        .innerJoin('participants', 'participants.id', 'statement_votes.participant_id')
        .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
        .select(['participants.external_id as voter', 'statements.external_id as comment', 'value'])
        .where('statements.engagement_id', '=', engagementId)
        .execute();
      expect(new Map(stored.map((v) => [`${v.voter} ${v.comment}`, v.value]))).toEqual(expected);

      const audit = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'polis_imported')
        .where('record_id', '=', engagementId)
        .execute();
      expect(audit.length).toBe(1);
    },
  );

  it.skipIf(skip)('will not import twice into one engagement', async () => {
    const before = await counts();
    await expect(importPolis(heard.db, heard.clock, engagementId, FIXTURE)).rejects.toThrow(
      PolisImportError,
    );
    expect(await counts()).toEqual(before);
  });

  it.skipIf(skip)('exports what it imported: same votes, same groups, Polis ids', async () => {
    await saveSnapshot(
      heard.db,
      heard.clock,
      engagementId,
      await computeFromVotes(heard.db, engagementId),
    );
    const files = await exportPolis(heard.db, engagementId);
    const folder = join(scratch, String(folders++));
    mkdirSync(folder);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);

    expect(latestVotes(folder)).toEqual(latestVotes(FIXTURE));
    const original = readPolisFolder(FIXTURE);
    const exported = readPolisFolder(folder, { polisGroups: true });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...exported.statements].sort(byId)).toEqual([...original.statements].sort(byId));
    expect(exported.text).toEqual(original.text);

    const fromOriginal = analyseOpinions(original.votes, original.statements);
    const fromExport = analyseOpinions(exported.votes, exported.statements);
    expect(fromOriginal.groups.length).toBeGreaterThanOrEqual(2);
    expect(partition(fromExport.groups)).toEqual(partition(fromOriginal.groups));

    // group-id holds the groups of Heard's newest snapshot, under the exported ids.
    const snapshot = await latestSnapshot(heard.db, engagementId);
    const externalOf = new Map(
      (
        await heard.db
          .selectFrom('participants')
          .select(['id', 'external_id'])
          .where('engagement_id', '=', engagementId)
          .execute()
      ).map((p) => [p.id, p.external_id ?? '']),
    );
    const heardGroups = (snapshot?.result.groups ?? []).map((g) => ({
      members: g.members.map((m) => externalOf.get(m) ?? m),
    }));
    expect(heardGroups.length).toBeGreaterThanOrEqual(2);
    const byGroup = new Map<string, string[]>();
    for (const [member, group] of exported.polisGroups)
      byGroup.set(group, [...(byGroup.get(group) ?? []), member]);
    expect(partition([...byGroup.values()].map((members) => ({ members })))).toEqual(
      partition(heardGroups),
    );
  });

  it.skipIf(skip)(
    'numbers what was made in Heard after the Polis ids, and never shows internal ids',
    async () => {
      const at = heard.clock().toISOString();
      const statement = await insertStatement(heard.db, engagementId, 'Made in Heard', at);
      const voter = await insertParticipant(heard.db, engagementId, 'family_carer', at);
      await castVote(heard.db, voter, statement, 1, at);
      const withdrawn = await insertParticipant(heard.db, engagementId, 'professional', at);
      await castVote(heard.db, withdrawn, statement, -1, at);
      await heard.db
        .updateTable('participants')
        .set({ withdrawn_at: at })
        .where('id', '=', withdrawn)
        .execute();

      const files = await exportPolis(heard.db, engagementId);
      const folder = join(scratch, String(folders++));
      mkdirSync(folder);
      for (const [name, content] of Object.entries(files))
        writeFileSync(join(folder, name), content);
      const all = Object.values(files).join('\n');
      for (const id of [statement, voter, withdrawn]) expect(all).not.toContain(id);
      expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

      // The fixture's largest comment-id is 38 and voter-id 26.
      const votes = readPolisFolder(folder).votes;
      expect(votes).toContainEqual({ participant: '27', statement: '39', value: 1 });
      expect(votes.filter((v) => v.statement === '39')).toHaveLength(1);
      expect(readPolisFolder(folder).text.get('39')).toBe('Made in Heard');
      // And again: the numbers do not move.
      expect(await exportPolis(heard.db, engagementId)).toEqual(files);
    },
  );

  it.skipIf(skip)('reads participants-votes.csv where votes.csv is absent', async () => {
    const target = (await startListening(heard.db)).id;
    const summary = await importPolis(
      heard.db,
      heard.clock,
      target,
      folderWith({ 'votes.csv': null }),
    );
    expect(summary.votesFile).toMatch(/participants-votes\.csv$/);
    expect(summary.votes).toBe(readPolisFolder(folderWith({ 'votes.csv': null })).votes.length);
  });

  it.skipIf(skip)('names the file and line of a missing column, bad id or bad value', async () => {
    const header = fixtureText('votes.csv').split('\n')[0] ?? '';
    expect(
      await refusal(
        folderWith({
          'votes.csv': withLine('votes.csv', 1, header.replace(/,vote\s*$/, ',ballot')),
        }),
      ),
    ).toMatch(/votes\.csv, line 1: missing column "vote"/);
    expect(
      await refusal(
        folderWith({ 'votes.csv': withLine('votes.csv', 5, '1658933760180,x,99,1,1') }),
      ),
    ).toMatch(/votes\.csv, line 5: comment-id "99" is not in comments\.csv/);
    expect(
      await refusal(
        folderWith({ 'votes.csv': withLine('votes.csv', 7, '1658933760180,x,1,a b,1') }),
      ),
    ).toMatch(/votes\.csv, line 7: "voter-id" must be an id/);
    expect(
      await refusal(folderWith({ 'votes.csv': withLine('votes.csv', 9, '1658933760180,x,1,1,2') })),
    ).toMatch(/votes\.csv, line 9: a vote must be 1/);
    expect(
      await refusal(folderWith({ 'votes.csv': withLine('votes.csv', 4, 'soon,x,1,1,1') })),
    ).toMatch(/votes\.csv, line 4: "timestamp" must be a time/);
    const secondComment = fixtureText('comments.csv').split('\n')[1] ?? '';
    expect(
      await refusal(
        folderWith({
          'comments.csv': `${fixtureText('comments.csv').trimEnd()}\n${secondComment}\n`,
        }),
      ),
    ).toMatch(/comments\.csv, line 41: comment-id "35" appears twice \(first on line 2\)/);
    expect(
      await refusal(folderWith({ 'comments.csv': withLine('comments.csv', 3, '1,x,40,1,0,0,1,') })),
    ).toMatch(/comments\.csv, line 3: "comment-body" is empty/);
    expect(
      await refusal(
        folderWith({
          'comments.csv': withLine('comments.csv', 3, `1,x,40,1,0,0,1,${'a'.repeat(1000)}`),
        }),
      ),
    ).toMatch(/comments\.csv, line 3: "comment-body" is 1000 characters/);
    expect(
      await refusal(
        folderWith({ 'comments.csv': withLine('comments.csv', 2, '1,x,40,1,0,0,2,Hi') }),
      ),
    ).toMatch(/comments\.csv, line 2: "moderated" must be 1, 0 or -1/);
    const pv = fixtureText('participants-votes.csv').split('\n');
    expect(
      await refusal(
        folderWith({
          'votes.csv': null,
          'participants-votes.csv': [
            `${pv[0] ?? ''},77`,
            ...pv.slice(1).map((l) => (l === '' ? l : `${l},`)),
          ].join('\n'),
        }),
      ),
    ).toMatch(/participants-votes\.csv, line 1: comment-id "77" is not in comments\.csv/);
    expect(await refusal(folderWith({ 'comments.csv': null }))).toMatch(/comments\.csv: not found/);
  });

  it.skipIf(skip)('says which file is in the wrong encoding, and where', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(fixtureText('comments.csv'), 'utf16le'),
    ]);
    expect(await refusal(folderWith({ 'comments.csv': utf16 }))).toMatch(
      /comments\.csv, line 1: the file looks like UTF-16/,
    );
    const noBom = Buffer.from(fixtureText('votes.csv'), 'utf16le');
    expect(await refusal(folderWith({ 'votes.csv': noBom }))).toMatch(
      /votes\.csv, line 1: the file looks like UTF-16/,
    );
    // "Café" in Latin-1 on line 4: 0xE9 followed by a comma is not UTF-8.
    const lines = fixtureText('comments.csv').split('\n');
    const latin1 = Buffer.concat([
      Buffer.from(`${lines.slice(0, 3).join('\n')}\n1,x,40,1,0,0,1,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(`\n${lines.slice(3).join('\n')}`),
    ]);
    expect(await refusal(folderWith({ 'comments.csv': latin1 }))).toMatch(
      /comments\.csv, line 4: the file is not UTF-8 text \(perhaps Latin-1/,
    );
  });

  it.skipIf(skip)('leaves nothing behind when the last writes fail', async () => {
    const target = (await startListening(heard.db)).id;
    const before = await counts();
    const failing = heard.db.withPlugin(failingInsertsInto('statement_votes'));
    await expect(importPolis(failing, heard.clock, target, FIXTURE)).rejects.toThrow(
      /inserts into statement_votes fail/,
    );
    expect(await counts()).toEqual(before);
  });

  it.skipIf(skip)('refuses an engagement that is missing or no longer listening', async () => {
    await expect(importPolis(heard.db, heard.clock, 'no-such-id', FIXTURE)).rejects.toThrow(
      /no engagement with id no-such-id/,
    );
    const closed = (await startListening(heard.db)).id;
    await setPhase(heard.db, closed, 'synthesis', heard.clock().toISOString());
    await expect(importPolis(heard.db, heard.clock, closed, FIXTURE)).rejects.toThrow(
      /synthesis phase/,
    );
  });

  it.skipIf(skip)('raises CsvError for faults in the files', async () => {
    const target = (await startListening(heard.db)).id;
    await expect(
      importPolis(heard.db, heard.clock, target, folderWith({ 'votes.csv': '' })),
    ).rejects.toThrow(CsvError);
  });
});
