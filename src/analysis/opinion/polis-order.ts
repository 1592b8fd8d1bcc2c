const INTEGER = /^(0|[1-9]\d*)$/;

/**
 * The order Polis keeps ids in: its ids are integers given out in turn (a statement's when it is
 * written, a participant's when they join), so integers come in numeric order, compared exactly
 * at any length; any other ids come after them, in text order (Heard's own ids are UUIDv7, whose
 * text order is the order they were made in).
 */
export function compareIds(a: string, b: string): number {
  return compareKnown(a, INTEGER.test(a), b, INTEGER.test(b));
}

/** compareIds with whether each id is a whole number already known. */
function compareKnown(a: string, aInteger: boolean, b: string, bInteger: boolean): number {
  if (aInteger !== bInteger) return aInteger ? -1 : 1;
  if (aInteger && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Positions in `ids`, sorted by `first` (when given), then by id; each id is tested for being a
 * whole number once, not at every comparison.
 */
function idOrder(ids: readonly string[], first?: Int32Array): Int32Array {
  const integer = Uint8Array.from(ids, (id) => (INTEGER.test(id) ? 1 : 0));
  return Int32Array.from(ids.keys()).sort(
    (a, b) =>
      (first === undefined ? 0 : (first[a] ?? 0) - (first[b] ?? 0)) ||
      compareKnown(ids[a] ?? '', integer[a] === 1, ids[b] ?? '', integer[b] === 1),
  );
}

export interface PolisOrder {
  /** Participant ids in row order. */
  readonly participants: string[];
  /** Statement ids in column order. */
  readonly statements: string[];
  /** Row, in Polis's order, of each participant as first numbered. */
  readonly rowOf: Int32Array;
  /** Column, in Polis's order, of each statement as first numbered. */
  readonly colOf: Int32Array;
}

/** The inverse of an ordering (old positions listed in their new order): old position to new. */
function renumbering(order: Int32Array): Int32Array {
  const to = new Int32Array(order.length);
  order.forEach((old, position) => (to[old] = position));
  return to;
}

/**
 * The order of Polis's matrix rows and columns when it reads every vote at once, sorted by
 * statement id, then participant id, then time, adding each row and column as it first
 * appears (polis math/src/polismath/components/postgres.clj, conv-poll: order by zid, tid, pid,
 * created; named_matrix.clj, update-nmat): columns in id order, and rows by the first column
 * each participant voted on, then by participant id.
 *
 * `participants` and `statements` are the ids as first numbered; vote i is by participant
 * voteRow[i] on statement voteCol[i], in those numbers.
 */
export function polisOrder(
  participants: readonly string[],
  statements: readonly string[],
  voteRow: Int32Array,
  voteCol: Int32Array,
): PolisOrder {
  const columnOrder = idOrder(statements);
  const colOf = renumbering(columnOrder);
  const firstColumn = new Int32Array(participants.length).fill(statements.length);
  for (let i = 0; i < voteRow.length; i++) {
    const row = voteRow[i] ?? 0;
    const col = colOf[voteCol[i] ?? 0] ?? 0;
    if (col < (firstColumn[row] ?? 0)) firstColumn[row] = col;
  }
  const rowOrder = idOrder(participants, firstColumn);
  return {
    participants: Array.from(rowOrder, (row) => participants[row] ?? ''),
    statements: Array.from(columnOrder, (col) => statements[col] ?? ''),
    rowOf: renumbering(rowOrder),
    colOf,
  };
}
