import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { computeOpinionMap } from './opinion.compute.ts';
import {
  engagementsWithVotesAfter,
  insertSnapshot,
  latestSnapshot,
  latestSnapshotHeader,
  readOpinionInput,
  voteWatermark,
} from './opinion.repository.ts';
import type { OpinionResult } from './opinion.result.ts';

/** A freshly computed map and what it was computed from, not yet saved. */
export interface ComputedMap {
  votes: number;
  participants: number;
  lastVoteAt: string | null;
  result: OpinionResult;
}

/**
 * Reads an engagement's votes and computes its map. Needs only a database, so it runs as well
 * in a worker thread with a connection of its own as in the serving process.
 */
export async function computeFromVotes(db: Db, engagementId: string): Promise<ComputedMap> {
  // Read before the votes: a vote landing in between is in the map but newer than this, so
  // it costs one extra recompute rather than being missed.
  const { newest } = await voteWatermark(db, engagementId);
  const previous = await latestSnapshot(db, engagementId);
  const grouped = new Set(previous?.result.groups.flatMap((group) => group.members) ?? []);
  const input = await readOpinionInput(db, engagementId, grouped);
  return {
    votes: input.votes.length,
    participants: input.perspectives.size,
    lastVoteAt: newest,
    result: computeOpinionMap(input),
  };
}

/**
 * Saves the map as the engagement's next version. Returns that version, or undefined when
 * another server saved the same version first (its map is just as new).
 */
export async function saveSnapshot(
  db: Db,
  clock: Clock,
  engagementId: string,
  computed: ComputedMap,
): Promise<number | undefined> {
  const version = ((await latestSnapshotHeader(db, engagementId))?.version ?? 0) + 1;
  try {
    await insertSnapshot(db, {
      engagementId,
      version,
      ...computed,
      computedAt: clock().toISOString(),
    });
    return version;
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export interface RecomputeOptions {
  /** Recompute an engagement at most this often, however fast votes arrive. */
  minIntervalMs: number;
  /** How an engagement's map is computed: in this thread, or in a worker thread. */
  compute: (engagementId: string) => Promise<ComputedMap>;
}

/**
 * Which engagements need a new map, kept between polls. Only an optimisation: a new poller
 * starts from nothing and finds the same engagements by reading every vote once.
 */
export interface RecomputeState {
  /** The newest vote seen so far; null before the first poll. */
  newestSeen: string | null;
  /** Engagements with votes newer than their snapshot, and the newest such vote. */
  pending: Map<string, string>;
  /** Engagements whose recompute failed, and when to try again (ms since 1970). */
  retryAfter: Map<string, number>;
}

export const freshRecomputeState = (): RecomputeState => ({
  newestSeen: null,
  pending: new Map(),
  retryAfter: new Map(),
});

// A vote's time is taken just before it is saved, so one saved during a poll may carry a time
// a little before the newest the poll saw. Each poll looks this far back again to catch it.
const LOOK_BACK_MS = 10_000;
const RETRY_AFTER_MS = 60_000;

export interface RecomputeRound {
  saved: { engagementId: string; version: number }[];
  failed: { engagementId: string; error: unknown }[];
}

/**
 * One poll: finds engagements whose newest vote is newer than their newest snapshot, and saves
 * a new snapshot for each whose last one is at least minIntervalMs old. The others wait for a
 * later poll.
 */
export async function recomputeDueMaps(
  db: Db,
  clock: Clock,
  state: RecomputeState,
  { minIntervalMs, compute }: RecomputeOptions,
): Promise<RecomputeRound> {
  const after =
    state.newestSeen === null
      ? null
      : new Date(Date.parse(state.newestSeen) - LOOK_BACK_MS).toISOString();
  for (const { engagementId, newest } of await engagementsWithVotesAfter(db, after)) {
    const known = state.pending.get(engagementId);
    if (known === undefined || newest > known) state.pending.set(engagementId, newest);
    if (state.newestSeen === null || newest > state.newestSeen) state.newestSeen = newest;
  }

  const round: RecomputeRound = { saved: [], failed: [] };
  const now = clock().getTime();
  for (const [engagementId, newest] of state.pending) {
    const header = await latestSnapshotHeader(db, engagementId);
    if (header?.lastVoteAt != null && header.lastVoteAt >= newest) {
      state.pending.delete(engagementId);
      continue;
    }
    if (header !== undefined && now - Date.parse(header.computedAt) < minIntervalMs) continue;
    if ((state.retryAfter.get(engagementId) ?? 0) > now) continue;
    try {
      const version = await saveSnapshot(db, clock, engagementId, await compute(engagementId));
      state.pending.delete(engagementId);
      state.retryAfter.delete(engagementId);
      if (version !== undefined) round.saved.push({ engagementId, version });
    } catch (error) {
      state.retryAfter.set(engagementId, now + RETRY_AFTER_MS);
      round.failed.push({ engagementId, error });
    }
  }
  return round;
}
