import type { Perspective } from '../engagements/index.ts';

export const STATEMENT_STATES = ['approved', 'pending', 'rejected'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];

/** Short enough to read in one go and to vote on without a second reading. */
export const STATEMENT_MAX_LENGTH = 500;
export const REJECTION_REASON_MAX_LENGTH = 1000;

/** What a voter presses, and what is stored: 1 agree, -1 disagree, 0 pass (unsure). */
export const VOTES = { agree: 1, disagree: -1, pass: 0 } as const;
export type Vote = keyof typeof VOTES;
export const VOTE_CHOICES = Object.keys(VOTES) as Vote[];

export const isVote = (value: unknown): value is Vote =>
  typeof value === 'string' && Object.hasOwn(VOTES, value);

export interface Statement {
  id: string;
  engagementId: string;
  text: string;
  textEasyRead: string | null;
  state: StatementState;
  isMeta: boolean;
  /** Set when a participant wrote it; staff statements have authorUserId instead. */
  authorParticipantId: string | null;
  authorUserId: string | null;
  rejectionReason: string | null;
  moderatedById: string | null;
  moderatedAt: string | null;
  createdAt: string;
}

/** A person who votes: a participant of the engagement, with the perspective they chose. */
export interface Voter {
  participantId: string;
  engagementId: string;
  perspective: Perspective;
}

/** A statement the person has not voted on yet, with what ranks it. */
export interface Candidate {
  id: string;
  createdAt: string;
  votes: number;
}

/**
 * The next statement to show. With a snapshot's priorities, the highest first; a statement the
 * snapshot does not know is newer than it and has had few votes, so it goes first (as Polis
 * boosts new statements). Without priorities: fewest votes, then oldest. Ties: oldest, then id.
 */
export function chooseNext(
  candidates: readonly Candidate[],
  priority: Readonly<Record<string, number>> | undefined,
): Candidate | undefined {
  const rank = (candidate: Candidate): number => {
    if (priority === undefined) return -candidate.votes;
    const known = priority[candidate.id];
    return known === undefined || !Number.isFinite(known) ? Number.POSITIVE_INFINITY : known;
  };
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const [a, b] = [rank(candidate), rank(best)];
    const before =
      a > b ||
      (a === b &&
        (candidate.createdAt < best.createdAt ||
          (candidate.createdAt === best.createdAt && candidate.id < best.id)));
    if (before) best = candidate;
  }
  return best;
}

/** The words to show: Easy Read where the person chose it and the statement has it. */
export const wordsFor = (statement: Statement, easyRead: boolean): string =>
  easyRead && statement.textEasyRead ? statement.textEasyRead : statement.text;
