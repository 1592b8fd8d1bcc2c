import { SMALLEST_SHOWN, suppressSmall } from '../../platform/small-counts.ts';
import { type MapModel, groupLetter, opinionMapModel } from './opinion.map.ts';
import type { Direction, OpinionSnapshot, Tally } from './opinion.result.ts';

// What the report page shows from a snapshot, for one viewer. Council roles see groups of
// fewer than 5 people only merged into one "other small groups" line, never a rate worked out
// from fewer than 5 people, and never who is in which group; advocacy roles see it all.

export interface Viewer {
  /** Advocacy roles: may see who is in which group and figures from fewer than 5 people. */
  readonly seesPeople: boolean;
}

/** A share of people, or why it is not shown: nobody voted, or too few to show. */
export type Rate =
  | { readonly kind: 'percent'; readonly percent: number; readonly people: number }
  | { readonly kind: 'fewer' }
  | { readonly kind: 'none' };

export interface StatementLine {
  readonly id: string;
  readonly text: string;
}

export interface GroupView {
  readonly id: number;
  readonly letter: string;
  readonly size: number;
  /** Participant ids; only for viewers who may see people. */
  readonly members: readonly string[] | undefined;
  readonly representative: readonly (StatementLine & { direction: Direction; rate: Rate })[];
}

export interface PerspectiveRow extends StatementLine {
  readonly rates: readonly Rate[];
  /** Highest minus lowest shown agreement, in percentage points; null with fewer than two. */
  readonly gap: number | null;
}

export interface OpinionReport {
  readonly version: number;
  readonly computedAt: string;
  /** People who voted; null where showing it would give away a suppressed count. */
  readonly voters: number | null;
  readonly groups: readonly GroupView[];
  /** Groups merged for this viewer because each had fewer than 5 people. */
  readonly smallGroups: { readonly groups: number; readonly people: number | null } | undefined;
  readonly consensus: {
    readonly agree: readonly (StatementLine & { rate: Rate })[];
    readonly disagree: readonly (StatementLine & { rate: Rate })[];
  };
  readonly perspectives: readonly string[];
  readonly byPerspective: readonly PerspectiveRow[];
  readonly map: MapModel;
}

function rateOf(tally: Tally | undefined, side: 0 | 1, viewer: Viewer): Rate {
  if (tally === undefined || tally[2] === 0) return { kind: 'none' };
  if (!viewer.seesPeople && suppressSmall(tally[2]) === null) return { kind: 'fewer' };
  return { kind: 'percent', percent: Math.round((100 * tally[side]) / tally[2]), people: tally[2] };
}

/**
 * The report for one viewer. `statements` gives the words of each statement by id; statements
 * no longer approved are left out of the perspective comparison.
 */
export function opinionReport(
  snapshot: OpinionSnapshot,
  statements: ReadonlyMap<string, { text: string; state: string }>,
  perspectiveOrder: readonly string[],
  viewer: Viewer,
): OpinionReport {
  const { result } = snapshot;
  const line = (id: string): StatementLine => ({ id, text: statements.get(id)?.text ?? '' });

  const shown = result.groups.filter(
    (group) => viewer.seesPeople || group.members.length >= SMALLEST_SHOWN,
  );
  const merged = result.groups.filter((group) => !shown.includes(group));
  const mergedPeople = merged.reduce((sum, group) => sum + group.members.length, 0);
  const smallGroups =
    merged.length === 0
      ? undefined
      : { groups: merged.length, people: suppressSmall(mergedPeople) };

  const groups: GroupView[] = shown.map((group) => {
    const tallies = result.tallies.groups[String(group.id)] ?? {};
    return {
      id: group.id,
      letter: groupLetter(group.id),
      size: group.members.length,
      members: viewer.seesPeople ? group.members : undefined,
      representative: (result.repness[String(group.id)] ?? []).map((r) => ({
        ...line(r.statement),
        direction: r.direction,
        rate: rateOf(tallies[r.statement], r.direction === 'agree' ? 0 : 1, viewer),
      })),
    };
  });

  const consensusLines = (ids: readonly string[], side: 0 | 1) =>
    ids.map((id) => ({ ...line(id), rate: rateOf(result.tallies.everyone[id], side, viewer) }));

  const perspectives = perspectiveOrder.filter((p) => result.tallies.perspectives[p] !== undefined);
  const byPerspective = result.statements
    .filter((id) => statements.get(id)?.state === 'approved')
    .map((id, order) => {
      const rates = perspectives.map((p) =>
        rateOf(result.tallies.perspectives[p]?.[id], 0, viewer),
      );
      const percents = rates.flatMap((rate) => (rate.kind === 'percent' ? [rate.percent] : []));
      const gap = percents.length < 2 ? null : Math.max(...percents) - Math.min(...percents);
      return { row: { ...line(id), rates, gap }, order };
    })
    .sort((a, b) => (b.row.gap ?? -1) - (a.row.gap ?? -1) || a.order - b.order)
    .map(({ row }) => row);

  return {
    version: snapshot.version,
    computedAt: snapshot.computedAt,
    // With the groups' sizes, the number of voters would tell how many are in the small
    // groups whenever everyone is grouped; so it goes when that count is hidden.
    voters: smallGroups?.people === null ? null : snapshot.participants,
    groups,
    smallGroups,
    consensus: {
      agree: consensusLines(result.consensus.agree, 0),
      disagree: consensusLines(result.consensus.disagree, 1),
    },
    perspectives,
    byPerspective,
    map: opinionMapModel(
      shown.map((group) => ({
        id: group.id,
        points: group.members.flatMap((id) => {
          const point = result.points[id];
          return point === undefined ? [] : [point];
        }),
      })),
    ),
  };
}
