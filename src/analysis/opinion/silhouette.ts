/**
 * Mean silhouette over points (each counts once, whatever its weight): for each point,
 * (b − a) / max(a, b), where a is the mean distance to the others in its cluster and b the
 * smallest mean distance to another cluster. A point alone in its cluster scores 0.
 */
export function silhouette(points: Float64Array, assignment: Int32Array, count: number): number {
  const n = assignment.length;
  if (n === 0) return 0;
  const sizes = new Float64Array(count);
  for (const cluster of assignment) sizes[cluster] = (sizes[cluster] ?? 0) + 1;
  const sums = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = assignment[i] ?? 0;
    if ((sizes[own] ?? 0) <= 1) continue;
    sums.fill(0);
    const x = points[i * 2] ?? 0;
    const y = points[i * 2 + 1] ?? 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const cluster = assignment[j] ?? 0;
      sums[cluster] =
        (sums[cluster] ?? 0) + Math.hypot(x - (points[j * 2] ?? 0), y - (points[j * 2 + 1] ?? 0));
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
