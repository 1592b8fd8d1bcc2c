import type { Pca } from './pca.ts';
import type { VoteMatrix } from './vote-matrix.ts';

/**
 * Each participant's place on the map, as x, y pairs in row order: the projection of their
 * centred row, stretched by √(N / n) so people who voted on few statements are not all bunched
 * at the centre (n counts moderated-out columns, which are never empty).
 */
export function projectParticipants(matrix: VoteMatrix, pca: Pca): Float64Array {
  const { rows, cols, excluded, excludedCount } = matrix;
  const [first, second] = pca.components;
  const { rowStart, col: colIndex, value } = pca.centred;
  const points = new Float64Array(rows * 2);
  for (let row = 0; row < rows; row++) {
    // Excluded columns are 0, not empty, in every row of the rating matrix.
    let voted = excludedCount;
    for (let i = matrix.rowStart[row] ?? 0; i < (matrix.rowStart[row + 1] ?? 0); i++) {
      if (excluded[matrix.col[i] ?? 0] === 0) voted++;
    }
    // Cells not stored are empty, and excluded columns' cells hold 0: neither adds anything here.
    let x = 0;
    let y = 0;
    for (let i = rowStart[row] ?? 0; i < (rowStart[row + 1] ?? 0); i++) {
      const col = colIndex[i] ?? 0;
      x += (value[i] ?? 0) * (first[col] ?? 0);
      y += (value[i] ?? 0) * (second[col] ?? 0);
    }
    const stretch = Math.sqrt(cols / Math.max(voted, 1));
    points[row * 2] = x * stretch;
    points[row * 2 + 1] = y * stretch;
  }
  return points;
}

/**
 * How far out each statement sits: the length of the point of someone who agreed with it and
 * voted on nothing else, √N × (1 − mean) × (pc1, pc2).
 */
export function statementExtremity(matrix: VoteMatrix, pca: Pca): Float64Array {
  const { cols } = matrix;
  const [first, second] = pca.components;
  const extremity = new Float64Array(cols);
  for (let col = 0; col < cols; col++) {
    const distance = Math.sqrt(cols) * (1 - (pca.centre[col] ?? 0));
    extremity[col] = Math.hypot(distance * (first[col] ?? 0), distance * (second[col] ?? 0));
  }
  return extremity;
}
