import { describe, expect, it } from 'vitest';
import {
  dense,
  orthonormalBasis,
  row,
  sparseRows,
  sparseTimesDense,
  symmetricEigen,
  transposeTimes,
} from './matrix.ts';
import { gaussian, seededRandom } from './random.ts';
import { randomisedSvd } from './svd.ts';

describe('symmetricEigen', () => {
  it('finds the eigenvalues of a known matrix, largest first', () => {
    const m = dense(2, 2);
    m.data.set([2, 1, 1, 2]);
    const { values, vectors } = symmetricEigen(m);
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors.data[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 10);
  });
});

describe('orthonormalBasis', () => {
  it('gives orthonormal columns', () => {
    const normal = gaussian(seededRandom(5));
    const a = dense(40, 4);
    for (let i = 0; i < a.data.length; i++) a.data[i] = normal();
    const q = orthonormalBasis(a);
    const gram = transposeTimes(q, q);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(gram.data[i * 4 + j]).toBeCloseTo(i === j ? 1 : 0, 8);
    }
  });
});

describe('randomisedSvd', () => {
  it('recovers the singular values of a low-rank matrix, the same with the same seed', () => {
    // A rank-3 matrix with singular values near 10, 5 and 2.
    const normal = gaussian(seededRandom(9));
    const rows = 60;
    const columns = 30;
    const u = Array.from({ length: 3 }, () => Array.from({ length: rows }, normal));
    const v = Array.from({ length: 3 }, () => Array.from({ length: columns }, normal));
    const scale = [10, 5, 2];
    const entries = Array.from({ length: rows }, (_, r) => {
      const entry = new Map<number, number>();
      for (let c = 0; c < columns; c++) {
        let value = 0;
        for (let k = 0; k < 3; k++) {
          value +=
            ((scale[k] ?? 0) * (u[k]?.[r] ?? 0) * (v[k]?.[c] ?? 0)) / Math.sqrt(rows * columns);
        }
        entry.set(c, value);
      }
      return entry;
    });
    const x = sparseRows(entries, columns);
    // The exact values, from the eigenvalues of XᵀX.
    const xt = dense(rows, columns);
    entries.forEach((entry, r) => entry.forEach((value, c) => (xt.data[r * columns + c] = value)));
    const exact = symmetricEigen(transposeTimes(xt, xt)).values;
    const first = randomisedSvd(x, 3, seededRandom(1));
    for (let k = 0; k < 3; k++) {
      expect(first.singularValues[k]).toBeCloseTo(Math.sqrt(exact[k] ?? 0), 6);
    }
    expect(randomisedSvd(x, 3, seededRandom(1)).directions.data).toEqual(first.directions.data);
    // The directions are orthonormal, and the rows placed along them (X·V = U·Σ) spread along
    // each by its singular value, as a rank-3 matrix's rows must.
    const gram = transposeTimes(first.directions, first.directions);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(gram.data[i * 3 + j]).toBeCloseTo(i === j ? 1 : 0, 8);
    }
    const placed = sparseTimesDense(x, first.directions);
    const spread = transposeTimes(placed, placed);
    for (let k = 0; k < 3; k++) {
      expect(Math.sqrt(spread.data[k * 3 + k] ?? 0)).toBeCloseTo(first.singularValues[k] ?? 0, 8);
    }
  });
});

describe('randomisedSvd on columns no row uses', () => {
  it('gives those columns no direction and leaves the rest as without them', () => {
    const rows = [
      new Map([
        [0, 1],
        [2, 2],
      ]),
      new Map([
        [0, 3],
        [2, 1],
      ]),
      new Map([[2, 1]]),
    ];
    const withGap = randomisedSvd(sparseRows(rows, 4), 2, seededRandom(3));
    const compact = randomisedSvd(
      sparseRows(
        rows.map((entry) => new Map([...entry].map(([c, v]) => [c === 2 ? 1 : c, v]))),
        2,
      ),
      2,
      seededRandom(3),
    );
    expect(withGap.directions.rows).toBe(4);
    for (const unused of [1, 3]) {
      expect([...row(withGap.directions, unused)]).toEqual([0, 0]);
    }
    expect([...withGap.singularValues]).toEqual([...compact.singularValues]);
    expect([...row(withGap.directions, 2)]).toEqual([...row(compact.directions, 1)]);
  });
});
