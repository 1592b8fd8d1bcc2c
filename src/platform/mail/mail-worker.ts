import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { type MailLogger, sendDueMessages } from './mail-sender.ts';
import { createMailTransport } from './mail-transport.ts';

export interface MailWorker {
  /** Stops polling, waits for a round in progress to finish, and closes the connection. */
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  db: Db;
  /** Undefined when SMTP_URL is not set: then nothing is sent and messages wait in the outbox. */
  mail: MailConfig | undefined;
  clock: Clock;
  logger: MailLogger;
  everyMs?: number;
  /** A transport to use instead of one made from mail.smtpUrl. */
  transport?: Transporter;
}

/**
 * Works through the outbox every few seconds. Each round runs to its end before the next is
 * timed, so rounds never overlap; several processes may each run one (see sendDueMessages).
 */
export function startMailWorker({
  db,
  mail,
  clock,
  logger,
  everyMs = 5_000,
  transport,
}: MailWorkerOptions): MailWorker {
  if (mail === undefined) {
    logger.warn('email is off (SMTP_URL is not set): messages wait in the outbox until it is');
    return { stop: () => Promise.resolve() };
  }
  const smtp = transport ?? createMailTransport(mail.smtpUrl);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const runRound = async (): Promise<void> => {
    try {
      const report = await sendDueMessages({ db, transport: smtp, from: mail.from, clock, logger });
      if (report.sent + report.retrying + report.givenUp + report.reclaimed > 0) {
        logger.info({ ...report }, 'mail round');
      }
    } catch (error) {
      // The database may be away for a moment; the outbox is still there next round.
      logger.error({ err: error }, 'mail round failed');
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().then(schedule);
    }, everyMs);
    // The worker alone never keeps the process alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      smtp.close();
    },
  };
}
