/**
 * Euclidean distance between every two of the points, n × n row-major: worked out once, as the
 * silhouette of each k is taken over the same points.
 */
export function pairwiseDistances(points: Float64Array): Float64Array {
  const n = points.length / 2;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const distance = Math.hypot(
        (points[i * 2] ?? 0) - (points[j * 2] ?? 0),
        (points[i * 2 + 1] ?? 0) - (points[j * 2 + 1] ?? 0),
      );
      distances[i * n + j] = distance;
      distances[j * n + i] = distance;
    }
  }
  return distances;
}

/**
 * Mean silhouette over points (each counts once, whatever its weight): for each point,
 * (b − a) / max(a, b), where a is the mean distance to the others in its cluster and b the
 * smallest mean distance to another cluster. A point alone in its cluster scores 0. `distances`
 * comes from pairwiseDistances.
 */
export function silhouette(distances: Float64Array, assignment: Int32Array, count: number): number {
  const n = assignment.length;
  if (n === 0) return 0;
  const sizes = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const cluster = assignment[i] ?? 0;
    sizes[cluster] = (sizes[cluster] ?? 0) + 1;
  }
  const sums = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = assignment[i] ?? 0;
    if ((sizes[own] ?? 0) <= 1) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const cluster = assignment[j] ?? 0;
      sums[cluster] = (sums[cluster] ?? 0) + (distances[i * n + j] ?? 0);
    }
    const a = (sums[own] ?? 0) / ((sizes[own] ?? 0) - 1);
    let b = Infinity;
    for (let c = 0; c < count; c++) {
      if (c === own || (sizes[c] ?? 0) === 0) continue;
      b = Math.min(b, (sums[c] ?? 0) / (sizes[c] ?? 1));
    }
    if (b === Infinity) continue;
    const larger = Math.max(a, b);
    total += larger === 0 ? 0 : (b - a) / larger;
  }
  return total / n;
}
