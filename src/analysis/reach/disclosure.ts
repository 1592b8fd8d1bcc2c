/**
 * Statistical disclosure control for one question's table of counts, so that a published table
 * never names, or lets anyone work out, a group of fewer than `smallest` people.
 *
 * 1. Primary suppression: a count from 1 to smallest − 1 is hidden. A count of 0 is shown: it
 *    names no one.
 * 2. Secondary suppression: once any cell is hidden, further cells are hidden, the smallest
 *    non-zero shown count first (ties: the earlier cell), until at least two cells are hidden and
 *    the hidden cells add up to at least `smallest`. Otherwise the total less the shown cells
 *    would give away a lone hidden cell, or show that the hidden cells together are a small group.
 * 3. If that cannot be reached (too few non-zero cells), the total is hidden as well.
 *
 * The total, when shown, is the sum of all counts. Cells keep their order.
 */

export interface Cell {
  key: string;
  count: number;
}

export interface ShownCell {
  key: string;
  /** Null when the count is not shown. */
  count: number | null;
}

export interface ProtectedTable {
  cells: ShownCell[];
  /** Null when the total is not shown. */
  total: number | null;
}

export function protectTable(cells: readonly Cell[], smallest: number): ProtectedTable {
  if (!Number.isInteger(smallest) || smallest < 1) {
    throw new RangeError(`the smallest group shown must be a whole number from 1, not ${smallest}`);
  }
  for (const cell of cells) {
    if (!Number.isInteger(cell.count) || cell.count < 0) {
      throw new RangeError(`the count for ${cell.key} must be a whole number from 0`);
    }
  }

  const hidden = cells.map((cell) => cell.count > 0 && cell.count < smallest);
  let totalShown = true;

  if (hidden.includes(true)) {
    const hiddenCount = (): number => hidden.filter(Boolean).length;
    const hiddenSum = (): number =>
      cells.reduce((sum, cell, index) => (hidden[index] === true ? sum + cell.count : sum), 0);
    while (hiddenCount() < 2 || hiddenSum() < smallest) {
      const next = smallestShownNonZero(cells, hidden);
      if (next === undefined) {
        totalShown = false;
        break;
      }
      hidden[next] = true;
    }
  }

  return {
    cells: cells.map((cell, index) => ({
      key: cell.key,
      count: hidden[index] === true ? null : cell.count,
    })),
    total: totalShown ? cells.reduce((sum, cell) => sum + cell.count, 0) : null,
  };
}

/** The index of the smallest non-zero count still shown; the earlier cell on a tie. */
function smallestShownNonZero(
  cells: readonly Cell[],
  hidden: readonly boolean[],
): number | undefined {
  let best: number | undefined;
  cells.forEach((cell, index) => {
    if (hidden[index] === true || cell.count === 0) return;
    const bestCount = best === undefined ? undefined : cells[best]?.count;
    if (bestCount === undefined || cell.count < bestCount) best = index;
  });
  return best;
}
