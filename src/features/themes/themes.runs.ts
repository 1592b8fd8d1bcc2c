// A draft or mapping of themes running in the background, kept in the database (theme_runs) so
// that every Heard process shows the same progress and failure, and an engagement has one run at
// a time whichever process started it. The process doing the work sends a heartbeat; a run whose
// heartbeat stops (its process ended) is shown as stopped, and another may start.
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { newId } from '../../platform/db/ids.ts';
import type { PromptScope } from './themes.repository.ts';

/** How often a running run says it is still there. */
export const HEARTBEAT_MS = 5_000;
/** A run silent this long is taken to have stopped with its process. */
export const STOPPED_AFTER_MS = 60_000;

export interface ThemeRunProgress {
  /** The scope being drafted or mapped: one question, or null for the whole engagement. */
  promptId: PromptScope;
  stage: string;
  done: number;
  total: number;
  startedAt: string;
}

/** How the scope's last run ended, when it did not save its snapshot. */
export type RunFailure = { kind: 'failed'; message: string } | { kind: 'stopped' };

const silentSince = (clock: Clock): string =>
  new Date(clock().getTime() - STOPPED_AFTER_MS).toISOString();

/** A run's end when its process stopped (or stops) before it finished. */
const stoppedNow = (clock: Clock) =>
  ({ running_for: null, finished_at: clock().toISOString(), outcome: 'stopped' }) as const;

/**
 * Records a new run of the scope unless the engagement has one running (in any process), in which
 * case it returns undefined. A run whose heartbeat has stopped is marked stopped first.
 */
export async function startRun(
  db: Db,
  clock: Clock,
  run: { engagementId: string; promptId: PromptScope; startedById: string },
): Promise<string | undefined> {
  await db
    .updateTable('theme_runs')
    .set(stoppedNow(clock))
    .where('running_for', '=', run.engagementId)
    .where('heartbeat_at', '<', silentSince(clock))
    .execute();
  const now = clock().toISOString();
  const id = newId();
  try {
    await db
      .insertInto('theme_runs')
      .values({
        id,
        engagement_id: run.engagementId,
        prompt_id: run.promptId,
        started_by_id: run.startedById,
        started_at: now,
        stage: 'waiting',
        done: 0,
        total: 0,
        heartbeat_at: now,
        outcome: 'running',
        finished_at: null,
        failure: null,
        running_for: run.engagementId,
      })
      .execute();
  } catch (error) {
    // Another request or process started one first.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
  return id;
}

/** The run's stage and count so far, which is also its heartbeat. */
export async function reportRun(
  db: Db,
  clock: Clock,
  id: string,
  progress: { stage: string; done: number; total: number },
): Promise<void> {
  await db
    .updateTable('theme_runs')
    .set({ ...progress, heartbeat_at: clock().toISOString() })
    .where('id', '=', id)
    .where('outcome', '=', 'running')
    .execute();
}

/** Ends the run: its snapshot saved (no failure) or the message of what went wrong. */
export async function finishRun(db: Db, clock: Clock, id: string, failure?: string): Promise<void> {
  await db
    .updateTable('theme_runs')
    .set({
      running_for: null,
      finished_at: clock().toISOString(),
      outcome: failure === undefined ? 'saved' : 'failed',
      failure: failure ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks the runs stopped (their process is closing), those still running. */
export async function stopRuns(db: Db, clock: Clock, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('theme_runs')
    .set(stoppedNow(clock))
    .where('id', 'in', ids)
    .where('outcome', '=', 'running')
    .execute();
}

/** The engagement's run in progress (any scope), if one is running and its heartbeat is recent. */
export async function runningRun(
  db: Db,
  clock: Clock,
  engagementId: string,
): Promise<ThemeRunProgress | undefined> {
  const row = await db
    .selectFrom('theme_runs')
    .select(['prompt_id', 'stage', 'done', 'total', 'started_at'])
    .where('running_for', '=', engagementId)
    .where('heartbeat_at', '>=', silentSince(clock))
    .executeTakeFirst();
  return (
    row && {
      promptId: row.prompt_id,
      stage: row.stage,
      done: row.done,
      total: row.total,
      startedAt: row.started_at,
    }
  );
}

/** How the scope's newest run ended, if it failed or stopped (until the next one starts). */
export async function lastRunFailure(
  db: Db,
  clock: Clock,
  engagementId: string,
  promptId: PromptScope,
): Promise<RunFailure | undefined> {
  const row = await db
    .selectFrom('theme_runs')
    .select(['outcome', 'failure', 'heartbeat_at'])
    .where('engagement_id', '=', engagementId)
    .where((eb) =>
      promptId === null ? eb('prompt_id', 'is', null) : eb('prompt_id', '=', promptId),
    )
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.outcome === 'failed') return { kind: 'failed', message: row.failure ?? '' };
  const silent = row.outcome === 'running' && row.heartbeat_at < silentSince(clock);
  return row.outcome === 'stopped' || silent ? { kind: 'stopped' } : undefined;
}

/** How often, at most, a run's changing count is written. */
const WRITE_EVERY_MS = 1_000;

/**
 * Writes a run's progress as it comes: at once when the stage changes, its count at most once a
 * second, and a heartbeat every HEARTBEAT_MS while nothing changes. One write at a time, in order;
 * a write that fails is left for the next (if none succeed, the run shows as stopped).
 */
export function progressWriter(
  db: Db,
  clock: Clock,
  id: string,
): { report: (stage: string, done: number, total: number) => void; stop: () => Promise<void> } {
  let latest = { stage: 'waiting', done: 0, total: 0 };
  let changed = false;
  let lastWrite = Date.now();
  let writing = Promise.resolve();
  const write = (): void => {
    const progress = latest;
    changed = false;
    lastWrite = Date.now();
    writing = writing.then(() => reportRun(db, clock, id, progress)).catch(() => undefined);
  };
  const timer = setInterval(() => {
    if (changed || Date.now() - lastWrite >= HEARTBEAT_MS) write();
  }, WRITE_EVERY_MS);
  timer.unref();
  return {
    report(stage, done, total) {
      const newStage = stage !== latest.stage;
      latest = { stage, done, total };
      changed = true;
      if (newStage) write();
    },
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}
