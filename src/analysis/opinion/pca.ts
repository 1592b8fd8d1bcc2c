import type { VoteMatrix } from './vote-matrix.ts';

export const POWER_ITERATIONS = 100;

/**
 * The centred matrix as compressed sparse rows: row r's cells are at rowStart[r] ..
 * rowStart[r + 1] - 1. It has a cell wherever a vote was cast, so it shares `rowStart` and `col`
 * with the vote matrix; a cell may hold 0 (an excluded column, or a vote equal to its column's
 * mean), which adds nothing to any sum.
 */
export interface SparseRows {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
}

export interface Pca {
  /** Column means over the votes cast (passes count as 0); a column nobody voted on has 0. */
  readonly centre: Float64Array;
  /** Vote minus column mean; 0 (not stored) where no vote was cast. */
  readonly centred: SparseRows;
  /** Two unit-length components (or zero vectors when there is no variation to find). */
  readonly components: readonly [Float64Array, Float64Array];
}

/**
 * Filling each empty cell with its column mean and then centring leaves exactly 0 there, so
 * the centred matrix is the votes minus the means with 0 in the gaps: sparse, which is what
 * makes power iteration fast. Excluded columns are 0 for everyone in the rating matrix, so their
 * mean is 0 and so are their cells.
 */
export function centreMatrix(matrix: VoteMatrix): { centre: Float64Array; centred: SparseRows } {
  const { rows, cols, rowStart, col: colIndex, value, excluded } = matrix;
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  for (let i = 0; i < colIndex.length; i++) {
    const col = colIndex[i] ?? 0;
    sums[col] = (sums[col] ?? 0) + (value[i] ?? 0);
    counts[col] = (counts[col] ?? 0) + 1;
  }
  const centre = new Float64Array(cols);
  for (let col = 0; col < cols; col++) {
    const count = counts[col] ?? 0;
    centre[col] = count === 0 || excluded[col] === 1 ? 0 : (sums[col] ?? 0) / count;
  }
  const centred = new Float64Array(colIndex.length);
  for (let i = 0; i < colIndex.length; i++) {
    const col = colIndex[i] ?? 0;
    if (excluded[col] === 0) centred[i] = (value[i] ?? 0) - (centre[col] ?? 0);
  }
  return { centre, centred: { rows, cols, rowStart, col: colIndex, value: centred } };
}

function norm(vector: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] ?? 0) * (vector[i] ?? 0);
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
  for (let i = 0; i < component.length; i++) {
    const value = component[i] ?? 0;
    if (Math.abs(value) > largest) {
      largest = Math.abs(value);
      sign = value < 0 ? -1 : 1;
    }
  }
  if (sign < 0) for (let i = 0; i < component.length; i++) component[i] = -(component[i] ?? 0);
  return component;
}

/** next = XᵀX·vector, as Xᵀ(X·vector): one pass over the cells, row by row. */
function timesGram(centred: SparseRows, vector: Float64Array, next: Float64Array): void {
  const { rows, rowStart, col: colIndex, value } = centred;
  next.fill(0);
  for (let row = 0; row < rows; row++) {
    const from = rowStart[row] ?? 0;
    const to = rowStart[row + 1] ?? 0;
    let projected = 0;
    for (let i = from; i < to; i++) projected += (value[i] ?? 0) * (vector[colIndex[i] ?? 0] ?? 0);
    if (projected === 0) continue;
    for (let i = from; i < to; i++) {
      const col = colIndex[i] ?? 0;
      next[col] = (next[col] ?? 0) + projected * (value[i] ?? 0);
    }
  }
}

/**
 * The leading eigenvector of (XᵀX) with `deflate` projected out, by power iteration from a
 * vector of ones: up to 100 steps, stopping early when ‖XᵀXv‖ repeats exactly.
 */
export function powerIteration(centred: SparseRows, deflate?: Float64Array): Float64Array {
  const { cols, value } = centred;
  let vector = new Float64Array(cols).fill(1);
  removeComponent(vector, deflate);
  const start = norm(vector);
  if (start === 0) return new Float64Array(cols);
  for (let i = 0; i < cols; i++) vector[i] = (vector[i] ?? 0) / start;
  // ‖XᵀXv‖ can be no more than the trace of XᵀX; far below it is rounding left by deflation.
  let trace = 0;
  for (let i = 0; i < value.length; i++) trace += (value[i] ?? 0) * (value[i] ?? 0);
  const negligible = trace * 1e-10;
  let previous = -1;
  // Two buffers, swapped each step.
  let next = new Float64Array(cols);
  for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
    timesGram(centred, vector, next);
    removeComponent(next, deflate);
    const length = norm(next);
    if (length <= negligible) return new Float64Array(cols);
    for (let i = 0; i < cols; i++) next[i] = (next[i] ?? 0) / length;
    [vector, next] = [next, vector];
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
    const row = new Float64Array(cols);
    matrix.col.forEach((col, i) => {
      if (matrix.excluded[col] === 0) row[col] = matrix.value[i] ?? 0;
    });
    const length = norm(row);
    const first = length === 0 ? row : orient(row.map((value) => value / length));
    return { centre, centred, components: [first, new Float64Array(cols)] };
  }
  const first = powerIteration(centred);
  const second = powerIteration(centred, first);
  return { centre, centred, components: [first, second] };
}
