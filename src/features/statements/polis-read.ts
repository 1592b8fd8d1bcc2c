import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, type CsvRecord, csvTable, parseCsv } from '../../platform/csv.ts';
import { STATEMENT_MAX_LENGTH, type StatementState } from './statements.core.ts';

// Reads a Polis export for import: the same files, columns and rules as `heard analyse polis`
// (src/cli/polis-folder.ts), plus what an import keeps and the analysis does not need (texts,
// times, authors) and the checks that tie the files together, each naming file and line. The
// files come from a folder (the CLI) or as uploads (the staff page): either way, names and bytes.

/** A CSV file: its name as the person knows it (or its path), and its bytes. */
export interface CsvFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PolisComment {
  readonly externalId: string;
  readonly text: string;
  readonly state: StatementState;
  readonly isMeta: boolean;
  /** ISO time from the `timestamp` column, when the export has one. */
  readonly createdAt: string | undefined;
  /** The author's voter-id, when the export names one. */
  readonly author: string | undefined;
}

export interface PolisVote {
  readonly participant: string;
  readonly statement: string;
  readonly value: -1 | 0 | 1;
  /** ISO time of the vote; undefined when read from participants-votes.csv, which has none. */
  readonly votedAt: string | undefined;
}

export interface PolisExport {
  readonly comments: readonly PolisComment[];
  /** Each person's latest vote on each statement. */
  readonly votes: readonly PolisVote[];
  /** Voters and authors, in the order first met. */
  readonly participants: readonly string[];
  readonly votesFile: string;
}

const ID = /^\S+$/;
const PARTICIPANT_COLUMNS = new Set([
  'participant',
  'xid',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
]);
const MODERATION: Readonly<Record<string, StatementState>> = {
  // Polis: 1 moderated in, -1 moderated out, 0 not moderated yet: in Heard, waiting for a lead.
  '1': 'approved',
  '0': 'pending',
  '-1': 'rejected',
};

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The file's CSV records; UTF-16 (which may pass as UTF-8 when it holds NUL bytes) is named. */
function readCsv({ name: file, bytes }: CsvFile): CsvRecord[] {
  const utf16Bom =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nul = bytes.indexOf(0);
  if (utf16Bom || nul >= 0) {
    throw new CsvError(
      file,
      utf16Bom ? 1 : lineOf(bytes, nul),
      'the file looks like UTF-16 text, not UTF-8: save it as "CSV UTF-8" and import again',
    );
  }
  try {
    return parseCsv(bytes, file);
  } catch (error) {
    if (error instanceof CsvError && error.message.endsWith('the file is not UTF-8 text')) {
      throw new CsvError(
        file,
        error.line,
        'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252): save it as "CSV UTF-8" and import again',
      );
    }
    throw error;
  }
}

function id(value: string, file: string, line: number, column: string): string {
  if (!ID.test(value))
    throw new CsvError(file, line, `"${column}" must be an id, found "${value}"`);
  return value;
}

function time(value: string, file: string, line: number): string {
  const ms = Number(value.trim());
  const date = new Date(ms);
  if (value.trim() === '' || !Number.isFinite(ms) || Number.isNaN(date.getTime())) {
    throw new CsvError(file, line, `"timestamp" must be a time in milliseconds, found "${value}"`);
  }
  return date.toISOString();
}

function voteValue(value: string, file: string, line: number): -1 | 0 | 1 {
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

/** Reads and checks comments.csv. Throws CsvError naming the file and line of the first fault. */
export function readPolisComments(source: CsvFile): PolisComment[] {
  const file = source.name;
  const table = csvTable(readCsv(source), file, ['comment-id', 'moderated', 'comment-body']);
  const has = (column: string): boolean => table.header.includes(column);
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const externalId = id(row.get('comment-id'), file, row.line, 'comment-id');
    const first = seen.get(externalId);
    if (first !== undefined) {
      throw new CsvError(
        file,
        row.line,
        `comment-id "${externalId}" appears twice (first on line ${first})`,
      );
    }
    seen.set(externalId, row.line);
    const state = MODERATION[row.get('moderated').trim()];
    if (state === undefined) {
      throw new CsvError(
        file,
        row.line,
        `"moderated" must be 1, 0 or -1, found "${row.get('moderated')}"`,
      );
    }
    const text = row.get('comment-body').trim();
    if (text === '') throw new CsvError(file, row.line, '"comment-body" is empty');
    if (text.length > STATEMENT_MAX_LENGTH) {
      throw new CsvError(
        file,
        row.line,
        `"comment-body" is ${text.length} characters; statements are at most ${STATEMENT_MAX_LENGTH}`,
      );
    }
    const author = has('author-id') ? row.get('author-id').trim() : '';
    const meta = has('is-meta') ? row.get('is-meta').trim().toLowerCase() : '';
    return {
      externalId,
      text,
      state,
      isMeta: meta === 'true' || meta === '1',
      createdAt: has('timestamp') ? time(row.get('timestamp'), file, row.line) : undefined,
      author: author === '' ? undefined : id(author, file, row.line, 'author-id'),
    };
  });
}

function unknownComment(file: string, line: number, statement: string): CsvError {
  return new CsvError(file, line, `comment-id "${statement}" is not in comments.csv`);
}

function readVotes(
  records: readonly CsvRecord[],
  file: string,
  comments: ReadonlySet<string>,
): PolisVote[] {
  const table = csvTable(records, file, ['timestamp', 'comment-id', 'voter-id', 'vote']);
  const latest = new Map<string, PolisVote & { ms: number }>();
  for (const row of table.rows) {
    const votedAt = time(row.get('timestamp'), file, row.line);
    const statement = id(row.get('comment-id'), file, row.line, 'comment-id');
    if (!comments.has(statement)) throw unknownComment(file, row.line, statement);
    const participant = id(row.get('voter-id'), file, row.line, 'voter-id');
    const value = voteValue(row.get('vote'), file, row.line);
    const key = `${participant}\n${statement}`;
    const ms = Date.parse(votedAt);
    // Latest wins; of two at the same moment, the later row (as the analysis reads them).
    const before = latest.get(key);
    if (before === undefined || ms >= before.ms)
      latest.set(key, { participant, statement, value, votedAt, ms });
  }
  return [...latest.values()].map(({ participant, statement, value, votedAt }) => ({
    participant,
    statement,
    value,
    votedAt,
  }));
}

function readParticipantVotes(
  records: readonly CsvRecord[],
  file: string,
  comments: ReadonlySet<string>,
): PolisVote[] {
  const table = csvTable(records, file, ['participant']);
  const headerLine = records[0]?.line ?? 1;
  const statementColumns = table.header.filter((name) => !PARTICIPANT_COLUMNS.has(name));
  for (const column of statementColumns) {
    if (!comments.has(id(column, file, headerLine, 'comment id')))
      throw unknownComment(file, headerLine, column);
  }
  const seen = new Map<string, number>();
  const votes: PolisVote[] = [];
  for (const row of table.rows) {
    const participant = id(row.get('participant'), file, row.line, 'participant');
    const first = seen.get(participant);
    if (first !== undefined) {
      throw new CsvError(
        file,
        row.line,
        `participant "${participant}" appears twice (first on line ${first})`,
      );
    }
    seen.set(participant, row.line);
    for (const statement of statementColumns) {
      const cell = row.get(statement);
      if (cell.trim() === '') continue;
      votes.push({
        participant,
        statement,
        value: voteValue(cell, file, row.line),
        votedAt: undefined,
      });
    }
  }
  return votes;
}

/**
 * Reads and checks a votes file against the comments: votes.csv, or participants-votes.csv
 * (told apart by its header, which has a `participant` column). Throws CsvError naming the
 * file and line of the first fault.
 */
export function readPolisVotes(source: CsvFile, comments: readonly PolisComment[]): PolisVote[] {
  const records = readCsv(source);
  const known = new Set(comments.map((comment) => comment.externalId));
  const header = records[0]?.fields.map((name) => name.trim()) ?? [];
  return header.includes('participant')
    ? readParticipantVotes(records, source.name, known)
    : readVotes(records, source.name, known);
}

/** The export as one whole: voters and authors become participants, in the order first met. */
export function polisExport(
  comments: readonly PolisComment[],
  votes: readonly PolisVote[],
  votesFile: string,
): PolisExport {
  const participants = new Set<string>();
  for (const vote of votes) participants.add(vote.participant);
  for (const comment of comments)
    if (comment.author !== undefined) participants.add(comment.author);
  return { comments, votes, participants: [...participants], votesFile };
}

const fileAt = (path: string): CsvFile => {
  if (!existsSync(path)) throw new CsvError(path, undefined, 'not found');
  return { name: path, bytes: readFileSync(path) };
};

/**
 * Reads and checks a whole Polis export folder: comments.csv, and votes.csv or (where it is
 * absent) participants-votes.csv. Throws CsvError naming the file and line of the first fault.
 */
export function readPolisExport(folder: string): PolisExport {
  const votesPath = join(folder, 'votes.csv');
  const participantsPath = join(folder, 'participants-votes.csv');
  const hasVotes = existsSync(votesPath);
  if (!hasVotes && !existsSync(participantsPath))
    throw new CsvError(votesPath, undefined, 'not found (nor participants-votes.csv)');
  const comments = readPolisComments(fileAt(join(folder, 'comments.csv')));
  const votesFile = hasVotes ? votesPath : participantsPath;
  return polisExport(comments, readPolisVotes(fileAt(votesFile), comments), votesFile);
}
