import type { VoteMatrix } from './vote-matrix.ts';

export const POWER_ITERATIONS = 100;

/** The centred matrix's non-zero cells, row by row (compressed sparse rows). */
export interface SparseRows {
  readonly rows: number;
  readonly cols: number;
  /** Cells of row r are at rowStart[r] .. rowStart[r + 1] - 1. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
}

export interface Pca {
  /** Column means over the votes cast (passes count as 0); a column nobody voted on has 0. */
  readonly centre: Float64Array;
  /** Vote minus column mean; 0 (left out) where no vote was cast. */
  readonly centred: SparseRows;
  /** Two unit-length components (or zero vectors when there is no variation to find). */
  readonly components: readonly [Float64Array, Float64Array];
}

/**
 * Filling each empty cell with its column mean and then centring leaves exactly 0 there, so
 * the centred matrix is the votes minus the means with 0 in the gaps: sparse, which is what
 * makes power iteration fast.
 */
export function centreMatrix(matrix: VoteMatrix): { centre: Float64Array; centred: SparseRows } {
  const { rows, cols, rating } = matrix;
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  let cast = 0;
  for (let row = 0; row < rows; row++) {
    const offset = row * cols;
    for (let col = 0; col < cols; col++) {
      const value = rating[offset + col] ?? NaN;
      if (Number.isNaN(value)) continue;
      sums[col] = (sums[col] ?? 0) + value;
      counts[col] = (counts[col] ?? 0) + 1;
      cast++;
    }
  }
  const centre = new Float64Array(cols);
  for (let col = 0; col < cols; col++) {
    const count = counts[col] ?? 0;
    centre[col] = count === 0 ? 0 : (sums[col] ?? 0) / count;
  }
  const rowStart = new Int32Array(rows + 1);
  const colIndex = new Int32Array(cast);
  const values = new Float64Array(cast);
  let next = 0;
  for (let row = 0; row < rows; row++) {
    const offset = row * cols;
    for (let col = 0; col < cols; col++) {
      const value = rating[offset + col] ?? NaN;
      if (Number.isNaN(value)) continue;
      const centred = value - (centre[col] ?? 0);
      if (centred === 0) continue;
      colIndex[next] = col;
      values[next] = centred;
      next++;
    }
    rowStart[row + 1] = next;
  }
  return {
    centre,
    centred: {
      rows,
      cols,
      rowStart,
      col: colIndex.subarray(0, next),
      value: values.subarray(0, next),
    },
  };
}

function norm(vector: Float64Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/** Removes the part of `vector` along the unit vector `against` (Gram–Schmidt deflation). */
function removeComponent(vector: Float64Array, against: Float64Array | undefined): void {
  if (against === undefined) return;
  let dot = 0;
  for (let i = 0; i < vector.length; i++) dot += (vector[i] ?? 0) * (against[i] ?? 0);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) - dot * (against[i] ?? 0);
}

/**
 * Sign rule: the loading with the largest magnitude is made positive (the first such loading
 * on a tie), so a recompute from the same votes always points the axes the same way.
 */
export function orient(component: Float64Array): Float64Array {
  let largest = 0;
  let sign = 1;
  for (const value of component) {
    if (Math.abs(value) > largest) {
      largest = Math.abs(value);
      sign = value < 0 ? -1 : 1;
    }
  }
  if (sign < 0) for (let i = 0; i < component.length; i++) component[i] = -(component[i] ?? 0);
  return component;
}

/**
 * The leading eigenvector of (XᵀX) with `deflate` projected out, by power iteration from a
 * vector of ones: up to 100 steps, stopping early when ‖XᵀXv‖ repeats exactly.
 */
export function powerIteration(centred: SparseRows, deflate?: Float64Array): Float64Array {
  const { rows, cols, rowStart, col: colIndex, value } = centred;
  let vector = new Float64Array(cols).fill(1);
  removeComponent(vector, deflate);
  const start = norm(vector);
  if (start === 0) return new Float64Array(cols);
  for (let i = 0; i < cols; i++) vector[i] = (vector[i] ?? 0) / start;
  // ‖XᵀXv‖ can be no more than the trace of XᵀX; far below it is rounding left by deflation.
  let trace = 0;
  for (const cell of value) trace += cell * cell;
  const negligible = trace * 1e-10;
  let previous = -1;
  for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
    // next = Xᵀ(Xv), one pass over the cells.
    const next = new Float64Array(cols);
    for (let row = 0; row < rows; row++) {
      const from = rowStart[row] ?? 0;
      const to = rowStart[row + 1] ?? 0;
      let projected = 0;
      for (let i = from; i < to; i++)
        projected += (value[i] ?? 0) * (vector[colIndex[i] ?? 0] ?? 0);
      if (projected === 0) continue;
      for (let i = from; i < to; i++) {
        const col = colIndex[i] ?? 0;
        next[col] = (next[col] ?? 0) + projected * (value[i] ?? 0);
      }
    }
    removeComponent(next, deflate);
    const length = norm(next);
    if (length <= negligible) return new Float64Array(cols);
    for (let i = 0; i < cols; i++) next[i] = (next[i] ?? 0) / length;
    vector = next;
    if (length === previous) break;
    previous = length;
  }
  return orient(vector);
}

/** Two principal components of the rating matrix, as in Polis (see README for the start vector). */
export function principalComponents(matrix: VoteMatrix): Pca {
  const { rows, cols } = matrix;
  const { centre, centred } = centreMatrix(matrix);
  if (cols === 1) {
    return { centre, centred, components: [Float64Array.of(1), Float64Array.of(0)] };
  }
  if (rows === 1) {
    // One person: the map's only direction is their own votes (Polis's special case).
    const row = matrix.rating.map((value) => (Number.isNaN(value) ? 0 : value));
    const length = norm(row);
    const first = length === 0 ? row : orient(row.map((value) => value / length));
    return { centre, centred, components: [first, new Float64Array(cols)] };
  }
  const first = powerIteration(centred);
  const second = powerIteration(centred, first);
  return { centre, centred, components: [first, second] };
}
