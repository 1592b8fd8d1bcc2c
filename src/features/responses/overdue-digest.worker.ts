import type { Deps } from '../../platform/deps.ts';
import type { MailLogger } from '../../platform/mail/mail-sender.ts';
import { queueOverdueDigests } from './overdue-digest.ts';

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** The hour (0–23) it is in the UK at a moment. */
export const ukHour = (at: Date): number => Number(LONDON_HOUR.format(at));

export interface DigestWorker {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

export interface DigestWorkerOptions {
  /** How often to look: the digest's dedupe key keeps it to one a person a day. */
  everyMs?: number;
  /** No digest before this UK hour: nobody is written to in the night. */
  fromHour?: number;
}

/**
 * Queues the daily digest of overdue answers and actions: looks every hour, and from 7 in the
 * morning (UK) queues today's digests; later looks the same day add nothing (see digestKey). The
 * mail worker sends them. Started by `heard serve` only, like the mail worker.
 */
export function startOverdueDigestWorker(
  deps: Deps,
  logger: MailLogger,
  { everyMs = 60 * 60_000, fromHour = 7 }: DigestWorkerOptions = {},
): DigestWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const runRound = async (): Promise<void> => {
    if (ukHour(deps.clock()) < fromHour) return;
    try {
      const queued = await queueOverdueDigests(deps);
      if (queued > 0) logger.info({ queued }, 'overdue digests queued');
    } catch (error) {
      // The database may be away for a moment; the next look makes up for it the same day.
      logger.error({ err: error }, 'overdue digest round failed');
    }
  };
  const schedule = (delay: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().then(() => schedule(everyMs));
    }, delay);
    timer.unref();
  };
  // A first look soon after start, so a restart after 7 does not skip the day.
  schedule(Math.min(everyMs, 10_000));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
