import { describe, expect, it } from 'vitest';
import { type Cell, protectTable } from './disclosure.ts';

function cells(...counts: number[]): Cell[] {
  return counts.map((count, index) => ({ key: `c${index}`, count }));
}

function shown(table: ReturnType<typeof protectTable>): (number | null)[] {
  return table.cells.map((cell) => cell.count);
}

describe('protectTable', () => {
  it('shows every count and the total when none is small', () => {
    const table = protectTable(cells(12, 5, 40), 5);
    expect(shown(table)).toEqual([12, 5, 40]);
    expect(table.total).toBe(57);
  });

  it('shows a count of 0: it names no one', () => {
    const table = protectTable(cells(0, 9, 20), 5);
    expect(shown(table)).toEqual([0, 9, 20]);
    expect(table.total).toBe(29);
  });

  it('hides counts from 1 to smallest − 1 (primary suppression)', () => {
    // 1 and 4 are both small; together they are two cells adding up to 5, so nothing more.
    const table = protectTable(cells(1, 30, 4, 0, 5), 5);
    expect(shown(table)).toEqual([null, 30, null, 0, 5]);
    expect(table.total).toBe(40);
  });

  it('hides one more cell so that a lone hidden count cannot be worked out from the total', () => {
    // Without secondary suppression: 3 hidden, 10 + 20 shown, total 33 → the hidden count is 3.
    const table = protectTable(cells(3, 10, 20), 5);
    expect(shown(table)).toEqual([null, null, 20]);
    expect(table.total).toBe(33);
  });

  it('takes the smallest non-zero shown count first, skipping zeros', () => {
    const table = protectTable(cells(50, 0, 2, 8, 6), 5);
    expect(shown(table)).toEqual([50, 0, null, 8, null]);
    expect(table.total).toBe(66);
  });

  it('breaks ties between equal counts by the cells’ order', () => {
    const table = protectTable(cells(2, 7, 7), 5);
    expect(shown(table)).toEqual([null, null, 7]);
  });

  it('keeps hiding until the hidden cells add up to at least smallest', () => {
    // 1 and 2 are hidden (two cells, but only 3 people: the pair is itself a small group), so
    // the smallest shown count, 6, is hidden too.
    const table = protectTable(cells(1, 2, 6, 9), 5);
    expect(shown(table)).toEqual([null, null, null, 9]);
    expect(table.total).toBe(18);
  });

  it('hides the total when the hidden cells cannot reach smallest', () => {
    // Both counts are small and there is nothing left to hide: the total 4 would name a small group.
    const table = protectTable(cells(2, 2, 0), 5);
    expect(shown(table)).toEqual([null, null, 0]);
    expect(table.total).toBeNull();
  });

  it('hides the total when only one cell is non-zero and it is small', () => {
    const table = protectTable(cells(0, 3, 0), 5);
    expect(shown(table)).toEqual([0, null, 0]);
    expect(table.total).toBeNull();
  });

  it('keeps the cells’ keys and order', () => {
    const table = protectTable(
      [
        { key: 'white', count: 30 },
        { key: 'asian', count: 2 },
        { key: 'black', count: 9 },
      ],
      5,
    );
    expect(table.cells).toEqual([
      { key: 'white', count: 30 },
      { key: 'asian', count: null },
      { key: 'black', count: null },
    ]);
  });

  it('hides nothing when smallest is 1', () => {
    expect(protectTable(cells(1, 0, 2), 1)).toEqual({
      cells: [
        { key: 'c0', count: 1 },
        { key: 'c1', count: 0 },
        { key: 'c2', count: 2 },
      ],
      total: 3,
    });
  });

  it('shows an empty table with a total of 0', () => {
    expect(protectTable([], 5)).toEqual({ cells: [], total: 0 });
  });

  it('never leaves a hidden count that the shown figures give away', () => {
    // Every table of three cells with counts 0..12: whenever any cell is hidden and the total is
    // shown, at least two cells are hidden and they add up to at least smallest.
    for (let a = 0; a <= 12; a++) {
      for (let b = 0; b <= 12; b++) {
        for (let c = 0; c <= 12; c++) {
          const counts = [a, b, c];
          const table = protectTable(cells(...counts), 5);
          const hiddenIndexes = table.cells.flatMap((cell, i) => (cell.count === null ? [i] : []));
          if (hiddenIndexes.length === 0 || table.total === null) continue;
          const hiddenSum = hiddenIndexes.reduce((sum, i) => sum + (counts[i] ?? 0), 0);
          expect(hiddenIndexes.length).toBeGreaterThanOrEqual(2);
          expect(hiddenSum).toBeGreaterThanOrEqual(5);
          counts.forEach((count, i) => {
            if (count > 0 && count < 5) expect(table.cells[i]?.count).toBeNull();
          });
        }
      }
    }
  });

  it('refuses a count that is not a whole number from 0, or a smallest below 1', () => {
    expect(() => protectTable(cells(-1), 5)).toThrow(RangeError);
    expect(() => protectTable(cells(2.5), 5)).toThrow(RangeError);
    expect(() => protectTable(cells(3), 0)).toThrow(RangeError);
  });
});
