import type { Deps } from '../../platform/deps.ts';
import { retrainConcernModel } from './concern-model.ts';
import { escalateOverdueFlags } from './sorting.escalation.ts';

interface WorkerLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SortingWorker {
  /** Stops the timers and waits for a job in progress to finish. */
  stop(): Promise<void>;
}

export interface SortingWorkerOptions {
  escalateEveryMs?: number;
  retrainEveryMs?: number;
}

/**
 * The background jobs of sorting, in the serving process: every minute, escalate safeguarding
 * flags left unreviewed for a working day; every hour, retrain the individual-concern model on
 * the decisions advocates have recorded. A failed job is logged and tried again next time; no
 * job ever touches a flag or a person's decision.
 */
export function startSortingWorker(
  deps: Deps,
  logger: WorkerLogger,
  { escalateEveryMs = 60_000, retrainEveryMs = 3_600_000 }: SortingWorkerOptions = {},
): SortingWorker {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const every = (ms: number, name: string, job: () => Promise<void>): void => {
    const run = (): void => {
      const done = job()
        .catch((error: unknown) => {
          logger.error({ err: error, job: name }, 'sorting job failed');
        })
        .finally(() => {
          running.delete(done);
          if (stopped) return;
          const timer = setTimeout(() => {
            timers.delete(timer);
            run();
          }, ms);
          timers.add(timer);
        });
      running.add(done);
    };
    run();
  };

  every(escalateEveryMs, 'escalate', async () => {
    const escalated = await escalateOverdueFlags(deps);
    if (escalated.length > 0) logger.info({ escalated: escalated.length }, 'flags escalated');
  });
  every(retrainEveryMs, 'retrain', async () => {
    const version = await retrainConcernModel(deps);
    if (version !== undefined) logger.info({ version }, 'individual-concern model retrained');
  });

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
