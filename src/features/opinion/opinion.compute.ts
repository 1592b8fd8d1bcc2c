import { analyseOpinions } from '../../analysis/opinion/analyse.ts';
import { statementPriority } from '../../analysis/opinion/priority.ts';
import type { OpinionResult } from './opinion.result.ts';

// The one place that calls the opinion maths (src/analysis/opinion): when its API changes, only
// this file changes. Everything here is pure, so it runs as well in a worker thread as inline.

export interface CastVote {
  readonly participantId: string;
  readonly statementId: string;
  /** 1 agree, -1 disagree, 0 pass. */
  readonly value: -1 | 0 | 1;
}

export interface StatementForMap {
  readonly id: string;
  readonly state: string;
  readonly isMeta: boolean;
}

export interface OpinionInput {
  /** Every vote, in the order cast: a later vote by the same person on a statement wins. */
  readonly votes: readonly CastVote[];
  readonly statements: readonly StatementForMap[];
  /** Each voter's perspective, by participant id. */
  readonly perspectives: ReadonlyMap<string, string>;
  /** Who was grouped in the previous snapshot: once in the conversation, always in it. */
  readonly alreadyInConversation: ReadonlySet<string>;
}

type TallyCounts = Record<string, [number, number, number]>;

function count(into: TallyCounts, statementId: string, value: number): void {
  const tally = (into[statementId] ??= [0, 0, 0]);
  if (value === 1) tally[0] += 1;
  else if (value === -1) tally[1] += 1;
  tally[2] += 1;
}

/** The opinion map for a snapshot: the maths' result, plus the tallies the report shows. */
export function computeOpinionMap(input: OpinionInput): OpinionResult {
  const map = analyseOpinions(
    input.votes.map((vote) => ({
      participant: vote.participantId,
      statement: vote.statementId,
      value: vote.value,
    })),
    input.statements.map((s) => ({
      id: s.id,
      moderatedOut: s.state === 'rejected',
      meta: s.isMeta,
    })),
    input.alreadyInConversation,
  );

  const latest = new Map<string, Map<string, number>>();
  for (const vote of input.votes) {
    let mine = latest.get(vote.participantId);
    if (mine === undefined) latest.set(vote.participantId, (mine = new Map<string, number>()));
    mine.set(vote.statementId, vote.value);
  }
  const groupOf = new Map<string, number>();
  for (const group of map.groups) for (const member of group.members) groupOf.set(member, group.id);

  const everyone: TallyCounts = {};
  const groups: Record<string, TallyCounts> = {};
  const perspectives: Record<string, TallyCounts> = {};
  for (const [participantId, mine] of latest) {
    const group = groupOf.get(participantId);
    const perspective = input.perspectives.get(participantId);
    for (const [statementId, value] of mine) {
      count(everyone, statementId, value);
      if (group !== undefined) count((groups[String(group)] ??= {}), statementId, value);
      if (perspective !== undefined) count((perspectives[perspective] ??= {}), statementId, value);
    }
  }

  // The maths gives priorities to statements with votes; a new approved statement nobody has
  // seen yet gets the novelty boost of an empty tally, so it is offered soon.
  const priority: Record<string, number> = {};
  for (const statement of input.statements) {
    if (statement.state !== 'approved') continue;
    priority[statement.id] =
      map.priority.get(statement.id) ??
      statementPriority({ agree: 0, disagree: 0, seen: 0, extremity: 0, meta: statement.isMeta });
  }

  return {
    statements: [...map.statements],
    points: Object.fromEntries(map.points),
    groups: map.groups.map((group) => ({ id: group.id, members: [...group.members] })),
    repness: map.repness,
    consensus: {
      agree: map.consensus.agree,
      disagree: map.consensus.disagree,
      groupAware: Object.fromEntries(map.groupAwareConsensus),
    },
    priority,
    tallies: { everyone, groups, perspectives },
  };
}
