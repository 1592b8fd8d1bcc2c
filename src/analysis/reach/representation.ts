import type { Cell, ProtectedTable } from './disclosure.ts';

/** One census category: who was heard beside who lives in the area. */
export interface ReachRow {
  key: string;
  /** The heard count as published; null when it is hidden. */
  heard: number | null;
  /** heard / total, only when both are shown. */
  heardShare: number | null;
  /** The category's share of the people in the population cells; null without a population. */
  populationShare: number | null;
  /** True only when the shown figures make it certain that fewer than half the expected were heard. */
  fewerThanExpected: boolean;
}

/**
 * Sets a protected table of who was heard (census categories only: the caller leaves "prefer not
 * to say" out) beside the population of the area, category by category, in the table's order.
 *
 * Everything here is worked out from the published figures alone (shown counts, the shown total
 * and `smallest`), never from the counts behind them, so a row can never give away a hidden count.
 *
 * - heardShare = count / total, only when both are shown: a share of a hidden count, or over a
 *   hidden total, would give the count away.
 * - populationShare = the category's people / all people in the population cells (so categories
 *   the census has but Heard does not ask, such as "Not answered", are left out on both sides).
 *   Null without a population, when the category is not in it, or when it counts no one.
 * - expected = total × populationShare; it needs the total shown and a population share.
 * - fewerThanExpected, for a shown count: expected ≥ smallest and count < expected / 2.
 * - fewerThanExpected, for a hidden count: expected ≥ smallest and the largest value the hidden
 *   count could have, judged from the shown figures, is < expected / 2, so that it is true
 *   whatever the hidden value. That largest value is the smaller of
 *     (a) total − the shown counts − (hidden cells − 1), since every hidden count is at least 1,
 *     (b) the smallest non-zero count still shown, if any: counts below `smallest` are hidden
 *         first, and counts hidden to protect them are taken smallest first, so none is larger
 *         than a count left showing.
 *   A hidden cell is not flagged merely because it is known (to Heard) to be below `smallest`:
 *   flagging only those would tell the reader which hidden cells are the small ones and which
 *   were hidden to protect them, and that can be enough to work the counts out. A cell hidden to
 *   protect another is flagged only when (a) or (b) makes it certain, like any other.
 *
 * `heard` must come from `protectTable` with the same `smallest`.
 */
export function compareWithPopulation(
  heard: ProtectedTable,
  population: readonly Cell[] | undefined,
  smallest: number,
): ReachRow[] {
  const populationTotal = population?.reduce((sum, cell) => sum + cell.count, 0) ?? 0;
  const largestHidden = largestHiddenCount(heard);
  return heard.cells.map(({ key, count }) => {
    const people = population?.find((cell) => cell.key === key)?.count;
    const populationShare =
      people === undefined || populationTotal <= 0 ? null : people / populationTotal;
    const heardShare =
      count === null || heard.total === null || heard.total === 0 ? null : count / heard.total;
    const expected =
      heard.total === null || populationShare === null ? null : heard.total * populationShare;
    const mostItCouldBe = count ?? largestHidden;
    const fewerThanExpected =
      expected !== null &&
      expected >= smallest &&
      mostItCouldBe !== null &&
      mostItCouldBe < expected / 2;
    return { key, heard: count, heardShare, populationShare, fewerThanExpected };
  });
}

/**
 * The largest value any hidden count in the table could have, from the shown figures alone;
 * null when nothing shown bounds it (no hidden cells, or the total hidden and no non-zero count
 * shown).
 */
function largestHiddenCount(table: ProtectedTable): number | null {
  const shown = table.cells.flatMap((cell) => (cell.count === null ? [] : [cell.count]));
  const hiddenCells = table.cells.length - shown.length;
  if (hiddenCells === 0) return null;
  const bounds: number[] = [];
  if (table.total !== null) {
    const hiddenSum = table.total - shown.reduce((sum, count) => sum + count, 0);
    bounds.push(hiddenSum - (hiddenCells - 1));
  }
  const shownNonZero = shown.filter((count) => count > 0);
  if (shownNonZero.length > 0) bounds.push(Math.min(...shownNonZero));
  return bounds.length === 0 ? null : Math.min(...bounds);
}
