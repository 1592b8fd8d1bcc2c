// The little linear algebra the themes need: sparse rows for word counts, dense row-major
// matrices for document vectors, and what a randomised SVD is built from.

/** Rows of a sparse matrix (compressed sparse rows). */
export interface SparseRows {
  rows: number;
  columns: number;
  /** Row r holds entries start[r] .. start[r + 1] - 1. */
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

/** A dense matrix, row after row. */
export interface Dense {
  rows: number;
  columns: number;
  data: Float64Array;
}

export function dense(rows: number, columns: number): Dense {
  return { rows, columns, data: new Float64Array(rows * columns) };
}

export function row(matrix: Dense, r: number): Float64Array {
  return matrix.data.subarray(r * matrix.columns, (r + 1) * matrix.columns);
}

/** Sparse rows from a list of (column, value) maps, one per row. */
export function sparseRows(entries: readonly Map<number, number>[], columns: number): SparseRows {
  const start = new Int32Array(entries.length + 1);
  entries.forEach((entry, r) => (start[r + 1] = (start[r] ?? 0) + entry.size));
  const total = start[entries.length] ?? 0;
  const column = new Int32Array(total);
  const value = new Float64Array(total);
  entries.forEach((entry, r) => {
    let at = start[r] ?? 0;
    for (const [c, v] of [...entry].sort((a, b) => a[0] - b[0])) {
      column[at] = c;
      value[at] = v;
      at++;
    }
  });
  return { rows: entries.length, columns, start, column, value };
}

/** The rows of `a` listed in `rows`, as new sparse rows. */
export function pickSparseRows(a: SparseRows, rows: readonly number[]): SparseRows {
  const start = new Int32Array(rows.length + 1);
  rows.forEach(
    (r, to) => (start[to + 1] = (start[to] ?? 0) + (a.start[r + 1] ?? 0) - (a.start[r] ?? 0)),
  );
  const total = start[rows.length] ?? 0;
  const column = new Int32Array(total);
  const value = new Float64Array(total);
  rows.forEach((r, to) => {
    const from = a.start[r] ?? 0;
    const end = a.start[r + 1] ?? 0;
    column.set(a.column.subarray(from, end), start[to] ?? 0);
    value.set(a.value.subarray(from, end), start[to] ?? 0);
  });
  return { rows: rows.length, columns: a.columns, start, column, value };
}

/** The columns some row of `a` uses, in order, and `a` with only those (renumbered 0, 1, …). */
export function usedColumns(a: SparseRows): { used: Int32Array; matrix: SparseRows } {
  const seen = new Uint8Array(a.columns);
  for (const c of a.column) seen[c] = 1;
  const used = Int32Array.from(seen.keys()).filter((c) => seen[c] === 1);
  const renumbered = new Int32Array(a.columns);
  used.forEach((c, i) => (renumbered[c] = i));
  const column = a.column.map((c) => renumbered[c] ?? 0);
  return { used, matrix: { ...a, columns: used.length, column } };
}

/** A · B for sparse A (n × m) and dense B (m × k). */
export function sparseTimesDense(a: SparseRows, b: Dense): Dense {
  const out = dense(a.rows, b.columns);
  const k = b.columns;
  for (let r = 0; r < a.rows; r++) {
    const target = r * k;
    for (let at = a.start[r] ?? 0, end = a.start[r + 1] ?? 0; at < end; at++) {
      const source = (a.column[at] ?? 0) * k;
      const v = a.value[at] ?? 0;
      for (let j = 0; j < k; j++)
        out.data[target + j] = (out.data[target + j] ?? 0) + v * (b.data[source + j] ?? 0);
    }
  }
  return out;
}

/** Aᵀ · B for sparse A (n × m) and dense B (n × k). */
export function sparseTransposeTimesDense(a: SparseRows, b: Dense): Dense {
  const out = dense(a.columns, b.columns);
  const k = b.columns;
  for (let r = 0; r < a.rows; r++) {
    const source = r * k;
    for (let at = a.start[r] ?? 0, end = a.start[r + 1] ?? 0; at < end; at++) {
      const target = (a.column[at] ?? 0) * k;
      const v = a.value[at] ?? 0;
      for (let j = 0; j < k; j++)
        out.data[target + j] = (out.data[target + j] ?? 0) + v * (b.data[source + j] ?? 0);
    }
  }
  return out;
}

/**
 * Aᵀ · B for dense A (n × m) and B (n × k), four rows of A at a time (hot in the SVD). For AᵀA
 * only the upper triangle is summed, then mirrored.
 */
export function transposeTimes(a: Dense, b: Dense): Dense {
  const out = dense(a.columns, b.columns);
  const m = a.columns;
  const k = b.columns;
  const x = a.data;
  const y = b.data;
  const o = out.data;
  const symmetric = a === b;
  let r = 0;
  for (; r + 4 <= a.rows; r += 4) {
    const a0 = r * m;
    const a1 = a0 + m;
    const a2 = a1 + m;
    const a3 = a2 + m;
    const b0 = r * k;
    const b1 = b0 + k;
    const b2 = b1 + k;
    const b3 = b2 + k;
    for (let i = 0; i < m; i++) {
      const v0 = x[a0 + i] ?? 0;
      const v1 = x[a1 + i] ?? 0;
      const v2 = x[a2 + i] ?? 0;
      const v3 = x[a3 + i] ?? 0;
      const to = i * k;
      for (let j = symmetric ? i : 0; j < k; j++) {
        o[to + j] =
          (o[to + j] ?? 0) +
          v0 * (y[b0 + j] ?? 0) +
          v1 * (y[b1 + j] ?? 0) +
          v2 * (y[b2 + j] ?? 0) +
          v3 * (y[b3 + j] ?? 0);
      }
    }
  }
  for (; r < a.rows; r++) {
    for (let i = 0; i < m; i++) {
      const v = x[r * m + i] ?? 0;
      for (let j = symmetric ? i : 0; j < k; j++)
        o[i * k + j] = (o[i * k + j] ?? 0) + v * (y[r * k + j] ?? 0);
    }
  }
  if (symmetric) {
    for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) o[i * k + j] = o[j * k + i] ?? 0;
  }
  return out;
}

/** A · B for dense A (n × m) and B (m × k), four columns of A at a time (hot in the SVD). */
export function times(a: Dense, b: Dense): Dense {
  const out = dense(a.rows, b.columns);
  const m = a.columns;
  const k = b.columns;
  const x = a.data;
  const y = b.data;
  const o = out.data;
  for (let r = 0; r < a.rows; r++) {
    const from = r * m;
    const to = r * k;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      const v0 = x[from + i] ?? 0;
      const v1 = x[from + i + 1] ?? 0;
      const v2 = x[from + i + 2] ?? 0;
      const v3 = x[from + i + 3] ?? 0;
      const b0 = i * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      for (let j = 0; j < k; j++) {
        o[to + j] =
          (o[to + j] ?? 0) +
          v0 * (y[b0 + j] ?? 0) +
          v1 * (y[b1 + j] ?? 0) +
          v2 * (y[b2 + j] ?? 0) +
          v3 * (y[b3 + j] ?? 0);
      }
    }
    for (; i < m; i++) {
      const v = x[from + i] ?? 0;
      for (let j = 0; j < k; j++) o[to + j] = (o[to + j] ?? 0) + v * (y[i * k + j] ?? 0);
    }
  }
  return out;
}

/**
 * An orthonormal basis of the column space of A (n × k), as n × k columns (unused ones zero).
 * Through the eigenvectors of AᵀA rather than Gram–Schmidt: every pass then reads whole rows,
 * which stays fast when n is large.
 */
export function orthonormalBasis(a: Dense): Dense {
  const { values, vectors } = symmetricEigen(transposeTimes(a, a));
  const largest = values[0] ?? 0;
  const scale = Float64Array.from(values, (value) =>
    value > largest * 1e-12 && value > 0 ? 1 / Math.sqrt(value) : 0,
  );
  // Scaling the eigenvectors' columns first scales the basis' columns the same way.
  const columns = vectors.columns;
  for (let i = 0; i < vectors.data.length; i++)
    vectors.data[i] = (vectors.data[i] ?? 0) * (scale[i % columns] ?? 0);
  return times(a, vectors);
}

/**
 * Eigenvalues (largest first) and eigenvectors (as columns) of a symmetric matrix, by cyclic
 * Jacobi rotations: exact enough and simple for the small matrices a randomised SVD leaves.
 */
export function symmetricEigen(matrix: Dense): { values: Float64Array; vectors: Dense } {
  const n = matrix.rows;
  const a = Float64Array.from(matrix.data);
  const v = dense(n, n);
  for (let i = 0; i < n; i++) v.data[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] ?? 0;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] ?? 0;
          const akq = a[k * n + q] ?? 0;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] ?? 0;
          const aqk = a[q * n + k] ?? 0;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v.data[k * n + p] ?? 0;
          const vkq = v.data[k * n + q] ?? 0;
          v.data[k * n + p] = c * vkp - s * vkq;
          v.data[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => (a[y * n + y] ?? 0) - (a[x * n + x] ?? 0) || x - y,
  );
  const values = Float64Array.from(order, (i) => a[i * n + i] ?? 0);
  const vectors = dense(n, n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors.data[k * n + to] = v.data[k * n + from] ?? 0;
  });
  return { values, vectors };
}

/** Aᵀ as a new matrix. */
export function transposed(a: Dense): Dense {
  const out = dense(a.columns, a.rows);
  for (let r = 0; r < a.rows; r++)
    for (let c = 0; c < a.columns; c++) out.data[c * a.rows + r] = a.data[r * a.columns + c] ?? 0;
  return out;
}

/** Scales each row to length 1 in place; a zero row stays zero. */
export function normaliseRows(matrix: Dense): void {
  const d = matrix.columns;
  const values = matrix.data;
  for (let r = 0; r < matrix.rows; r++) {
    const from = r * d;
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (values[from + j] ?? 0) ** 2;
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) values[from + j] = (values[from + j] ?? 0) * scale;
    }
  }
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
