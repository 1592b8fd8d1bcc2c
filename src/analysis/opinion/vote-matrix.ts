import { polisOrder } from './polis-order.ts';

/** A vote in the Polis open-data coding: agree = 1, disagree = -1, pass = 0. */
export type VoteValue = -1 | 0 | 1;

export interface Vote {
  readonly participant: string;
  readonly statement: string;
  readonly value: VoteValue;
}

/** What moderation says about a statement. Statements not listed count as neither. */
export interface StatementState {
  readonly id: string;
  readonly moderatedOut: boolean;
  readonly meta: boolean;
}

/**
 * The raw matrix (each participant's latest vote on each statement) as compressed sparse rows:
 * row r's votes are at rowStart[r] .. rowStart[r + 1] - 1, by column. Cells nobody voted on are
 * not stored, so memory and every pass over the votes grow with the votes cast, not with
 * participants × statements.
 *
 * Polis's rating matrix is this with every excluded column set to 0 for everyone; it is never
 * built. Its cells are the stored votes in columns that are not excluded, plus a 0 in each
 * excluded column for every participant, and the code that reads it (pca.ts, projection.ts,
 * repness.ts, consensus.ts) treats excluded columns that way.
 */
export interface VoteMatrix {
  /**
   * Row labels, in Polis's order: by the first statement (in id order) each participant voted
   * on, then by participant id (see buildVoteMatrix).
   */
  readonly participants: readonly string[];
  /** Column labels, in id order (compareIds). */
  readonly statements: readonly string[];
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  /** Column of each stored vote, ascending within a row. */
  readonly col: Int32Array;
  /** Latest vote of each stored cell. */
  readonly value: Int8Array;
  /** 1 where the column is moderated out or meta (left out of PCA signal, repness, majority). */
  readonly excluded: Uint8Array;
  /** How many columns are excluded: they count as voted on in every rating-matrix row. */
  readonly excludedCount: number;
}

/**
 * Builds the raw matrix from votes in the order they were cast: a later vote on the same
 * statement by the same person replaces the earlier one.
 *
 * Rows and columns are in the order Polis's matrix has them after it reads a conversation's
 * votes from the start (a first run, a full recompute, or a reload after its worker restarts):
 * it reads them sorted by statement id, then participant id, then time, and adds rows and
 * columns as they first appear. So columns are in id order, and rows are by the first statement
 * (in id order) each person voted on, then by their id. Row order matters: base clusters start
 * from the first 100 distinct points in row order.
 *
 * One pass gives each vote a row and a column in order of first appearance, which are then
 * renumbered into that order; a second puts each row's votes together, still in the order cast;
 * then each row keeps its latest vote per statement and is sorted by column. Each pass reads its
 * input in order; reading ten million votes through a sorted index instead would wait on memory
 * at every step.
 */
export function buildVoteMatrix(
  votes: Iterable<Vote>,
  statements: readonly StatementState[] = [],
): VoteMatrix {
  const participantIndex = new Map<string, number>();
  const statementIndex = new Map<string, number>();
  const list = Array.isArray(votes) ? (votes as readonly Vote[]) : [...votes];
  const cellRow = new Int32Array(list.length);
  const cellCol = new Int32Array(list.length);
  const cellValue = new Int8Array(list.length);
  // A person's votes usually come one after another, so the last row found is tried first.
  let lastParticipant: string | undefined;
  let lastRow = 0;
  list.forEach((vote, i) => {
    if (vote.participant !== lastParticipant) {
      let row = participantIndex.get(vote.participant);
      if (row === undefined) {
        row = participantIndex.size;
        participantIndex.set(vote.participant, row);
      }
      lastParticipant = vote.participant;
      lastRow = row;
    }
    let col = statementIndex.get(vote.statement);
    if (col === undefined) {
      col = statementIndex.size;
      statementIndex.set(vote.statement, col);
    }
    cellRow[i] = lastRow;
    cellCol[i] = col;
    cellValue[i] = vote.value;
  });
  const cast = list.length;
  const rows = participantIndex.size;
  const cols = statementIndex.size;
  const {
    participants,
    statements: statementIds,
    rowOf,
    colOf,
  } = polisOrder([...participantIndex.keys()], [...statementIndex.keys()], cellRow, cellCol);
  for (let i = 0; i < cast; i++) {
    cellRow[i] = rowOf[cellRow[i] ?? 0] ?? 0;
    cellCol[i] = colOf[cellCol[i] ?? 0] ?? 0;
  }

  // Each row's votes together, in the order cast: bucket r is at bucket[r] .. bucket[r + 1] - 1.
  const bucket = new Int32Array(rows + 1);
  for (let i = 0; i < cast; i++) {
    const row = cellRow[i] ?? 0;
    bucket[row + 1] = (bucket[row + 1] ?? 0) + 1;
  }
  for (let row = 0; row < rows; row++)
    bucket[row + 1] = (bucket[row + 1] ?? 0) + (bucket[row] ?? 0);
  const fill = bucket.slice(0, rows);
  let col = new Int32Array(cast);
  let value = new Int8Array(cast);
  for (let i = 0; i < cast; i++) {
    const row = cellRow[i] ?? 0;
    const at = fill[row] ?? 0;
    col[at] = cellCol[i] ?? 0;
    value[at] = cellValue[i] ?? 0;
    fill[row] = at + 1;
  }

  // Within each row, the last vote on a statement wins; the statements kept are moved down over
  // the ones dropped (so in place) and sorted.
  const rowStart = new Int32Array(rows + 1);
  const latest = new Int8Array(cols);
  const seenInRow = new Int32Array(cols).fill(-1);
  let kept = 0;
  for (let row = 0; row < rows; row++) {
    const first = kept;
    for (let i = bucket[row] ?? 0; i < (bucket[row + 1] ?? 0); i++) {
      const column = col[i] ?? 0;
      if (seenInRow[column] !== row) {
        seenInRow[column] = row;
        col[kept] = column;
        kept++;
      }
      latest[column] = value[i] ?? 0;
    }
    const columns = col.subarray(first, kept).sort();
    for (let k = 0; k < columns.length; k++) value[first + k] = latest[columns[k] ?? 0] ?? 0;
    rowStart[row + 1] = kept;
  }
  if (kept < cast) {
    col = col.slice(0, kept);
    value = value.slice(0, kept);
  }

  const excluded = new Uint8Array(cols);
  let excludedCount = 0;
  for (const statement of statements) {
    const first = statementIndex.get(statement.id);
    const column = first === undefined ? undefined : colOf[first];
    if (column === undefined || excluded[column] === 1) continue;
    if (statement.moderatedOut || statement.meta) {
      excluded[column] = 1;
      excludedCount++;
    }
  }
  return {
    participants,
    statements: statementIds,
    rows,
    cols,
    rowStart,
    col,
    value,
    excluded,
    excludedCount,
  };
}
