import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementState, Vote, VoteValue } from '../analysis/opinion/vote-matrix.ts';
import { CsvError, csvTable, parseCsv } from '../platform/csv.ts';

export interface PolisFolder {
  readonly votes: Vote[];
  readonly statements: StatementState[];
  /** Statement text by id, for printing. */
  readonly text: ReadonlyMap<string, string>;
  /** Polis's own group of each participant, when asked for or when participants-votes.csv is read. */
  readonly polisGroups: ReadonlyMap<string, string>;
  /** Which file the votes came from. */
  readonly votesFile: string;
}

const ID = /^\S+$/;
/** Columns of participants-votes.csv that are not statement ids. */
const PARTICIPANT_COLUMNS = new Set([
  'participant',
  'xid',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
]);

function read(path: string): Uint8Array {
  return readFileSync(path);
}

function id(value: string, file: string, line: number, column: string): string {
  if (!ID.test(value))
    throw new CsvError(file, line, `"${column}" must be an id, found "${value}"`);
  return value;
}

function voteValue(value: string, file: string, line: number): VoteValue {
  const trimmed = value.trim();
  if (trimmed === '1') return 1;
  if (trimmed === '-1') return -1;
  if (trimmed === '0') return 0;
  throw new CsvError(
    file,
    line,
    `a vote must be 1 (agree), -1 (disagree) or 0 (pass), found "${value}"`,
  );
}

function readComments(folder: string): Pick<PolisFolder, 'statements' | 'text'> {
  const file = join(folder, 'comments.csv');
  const table = csvTable(parseCsv(read(file), file), file, [
    'comment-id',
    'moderated',
    'comment-body',
  ]);
  const hasMeta = table.header.includes('is-meta');
  const statements: StatementState[] = [];
  const text = new Map<string, string>();
  for (const row of table.rows) {
    const statement = id(row.get('comment-id'), file, row.line, 'comment-id');
    const moderated = row.get('moderated').trim();
    if (!['1', '0', '-1'].includes(moderated)) {
      throw new CsvError(file, row.line, `"moderated" must be 1, 0 or -1, found "${moderated}"`);
    }
    const meta = hasMeta ? row.get('is-meta').trim().toLowerCase() : '';
    statements.push({
      id: statement,
      moderatedOut: moderated === '-1',
      meta: meta === 'true' || meta === '1',
    });
    text.set(statement, row.get('comment-body'));
  }
  return { statements, text };
}

function readVotes(file: string): Vote[] {
  const table = csvTable(parseCsv(read(file), file), file, [
    'timestamp',
    'comment-id',
    'voter-id',
    'vote',
  ]);
  const votes = table.rows.map((row) => {
    const timestamp = Number(row.get('timestamp'));
    if (!Number.isFinite(timestamp)) {
      throw new CsvError(
        file,
        row.line,
        `"timestamp" must be a number, found "${row.get('timestamp')}"`,
      );
    }
    return {
      timestamp,
      vote: {
        participant: id(row.get('voter-id'), file, row.line, 'voter-id'),
        statement: id(row.get('comment-id'), file, row.line, 'comment-id'),
        value: voteValue(row.get('vote'), file, row.line),
      },
    };
  });
  // Latest wins, so votes go in the order cast; the sort is stable for equal times.
  return votes.sort((a, b) => a.timestamp - b.timestamp).map((v) => v.vote);
}

function readParticipantVotes(file: string): { votes: Vote[]; groups: Map<string, string> } {
  const table = csvTable(parseCsv(read(file), file), file, ['participant', 'group-id']);
  const statementColumns = table.header.filter((name) => !PARTICIPANT_COLUMNS.has(name));
  for (const column of statementColumns) id(column, file, 1, 'comment id');
  const votes: Vote[] = [];
  const groups = new Map<string, string>();
  for (const row of table.rows) {
    const participant = id(row.get('participant'), file, row.line, 'participant');
    const group = row.get('group-id').trim();
    if (group !== '') groups.set(participant, group);
    for (const statement of statementColumns) {
      const cell = row.get(statement);
      if (cell.trim() === '') continue;
      votes.push({ participant, statement, value: voteValue(cell, file, row.line) });
    }
  }
  return { votes, groups };
}

/**
 * Reads a Polis open-data export: comments.csv, and votes.csv or (where it is absent)
 * participants-votes.csv. Ids are kept exactly as written.
 */
export function readPolisFolder(
  folder: string,
  options: { polisGroups?: boolean } = {},
): PolisFolder {
  const votesPath = join(folder, 'votes.csv');
  const participantsPath = join(folder, 'participants-votes.csv');
  const hasVotes = existsSync(votesPath);
  const hasParticipants = existsSync(participantsPath);
  if (!hasVotes && !hasParticipants) {
    throw new CsvError(votesPath, undefined, 'not found (nor participants-votes.csv)');
  }
  const { statements, text } = readComments(folder);
  // participants-votes.csv is read only when needed, so a fault in an unused file stops nothing.
  const fromParticipants =
    hasParticipants && (!hasVotes || options.polisGroups === true)
      ? readParticipantVotes(participantsPath)
      : undefined;
  const votes = hasVotes ? readVotes(votesPath) : (fromParticipants?.votes ?? []);
  return {
    votes,
    statements,
    text,
    polisGroups: fromParticipants?.groups ?? new Map(),
    votesFile: hasVotes ? votesPath : participantsPath,
  };
}
