import { describe, expect, it } from 'vitest';
import { type Cell, type ProtectedTable, protectTable } from './disclosure.ts';
import { compareWithPopulation } from './representation.ts';

// Made-up counts throughout, chosen to show each rule.

function cells(counts: Record<string, number>): Cell[] {
  return Object.entries(counts).map(([key, count]) => ({ key, count }));
}

function flags(rows: ReturnType<typeof compareWithPopulation>): Record<string, boolean> {
  return Object.fromEntries(rows.map((row) => [row.key, row.fewerThanExpected]));
}

describe('compareWithPopulation', () => {
  it('gives heard counts and shares, and no population share or flag without a population', () => {
    const heard = protectTable(cells({ a: 10, b: 30 }), 5);
    expect(compareWithPopulation(heard, undefined, 5)).toEqual([
      { key: 'a', heard: 10, heardShare: 0.25, populationShare: null, fewerThanExpected: false },
      { key: 'b', heard: 30, heardShare: 0.75, populationShare: null, fewerThanExpected: false },
    ]);
  });

  it('gives each category’s share of the people in the population cells', () => {
    const heard = protectTable(cells({ a: 10, b: 30 }), 5);
    const rows = compareWithPopulation(heard, cells({ b: 600, a: 200, c: 200 }), 5);
    expect(rows.map((row) => row.populationShare)).toEqual([0.2, 0.6]);
  });

  it('gives no heard share for a hidden count or over a hidden total', () => {
    const someHidden = protectTable(cells({ a: 3, b: 10, c: 20 }), 5);
    expect(compareWithPopulation(someHidden, undefined, 5).map((row) => row.heardShare)).toEqual([
      null,
      null,
      20 / 33,
    ]);
    const totalHidden = protectTable(cells({ a: 2, b: 2, c: 0 }), 5);
    expect(totalHidden.total).toBeNull();
    expect(compareWithPopulation(totalHidden, undefined, 5).map((row) => row.heardShare)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('gives no heard share when nobody was heard', () => {
    const heard = protectTable(cells({ a: 0, b: 0 }), 5);
    const rows = compareWithPopulation(heard, cells({ a: 1, b: 1 }), 5);
    expect(rows.map((row) => row.heardShare)).toEqual([null, null]);
    expect(rows.map((row) => row.fewerThanExpected)).toEqual([false, false]);
  });

  it('gives no population share for a category the population lacks, or an empty population', () => {
    const heard = protectTable(cells({ a: 10, b: 30 }), 5);
    expect(
      compareWithPopulation(heard, cells({ a: 50 }), 5).map((row) => row.populationShare),
    ).toEqual([1, null]);
    expect(
      compareWithPopulation(heard, cells({ a: 0, b: 0 }), 5).map((row) => row.populationShare),
    ).toEqual([null, null]);
  });

  describe('a shown count', () => {
    // Heard 100 in all; the population is split so that a is expected 40, b 50, c 6, d 4.
    const population = cells({ a: 400, b: 500, c: 60, d: 40 });

    it('is flagged when below half of what was expected', () => {
      const heard = protectTable(cells({ a: 19, b: 50, c: 26, d: 5 }), 5);
      expect(flags(compareWithPopulation(heard, population, 5))).toMatchObject({ a: true });
    });

    it('is not flagged at exactly half of what was expected', () => {
      const heard = protectTable(cells({ a: 20, b: 49, c: 26, d: 5 }), 5);
      expect(flags(compareWithPopulation(heard, population, 5))).toMatchObject({ a: false });
    });

    it('is not flagged when fewer than smallest were expected, even at 0', () => {
      // d is expected 4 (below 5), so heard 0 is not remarkable.
      const heard = protectTable(cells({ a: 40, b: 50, c: 10, d: 0 }), 5);
      expect(flags(compareWithPopulation(heard, population, 5))).toEqual({
        a: false,
        b: false,
        c: false,
        d: false,
      });
    });

    it('is flagged at 0 when at least smallest were expected', () => {
      // c is expected 6 and none were heard.
      const heard = protectTable(cells({ a: 44, b: 56, c: 0, d: 0 }), 5);
      expect(flags(compareWithPopulation(heard, population, 5))).toMatchObject({ c: true });
    });
  });

  it('flags nothing when the total is hidden: there is no expected count', () => {
    const heard = protectTable(cells({ a: 2, b: 2, c: 0 }), 5);
    const rows = compareWithPopulation(heard, cells({ a: 100, b: 100, c: 100 }), 5);
    expect(rows.map((row) => row.fewerThanExpected)).toEqual([false, false, false]);
    expect(rows.map((row) => row.populationShare)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  describe('a hidden count', () => {
    it('is flagged when the total less the shown counts leaves it certainly below half', () => {
      // Hidden: a 3, c 2, e 1 (6 people in 3 cells), so none of them can be more than 4.
      // Expected of 66: a 16.5 (4 < 8.25, flagged), c and e 6.6 (4 is not below 3.3).
      const heard = protectTable(cells({ a: 3, b: 0, c: 2, d: 60, e: 1 }), 5);
      expect(heard.cells.map((cell) => cell.count)).toEqual([null, 0, null, 60, null]);
      const population = cells({ a: 250, b: 50, c: 100, d: 500, e: 100 });
      expect(flags(compareWithPopulation(heard, population, 5))).toEqual({
        a: true,
        b: false, // expected 3.3, below smallest
        c: false,
        d: false,
        e: false,
      });
    });

    it('is bounded by the smallest count still shown, cells being hidden smallest first', () => {
      // a 4 is small; b 10 is hidden to protect it (10 ties with c, and b comes first).
      // From the shown figures: the hidden pair adds up to 14, so each is at most 13 by the
      // total, but at most 10 because c (10) was left showing. Expected for a and b: 24 each.
      const heard = protectTable(cells({ a: 4, b: 10, c: 10, d: 80 }), 5);
      expect(heard.cells.map((cell) => cell.count)).toEqual([null, null, 10, 80]);
      const population = cells({ a: 24, b: 24, c: 10, d: 46 });
      expect(flags(compareWithPopulation(heard, population, 5))).toEqual({
        a: true,
        b: true,
        c: false,
        d: false,
      });
    });

    it('is not flagged only because Heard knows it is below smallest', () => {
      // a is really 2 and expected 280.8. But c (300) is hidden with it, and the published
      // figures allow a to be up to 301: flagging a, and not c, would mark a as the small one
      // and c as about 300.
      const heard = protectTable(cells({ a: 2, b: 400, c: 300 }), 5);
      expect(heard.cells.map((cell) => cell.count)).toEqual([null, 400, null]);
      const population = cells({ a: 400, b: 200, c: 400 });
      expect(flags(compareWithPopulation(heard, population, 5))).toEqual({
        a: false,
        b: false,
        c: false,
      });
    });

    it('gives the same rows for any counts behind the same published table', () => {
      const population = cells({ a: 300, b: 100, c: 100, d: 500 });
      const first = protectTable(cells({ a: 1, b: 6, c: 9, d: 50 }), 5);
      const second = protectTable(cells({ a: 4, b: 3, c: 9, d: 50 }), 5);
      expect(first).toEqual(second);
      expect(compareWithPopulation(first, population, 5)).toEqual(
        compareWithPopulation(second, population, 5),
      );
    });
  });

  it('never flags a count that is not really below half of what was expected', () => {
    // Every table of four cells with counts 0..9, against a fixed, uneven population.
    const population = cells({ a: 700, b: 150, c: 100, d: 50 });
    const populationTotal = 1000;
    const keys = ['a', 'b', 'c', 'd'] as const;
    let flagged = 0;
    let flaggedHidden = 0;
    for (let n = 0; n < 10 ** 4; n++) {
      const counts = keys.map((_, i) => Math.floor(n / 10 ** i) % 10);
      const table: ProtectedTable = protectTable(
        keys.map((key, i) => ({ key, count: counts[i] ?? 0 })),
        5,
      );
      const total = counts.reduce((sum, count) => sum + count, 0);
      compareWithPopulation(table, population, 5).forEach((row, i) => {
        if (!row.fewerThanExpected) return;
        flagged++;
        if (row.heard === null) flaggedHidden++;
        const share = (population[i]?.count ?? 0) / populationTotal;
        expect(counts[i] ?? 0).toBeLessThan((total * share) / 2);
      });
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flaggedHidden).toBeGreaterThan(0);
  });

  it('keeps the table’s order and keys', () => {
    const heard = protectTable(cells({ white: 40, asian: 12, black: 9 }), 5);
    expect(compareWithPopulation(heard, undefined, 5).map((row) => row.key)).toEqual([
      'white',
      'asian',
      'black',
    ]);
  });
});
