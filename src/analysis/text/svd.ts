// A randomised truncated SVD (Halko, Martinsson & Tropp 2011): projects the sparse TF-IDF rows
// onto a few random directions, sharpens them with power iterations, then solves the small
// problem exactly. Seeded, so the same voices give the same vectors.
import {
  type Dense,
  type SparseRows,
  dense,
  orthonormalBasis,
  row,
  sparseTimesDense,
  sparseTransposeTimesDense,
  symmetricEigen,
  times,
  transposeTimes,
  usedColumns,
} from './matrix.ts';
import { type Random, gaussian } from './random.ts';

export interface SvdOptions {
  /** Extra random directions beyond those kept, for accuracy. */
  oversample?: number;
  powerIterations?: number;
}

/**
 * The `dimensions` leading singular values of X and their directions in term space (V,
 * columns × d, with d ≤ dimensions when X has fewer rows or columns): a row is placed in that
 * space as its TF-IDF row times V, whether or not it was in X.
 */
export function randomisedSvd(
  x: SparseRows,
  dimensions: number,
  random: Random,
  { oversample = 10, powerIterations = 2 }: SvdOptions = {},
): { singularValues: Float64Array; directions: Dense } {
  // Columns no row uses (terms only in voices outside a sample) are left out of the work.
  const { used, matrix } = usedColumns(x);
  if (used.length < x.columns) {
    const fitted = randomisedSvd(matrix, dimensions, random, { oversample, powerIterations });
    const directions = dense(x.columns, fitted.directions.columns);
    used.forEach((c, i) => row(directions, c).set(row(fitted.directions, i)));
    return { ...fitted, directions };
  }
  const width = Math.max(1, Math.min(dimensions + oversample, x.rows, x.columns));
  const normal = gaussian(random);
  const omega = dense(x.columns, width);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = normal();
  // Made orthonormal after each power iteration (X·Xᵀ·Q), not before the first: the basis comes
  // from the eigenvalues of YᵀY, which spread as σ⁶ after one iteration, still far inside what
  // 64-bit numbers keep apart (σ₁₀₀/σ₁ is about 0.07 on the FFT comments: 1e-7), where σ¹⁰
  // after two would not be (3e-12).
  let q = sparseTimesDense(x, omega);
  for (let i = 0; i < powerIterations; i++) {
    q = orthonormalBasis(sparseTimesDense(x, sparseTransposeTimesDense(x, q)));
  }
  if (powerIterations === 0) q = orthonormalBasis(q);
  const bt = sparseTransposeTimesDense(x, q);
  const { values, vectors } = symmetricEigen(transposeTimes(bt, bt));
  const kept = Math.min(dimensions, width);
  const v = times(bt, vectors);
  const directions = dense(x.columns, kept);
  const singularValues = new Float64Array(kept);
  for (let j = 0; j < kept; j++) singularValues[j] = Math.sqrt(Math.max(0, values[j] ?? 0));
  // V = Xᵀ·U·Σ⁻¹ = Bᵀ·W·Σ⁻¹, with B = QᵀX and W the eigenvectors of B·Bᵀ.
  for (let c = 0; c < x.columns; c++) {
    for (let j = 0; j < kept; j++) {
      const sigma = singularValues[j] ?? 0;
      directions.data[c * kept + j] = sigma > 0 ? (v.data[c * width + j] ?? 0) / sigma : 0;
    }
  }
  return { singularValues, directions };
}
