import { SMALLEST_SHOWN, suppressSmall } from '../../platform/small-counts.ts';

// What the public page and the telling of people work out from the record, with no database.

/** How many people took part from one perspective; null where the count is suppressed. */
export interface PerspectiveCount {
  perspective: string;
  people: number;
}

export interface TookPart {
  /** Everyone, or null when it would give away a suppressed count. */
  total: number | null;
  /** Perspectives with 5 people or more, largest first. */
  shown: PerspectiveCount[];
  /** Perspectives with 1 to 4 people, merged into one line so no small count is shown. */
  smallGroups: { perspectives: number; people: number | null } | undefined;
}

/**
 * Who took part, safe to publish: a perspective with 1 to 4 people could point to a person, so
 * such perspectives are merged into one line, whose count is itself shown only from 5. The total
 * goes too when that line's count is hidden: total minus the shown counts would give it away.
 */
export function tookPart(counts: ReadonlyMap<string, number>): TookPart {
  const all = [...counts].filter(([, people]) => people > 0);
  const total = all.reduce((sum, [, people]) => sum + people, 0);
  const shown = all
    .filter(([, people]) => people >= SMALLEST_SHOWN)
    .map(([perspective, people]) => ({ perspective, people }))
    .sort((a, b) => b.people - a.people || a.perspective.localeCompare(b.perspective));
  const small = all.filter(([, people]) => people < SMALLEST_SHOWN);
  const smallPeople = small.reduce((sum, [, people]) => sum + people, 0);
  const smallGroups =
    small.length === 0
      ? undefined
      : { perspectives: small.length, people: suppressSmall(smallPeople) };
  return {
    total: smallGroups?.people === null ? null : suppressSmall(total),
    shown,
    smallGroups,
  };
}

export type NoticeKind = 'published' | 'action_done' | 'follow_up';
export type NoticeRoute = 'email' | 'text' | 'post' | 'advocate';

/** The event a notice tells of: one person is told of each event once. */
export const eventOf = (kind: NoticeKind, about?: string): string =>
  about === undefined ? kind : `${kind}:${about}`;

/**
 * Where a notice starts: an email goes to the outbox; a text waits for a text provider (none is
 * set up yet, so staff see it and nothing is dropped); a letter waits to be printed and posted;
 * an advocate's task waits for the advocate.
 */
export const firstState = (route: NoticeRoute): 'queued' | 'waiting' =>
  route === 'email' ? 'queued' : 'waiting';

export interface Recipient {
  participantId: string;
  route: string;
}

/** Those to tell: everyone with a route, except those who asked to hear no more. */
export function recipients<R extends Recipient>(
  contacts: readonly R[],
  stopped: ReadonlySet<string>,
): (R & { route: NoticeRoute })[] {
  return contacts.filter(
    (c): c is R & { route: NoticeRoute } => isRoute(c.route) && !stopped.has(c.participantId),
  );
}

const ROUTES: readonly string[] = ['email', 'text', 'post', 'advocate'];
const isRoute = (route: string): route is NoticeRoute => ROUTES.includes(route);

export const CHANGED = ['yes', 'a_little', 'no', 'not_sure'] as const;
export type Changed = (typeof CHANGED)[number];

export interface AnswerTally {
  /** The action the answers are about; null for "something else". */
  actionId: string | null;
  answers: number | null;
  /** Per answer; suppressed (null) below 5 when the reader is the council. */
  byChanged: Record<Changed, number | null>;
}

/**
 * The follow-up answers counted beside each action. The council reads them without anything
 * that could point to a person, so its counts of 1 to 4 are suppressed.
 */
export function tallyAnswers(
  answers: readonly { actionId: string | null; changed: Changed }[],
  suppress: boolean,
): AnswerTally[] {
  const byAction = new Map<string | null, Changed[]>();
  for (const answer of answers)
    byAction.set(answer.actionId, [...(byAction.get(answer.actionId) ?? []), answer.changed]);
  return [...byAction].map(([actionId, changed]) => {
    const byChanged = Object.fromEntries(
      CHANGED.map((c) => {
        const n = changed.filter((x) => x === c).length;
        return [c, suppress ? suppressSmall(n) : n];
      }),
    ) as Record<Changed, number | null>;
    return {
      actionId,
      answers: suppress ? suppressSmall(changed.length) : changed.length,
      byChanged,
    };
  });
}
