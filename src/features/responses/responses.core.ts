import { addWorkingDays } from '../../platform/working-days.ts';
import type { Phase } from '../engagements/index.ts';

/** How a decision maker answers a recommendation (DESIGN.md, step 5). */
export const DECISIONS = ['adopt', 'adapt', 'explore', 'not_now'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CHALLENGE_OUTCOMES = ['upheld', 'not_upheld'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

export interface Recommendation {
  id: string;
  engagementId: string;
  askedPlain: string;
  askedEasyRead: string;
  writtenById: string;
  createdAt: string;
  sentAt: string | null;
}

export interface Response {
  id: string;
  recommendationId: string;
  decision: Decision | null;
  reasonsPlain: string;
  reasonsEasyRead: string;
  state: 'draft' | 'published';
  updatedAt: string;
  publishedAt: string | null;
}

export interface Action {
  id: string;
  responseId: string;
  what: string;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  createdAt: string;
}

export interface ActionUpdate {
  id: string;
  actionId: string;
  status: ActionStatus;
  note: string;
  evidenceLink: string | null;
  evidenceFile: EvidenceFile | null;
  writtenByName: string;
  writtenAt: string;
}

/** A file attached to a progress update (its bytes are read only to serve it). */
export interface EvidenceFile {
  id: string;
  updateId: string;
  filename: string;
  contentType: string;
  size: number;
  /** May be shown on the public page: the person attaching it said so. */
  public: boolean;
}

/** A published theme a recommendation comes from, named as it was when chosen. */
export interface RecommendationTheme {
  key: string;
  label: string;
  snapshotId: string;
}

/** The decision maker's revised answer after a challenge was upheld; the first answer stays. */
export interface Revision {
  id: string;
  responseId: string;
  challengeId: string;
  decision: Decision | null;
  reasonsPlain: string;
  reasonsEasyRead: string;
  state: 'draft' | 'published';
  updatedAt: string;
  publishedAt: string | null;
}

export interface Challenge {
  id: string;
  responseId: string;
  reasons: string;
  raisedByName: string;
  raisedAt: string;
  reply: string | null;
  outcome: ChallengeOutcome | null;
  repliedByName: string | null;
  repliedAt: string | null;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date (YYYY-MM-DD) it is in the UK at a moment: due dates are UK calendar days. */
export const ukDay = (at: Date): string => LONDON_DAY.format(at);

export const isPublished = (response: Pick<Response, 'state'> | undefined): boolean =>
  response?.state === 'published';

/**
 * A sent recommendation is overdue once the commitment's respond-by day has passed without a
 * published answer: the decision maker promised to answer by that day, and people can see it.
 */
export function responseOverdue(
  recommendation: Pick<Recommendation, 'sentAt'>,
  response: Pick<Response, 'state'> | undefined,
  respondBy: string | undefined,
  today: string,
): boolean {
  if (recommendation.sentAt === null || isPublished(response) || respondBy === undefined)
    return false;
  return today > respondBy;
}

/** An action still open after its due day. */
export const actionOverdue = (action: Pick<Action, 'status' | 'dueOn'>, today: string): boolean =>
  (action.status === 'planned' || action.status === 'in_progress') && today > action.dueOn;

export interface RollUp {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  dropped: number;
  overdue: number;
  /** Done out of the actions still meant to happen (dropped ones left out); null if none. */
  donePercent: number | null;
}

/** Where a set of actions stands: for one recommendation, or a whole engagement. */
export function rollUp(
  actions: readonly Pick<Action, 'status' | 'dueOn'>[],
  today: string,
): RollUp {
  const count = (status: ActionStatus) => actions.filter((a) => a.status === status).length;
  const done = count('done');
  const dropped = count('dropped');
  const live = actions.length - dropped;
  return {
    total: actions.length,
    planned: count('planned'),
    inProgress: count('in_progress'),
    done,
    dropped,
    overdue: actions.filter((a) => actionOverdue(a, today)).length,
    donePercent: live === 0 ? null : Math.round((done / live) * 100),
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

const DAY_MS = 86_400_000;

/** Whole UK calendar days from one moment to a later one (same day: 0). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${ukDay(new Date(to))}T00:00:00Z`) -
      Date.parse(`${ukDay(new Date(from))}T00:00:00Z`)) /
      DAY_MS,
  );

export interface AccountabilityFigures {
  sent: number;
  answered: number;
  /** Answered out of sent, as a whole percentage; null when nothing has been sent. */
  answeredPercent: number | null;
  overdueAnswers: number;
  medianDaysToAnswer: number | null;
  actions: RollUp;
  challengesRaised: number;
  challengesAnswered: number;
  challengesUpheld: number;
}

/** The figures a council is held to, from the record of one engagement. */
export function accountabilityFigures(
  record: {
    recommendations: readonly Pick<Recommendation, 'id' | 'sentAt'>[];
    responses: readonly Pick<Response, 'recommendationId' | 'state' | 'publishedAt'>[];
    actions: readonly Pick<Action, 'status' | 'dueOn'>[];
    challenges: readonly Pick<Challenge, 'outcome'>[];
    respondBy: string | undefined;
  },
  today: string,
): AccountabilityFigures {
  const responseOf = new Map(record.responses.map((r) => [r.recommendationId, r]));
  const sent = record.recommendations.filter((r) => r.sentAt !== null);
  const days: number[] = [];
  for (const recommendation of sent) {
    const response = responseOf.get(recommendation.id);
    if (recommendation.sentAt !== null && response?.publishedAt)
      days.push(daysBetween(recommendation.sentAt, response.publishedAt));
  }
  return {
    sent: sent.length,
    answered: days.length,
    answeredPercent: sent.length === 0 ? null : Math.round((days.length / sent.length) * 100),
    overdueAnswers: sent.filter((r) =>
      responseOverdue(r, responseOf.get(r.id), record.respondBy, today),
    ).length,
    medianDaysToAnswer: median(days),
    actions: rollUp(record.actions, today),
    challengesRaised: record.challenges.length,
    challengesAnswered: record.challenges.filter((c) => c.outcome !== null).length,
    challengesUpheld: record.challenges.filter((c) => c.outcome === 'upheld').length,
  };
}

/** Working days the decision maker has to revise an answer after upholding a challenge. */
export const REVISION_WORKING_DAYS = 20;

/**
 * The day a revised answer is due: the commitment's respond-by day, or 20 working days after the
 * challenge was upheld when that is later (a challenge upheld late still leaves time to answer).
 */
export function revisionDueOn(upheldAt: string, respondBy: string | undefined): string {
  const afterChallenge = ukDay(addWorkingDays(new Date(upheldAt), REVISION_WORKING_DAYS));
  return respondBy !== undefined && respondBy > afterChallenge ? respondBy : afterChallenge;
}

/** An upheld challenge whose revised answer is still not published after its due day. */
export function revisionOverdue(
  challenge: Pick<Challenge, 'outcome' | 'repliedAt'>,
  revision: Pick<Revision, 'state'> | undefined,
  respondBy: string | undefined,
  today: string,
): boolean {
  if (challenge.outcome !== 'upheld' || challenge.repliedAt === null || isPublished(revision))
    return false;
  return today > revisionDueOn(challenge.repliedAt, respondBy);
}

/**
 * What each step needs of the engagement's phase. Recommendations are sent once listening is
 * over (synthesis or response); the council answers from the response phase; "You said, we did"
 * is published in response or feedback; and once closed, the record is only read.
 */
const PHASES_FOR = {
  change: ['draft', 'listening', 'synthesis', 'response', 'feedback'],
  send: ['synthesis', 'response'],
  answer: ['response', 'feedback'],
  publish: ['response', 'feedback'],
} as const satisfies Record<string, readonly Phase[]>;
export type PhaseStep = keyof typeof PHASES_FOR;

export const phaseAllows = (step: PhaseStep, phase: Phase): boolean =>
  (PHASES_FOR[step] as readonly Phase[]).includes(phase);
