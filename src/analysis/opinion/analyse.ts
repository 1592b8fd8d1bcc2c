import { groupAwareConsensus, majority } from './consensus.ts';
import { groupPoints } from './groups.ts';
import { inConversation } from './in-conversation.ts';
import { principalComponents } from './pca.ts';
import { statementPriority } from './priority.ts';
import { projectParticipants, statementExtremity } from './projection.ts';
import { groupStatementStats, selectRepresentative, type Direction } from './repness.ts';
import { tally } from './statistics.ts';
import { buildVoteMatrix, type StatementState, type Vote } from './vote-matrix.ts';

export interface OpinionGroup {
  readonly id: number;
  /** Participant ids, in row order (see buildVoteMatrix). */
  readonly members: string[];
}

export interface OpinionMap {
  readonly participants: readonly string[];
  readonly statements: readonly string[];
  /** Each participant's x, y on the map, keyed by id. */
  readonly points: ReadonlyMap<string, readonly [number, number]>;
  readonly extremity: ReadonlyMap<string, number>;
  readonly groups: OpinionGroup[];
  readonly repness: Record<string, { statement: string; direction: Direction }[]>;
  /** The majority lists. */
  readonly consensus: { agree: string[]; disagree: string[] };
  readonly groupAwareConsensus: ReadonlyMap<string, { agree: number; disagree: number }>;
  /** How strongly to favour each statement when choosing what someone sees next. */
  readonly priority: ReadonlyMap<string, number>;
}

/**
 * The whole opinion map from the current votes (in the order cast) and moderation, following
 * ../../../../shared/reference/opinion-math.md as a fresh start: see README.md for where this
 * departs from Polis.
 */
export function analyseOpinions(
  votes: Iterable<Vote>,
  statements: readonly StatementState[] = [],
  alreadyInConversation: ReadonlySet<string> = new Set(),
): OpinionMap {
  const matrix = buildVoteMatrix(votes, statements);
  const pca = principalComponents(matrix);
  const projected = projectParticipants(matrix, pca);
  const clustered = inConversation(matrix, alreadyInConversation);
  const clusteredPoints = new Float64Array(clustered.length * 2);
  clustered.forEach((row, i) => {
    clusteredPoints[i * 2] = projected[row * 2] ?? 0;
    clusteredPoints[i * 2 + 1] = projected[row * 2 + 1] ?? 0;
  });
  const grouping = groupPoints(clusteredPoints);
  const groupRows: number[][] =
    clustered.length === 0 ? [] : Array.from({ length: grouping.count }, () => []);
  clustered.forEach((row, i) => groupRows[grouping.assignment[i] ?? 0]?.push(row));

  const statementId = (col: number): string => matrix.statements[col] ?? '';
  const stats = groupStatementStats(matrix, groupRows);
  const repness: OpinionMap['repness'] = {};
  stats.forEach((groupStats, g) => {
    repness[String(g)] = selectRepresentative(groupStats, matrix.excluded).map((r) => ({
      statement: statementId(r.col),
      direction: r.direction,
    }));
  });
  const most = majority(matrix);
  const gac = groupAwareConsensus(matrix, groupRows);
  const extremity = statementExtremity(matrix, pca);
  // Polis uses the previous update's tallies here; a recompute uses the current ones.
  const grouped = tally(matrix, [groupRows.flat()]);
  const meta = new Set(statements.filter((s) => s.meta).map((s) => s.id));

  return {
    participants: matrix.participants,
    statements: matrix.statements,
    points: new Map(
      matrix.participants.map((id, row) => [
        id,
        [projected[row * 2] ?? 0, projected[row * 2 + 1] ?? 0],
      ]),
    ),
    extremity: new Map(matrix.statements.map((id, col) => [id, extremity[col] ?? 0])),
    groups: groupRows.map((rows, id) => ({
      id,
      members: rows.map((row) => matrix.participants[row] ?? ''),
    })),
    repness,
    consensus: { agree: most.agree.map(statementId), disagree: most.disagree.map(statementId) },
    priority: new Map(
      matrix.statements.map((id, col) => [
        id,
        statementPriority({
          agree: grouped.agree[col] ?? 0,
          disagree: grouped.disagree[col] ?? 0,
          seen: grouped.seen[col] ?? 0,
          extremity: extremity[col] ?? 0,
          meta: meta.has(id),
        }),
      ]),
    ),
    groupAwareConsensus: new Map(
      matrix.statements.map((id, col) => [
        id,
        { agree: gac.agree[col] ?? 1, disagree: gac.disagree[col] ?? 1 },
      ]),
    ),
  };
}
