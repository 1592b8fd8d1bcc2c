import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../../config.ts';
import type { Deps } from '../../platform/deps.ts';
import type { ComputeReply } from './opinion-thread.ts';
import {
  type ComputedMap,
  computeFromVotes,
  freshRecomputeState,
  recomputeDueMaps,
} from './opinion.recompute.ts';

interface WorkerLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OpinionWorker {
  /** Stops polling, waits for a recompute in progress, and ends the thread. */
  stop(): Promise<void>;
}

export interface OpinionWorkerOptions {
  /** How often to look for new votes. */
  pollEveryMs?: number;
  /** The least time between two snapshots of one engagement. */
  minIntervalMs?: number;
  /** Run the maths in a worker thread (the default wherever the thread can open the database). */
  inThread?: boolean;
}

interface MapComputer {
  compute(engagementId: string): Promise<ComputedMap>;
  close(): Promise<void>;
}

// The thread runs TypeScript as the serving process does: through tsx, registered first.
const THREAD_ENTRY = `
  import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./opinion-thread.ts', import.meta.url).href)}); });
`;

/** One long-lived worker thread with its own database connection, started when first needed. */
function threadComputer(database: DatabaseConfig): MapComputer {
  let thread: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve: (m: ComputedMap) => void; reject: (e: Error) => void }
  >();

  const failAll = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    thread = undefined;
  };
  const start = (): Worker => {
    const started = new Worker(THREAD_ENTRY, { eval: true, workerData: { database } });
    started.on('message', (reply: ComputeReply) => {
      const caller = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.ok) caller?.resolve(reply.computed);
      else caller?.reject(new Error(reply.message));
    });
    started.on('error', failAll);
    started.on('exit', (code) => failAll(new Error(`opinion thread stopped (exit code ${code})`)));
    // The thread alone never keeps the process alive.
    started.unref();
    return started;
  };

  return {
    compute(engagementId) {
      thread ??= start();
      const id = ++nextId;
      const running = thread;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running.postMessage({ id, engagementId });
      });
    },
    async close() {
      const running = thread;
      thread = undefined;
      await running?.terminate();
    },
  };
}

/**
 * Keeps every engagement's opinion map up to date, in the serving process: every couple of
 * seconds it looks for votes newer than the engagement's newest snapshot, and saves a new
 * snapshot at most once every few seconds per engagement. Votes are never held up by it: the
 * maths runs in a worker thread, and pages only read snapshots.
 */
export function startOpinionWorker(
  deps: Deps,
  logger: WorkerLogger,
  { pollEveryMs = 2_000, minIntervalMs = 5_000, inThread }: OpinionWorkerOptions = {},
): OpinionWorker {
  const { database } = deps.config;
  // An in-memory SQLite database is seen only by its own connection.
  const threadCanOpen = database.dialect === 'postgres' || database.filename !== ':memory:';
  const computer: MapComputer =
    (inThread ?? threadCanOpen)
      ? threadComputer(database)
      : {
          compute: (engagementId) => computeFromVotes(deps.db, engagementId),
          close: () => Promise.resolve(),
        };
  const state = freshRecomputeState();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const runRound = async (): Promise<void> => {
    try {
      const { saved, failed } = await recomputeDueMaps(deps.db, deps.clock, state, {
        minIntervalMs,
        compute: (engagementId) => computer.compute(engagementId),
      });
      for (const snapshot of saved) logger.info(snapshot, 'opinion map recomputed');
      for (const { engagementId, error } of failed)
        logger.error({ err: error, engagementId }, 'opinion map recompute failed');
    } catch (error) {
      // The database may be away for a moment; the votes are still there next round.
      logger.error({ err: error }, 'opinion map round failed');
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().then(schedule);
    }, pollEveryMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      await computer.close();
    },
  };
}
