import type { VoteMatrix } from './vote-matrix.ts';

/** Polis clusters no fewer than this many people when that many have voted at all. */
export const MINIMUM_IN_CONVERSATION = 15;
const VOTES_TO_JOIN = 7;

/**
 * Rows of the people who are "in conversation" (clustered): those with at least
 * min(7, statements) votes in the raw matrix (passes and votes on moderated-out statements
 * count), anyone in `alreadyIn` (membership only grows), then the most active others until
 * there are 15. Returned in row order.
 */
export function inConversation(
  matrix: VoteMatrix,
  alreadyIn: ReadonlySet<string> = new Set(),
): number[] {
  const { rows, cols, rowStart } = matrix;
  const counts = new Int32Array(rows);
  for (let row = 0; row < rows; row++)
    counts[row] = (rowStart[row + 1] ?? 0) - (rowStart[row] ?? 0);
  const threshold = Math.min(VOTES_TO_JOIN, cols);
  const chosen = new Uint8Array(rows);
  let chosenCount = 0;
  for (let row = 0; row < rows; row++) {
    const participant = matrix.participants[row] ?? '';
    if ((counts[row] ?? 0) >= threshold || alreadyIn.has(participant)) {
      chosen[row] = 1;
      chosenCount++;
    }
  }
  if (chosenCount < MINIMUM_IN_CONVERSATION) {
    // Most votes first; the earlier row wins a tie so the result does not depend on sort internals.
    const others = [...Array(rows).keys()]
      .filter((row) => chosen[row] === 0)
      .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
    for (const row of others.slice(0, MINIMUM_IN_CONVERSATION - chosenCount)) chosen[row] = 1;
  }
  const result: number[] = [];
  for (let row = 0; row < rows; row++) if (chosen[row] === 1) result.push(row);
  return result;
}
