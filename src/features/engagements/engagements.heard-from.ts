import { tookPart } from '../responses/you-said-we-did.core.ts';

// Who an engagement has heard from so far, by perspective, against the audiences it set out to
// hear: so that whoever runs it can see, while there is time, whom they have not reached.

export interface HeardFrom {
  /** Each perspective heard from and how many people; the audiences set out first. */
  rows: { perspective: string; people: number }[];
  /** For council roles: perspectives of 1 to 4 people, merged (see `tookPart`). */
  smallGroups?: { perspectives: number; people: number | null };
  /** Everyone heard from; null where it would give away a hidden count. */
  total: number | null;
  /** Audiences the engagement set out to hear, not heard from yet. */
  notYet: string[];
}

/**
 * `counts` are people with a voice, by perspective. The advocacy organisation sees every count;
 * council roles (`exact` false) see perspectives of 1 to 4 people merged, as the public does.
 */
export function heardFrom(
  counts: ReadonlyMap<string, number>,
  audiences: readonly string[],
  exact: boolean,
): HeardFrom {
  const notYet = audiences.filter((audience) => (counts.get(audience) ?? 0) === 0);
  const order = (a: { perspective: string; people: number }, b: typeof a) =>
    Number(audiences.includes(b.perspective)) - Number(audiences.includes(a.perspective)) ||
    b.people - a.people ||
    a.perspective.localeCompare(b.perspective);
  if (!exact) {
    const safe = tookPart(counts);
    return {
      rows: [...safe.shown].sort(order),
      ...(safe.smallGroups === undefined ? {} : { smallGroups: safe.smallGroups }),
      total: safe.total,
      notYet,
    };
  }
  const rows = [...counts]
    .filter(([, people]) => people > 0)
    .map(([perspective, people]) => ({ perspective, people }))
    .sort(order);
  return { rows, total: rows.reduce((sum, row) => sum + row.people, 0), notYet };
}
