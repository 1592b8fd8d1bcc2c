import { DEFAULT_MAIL_FROM, type MailConfig, type NotifyConfig } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { type MailLogger, sendDueMessages } from './mail-sender.ts';
import { type MailTransport, createMailTransport } from './mail-transport.ts';
import { createNotifyTransport } from './notify-transport.ts';

export interface MailWorker {
  /** Stops polling, waits for a round in progress to finish, and closes the connection. */
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  db: Db;
  /** Undefined when SMTP_URL is not set: then nothing is sent and messages wait in the outbox. */
  mail: MailConfig | undefined;
  /** When set, messages go through GOV.UK Notify instead of SMTP. */
  notify?: NotifyConfig | undefined;
  clock: Clock;
  logger: MailLogger;
  everyMs?: number;
  /** A transport to use instead of one made from notify or mail.smtpUrl. */
  transport?: MailTransport;
}

/**
 * Works through the outbox every few seconds. Each round runs to its end before the next is
 * timed, so rounds never overlap; several processes may each run one (see sendDueMessages).
 */
export function startMailWorker({
  db,
  mail,
  notify,
  clock,
  logger,
  everyMs = 5_000,
  transport,
}: MailWorkerOptions): MailWorker {
  // GOV.UK Notify, when its key is set, takes the place of SMTP.
  const smtp =
    transport ??
    (notify !== undefined
      ? createNotifyTransport(notify, { now: clock })
      : mail !== undefined
        ? createMailTransport(mail.smtpUrl)
        : undefined);
  if (smtp === undefined || (mail === undefined && notify === undefined)) {
    logger.warn('email is off (SMTP_URL is not set): messages wait in the outbox until it is');
    return { stop: () => Promise.resolve() };
  }
  const from = mail?.from ?? DEFAULT_MAIL_FROM;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const runRound = async (): Promise<void> => {
    try {
      const report = await sendDueMessages({ db, transport: smtp, from, clock, logger });
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
