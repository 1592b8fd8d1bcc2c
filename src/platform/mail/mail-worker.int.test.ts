import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { systemClock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { loggerOptions } from '../logging/logger.ts';
import { startMailWorker } from './mail-worker.ts';
import { queueMessage } from './outbox.ts';
import { type TestSmtpServer, startTestSmtpServer } from './test-smtp-server.ts';

const FROM = 'Heard <no-reply@heard.example>';

describe.each(testDatabases)('the mail worker on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let db: Db;
  let drop: () => Promise<void>;
  let smtp: TestSmtpServer;
  const lines: string[] = [];
  const logger = pino(loggerOptions('info'), { write: (line: string) => lines.push(line) });

  const queueOne = () =>
    queueMessage(
      db,
      {
        kind: 'safeguarding_flag',
        dedupeKey: 'safeguarding_flag:voice-1:lead',
        to: 'lead@advocacy.example',
        subject: 'A voice needs your review',
        body: 'Please review it in Heard.',
        link: 'https://heard.example/voices/voice-1',
      },
      systemClock().toISOString(),
    );
  const stateOfMessage = async () =>
    (await db.selectFrom('messages').select('state').executeTakeFirstOrThrow()).state;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await database.open());
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    if (skip) return;
    await smtp.close();
    await drop();
  });
  beforeEach(async () => {
    if (skip) return;
    lines.length = 0;
    smtp.received.length = 0;
    await db.deleteFrom('messages').execute();
  });

  it.skipIf(skip)('sends what is queued, without being asked, until stopped', async () => {
    await queueOne();
    const worker = startMailWorker({
      db,
      mail: { smtpUrl: smtp.url, from: FROM },
      clock: systemClock,
      logger,
      everyMs: 10,
    });
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 10_000 });
    await worker.stop();

    expect(await stateOfMessage()).toBe('sent');
    expect(lines.join('')).toContain('mail sent');
  });

  it.skipIf(skip)(
    'without SMTP_URL sends nothing, keeps the message queued, and says so',
    async () => {
      await queueOne();
      const worker = startMailWorker({
        db,
        mail: undefined,
        clock: systemClock,
        logger,
        everyMs: 10,
      });
      // Many rounds' worth of time: a worker that did poll would have tried by now.
      await sleep(200);
      await worker.stop();

      expect(await stateOfMessage()).toBe('queued');
      expect(lines.join('')).toContain('SMTP_URL is not set');
    },
  );
});
