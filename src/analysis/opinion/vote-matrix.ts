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

export interface VoteMatrix {
  /** Row labels, in order of each participant's first vote. */
  readonly participants: readonly string[];
  /** Column labels, in order of each statement's first vote. */
  readonly statements: readonly string[];
  readonly rows: number;
  readonly cols: number;
  /** Row-major latest vote per cell; NaN where the participant never voted. */
  readonly raw: Float64Array;
  /** `raw` with every moderated-out or meta column set to 0 for everyone. */
  readonly rating: Float64Array;
  /** 1 where the column is moderated out or meta (left out of PCA signal, repness, majority). */
  readonly excluded: Uint8Array;
}

/**
 * Builds the raw and rating matrices from votes in the order they were cast: a later vote on
 * the same statement by the same person replaces the earlier one.
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
  });
  const rows = participantIndex.size;
  const cols = statementIndex.size;
  const raw = new Float64Array(rows * cols).fill(NaN);
  list.forEach((vote, i) => {
    raw[(cellRow[i] ?? 0) * cols + (cellCol[i] ?? 0)] = vote.value;
  });
  const excluded = new Uint8Array(cols);
  for (const statement of statements) {
    const col = statementIndex.get(statement.id);
    if (col !== undefined && (statement.moderatedOut || statement.meta)) excluded[col] = 1;
  }
  const rating = raw.slice();
  for (let col = 0; col < cols; col++) {
    if (excluded[col] === 0) continue;
    for (let row = 0; row < rows; row++) rating[row * cols + col] = 0;
  }
  return {
    participants: [...participantIndex.keys()],
    statements: [...statementIndex.keys()],
    rows,
    cols,
    raw,
    rating,
    excluded,
  };
}
