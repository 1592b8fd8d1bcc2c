import type { Transporter } from 'nodemailer';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { loggerOptions } from '../logging/logger.ts';
import { type SendReport, messageIdFor, sendDueMessages } from './mail-sender.ts';
import { DEFAULT_TIMEOUTS, createMailTransport } from './mail-transport.ts';
import { type NewMessage, listUndelivered, queueMessage } from './outbox.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MINUTES } from './retry-policy.ts';
import { type TestSmtpServer, refusingSmtpUrl, startTestSmtpServer } from './test-smtp-server.ts';

const FROM = 'Heard <no-reply@heard.example>';
const START = new Date('2026-11-26T09:00:00.000Z');

// Waits a real server keeps well within; the small ones are for servers that never answer.
const PATIENT = DEFAULT_TIMEOUTS;
const IMPATIENT = { connectionTimeout: 1_000, greetingTimeout: 250, socketTimeout: 250 };

function notice(n: number, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    kind: 'safeguarding_flag',
    dedupeKey: `safeguarding_flag:voice-${n}:lead`,
    to: `lead${n}@advocacy.example`,
    subject: `A voice needs your review (${n})`,
    body: 'A voice in Northshire care review may need safeguarding. Please review it in Heard.',
    link: `https://heard.example/voices/voice-${n}`,
    ...overrides,
  };
}

describe.each(testDatabases)('sendDueMessages on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let db: Db;
  let drop: () => Promise<void>;
  let smtp: TestSmtpServer;
  let now: Date;
  const clock: Clock = () => new Date(now);
  const transports: Transporter[] = [];

  function transportTo(url: string, timeouts = PATIENT): Transporter {
    const transport = createMailTransport(url, timeouts);
    transports.push(transport);
    return transport;
  }
  const send = (transport: Transporter): Promise<SendReport> =>
    sendDueMessages({ db, transport, from: FROM, clock });
  const advanceMinutes = (minutes: number): void => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const row = (dedupeKey: string) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();

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
    now = START;
    smtp.received.length = 0;
    smtp.mood = 'accept';
    smtp.refuse.clear();
    await db.deleteFrom('messages').execute();
  });
  afterEach(() => {
    for (const transport of transports.splice(0)) transport.close();
  });

  it.skipIf(skip)('sends a queued message with its subject, body and link, once', async () => {
    const message = notice(1);
    expect(await queueMessage(db, message, now.toISOString())).toBe(true);
    const transport = transportTo(smtp.url);

    expect(await send(transport)).toEqual({ sent: 1, retrying: 0, givenUp: 0, reclaimed: 0 });
    expect(await send(transport)).toEqual({ sent: 0, retrying: 0, givenUp: 0, reclaimed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    const saved = await row(message.dedupeKey);
    expect(mail?.to).toEqual([message.to]);
    expect(mail?.subject).toBe(message.subject);
    expect(mail?.text).toContain(message.body);
    expect(mail?.text).toContain(message.link);
    expect(mail?.messageId).toBe(messageIdFor(saved.id, FROM));
    expect(mail?.messageId).toMatch(/@heard\.example>$/);
    expect(mail?.autoSubmitted).toBe('auto-generated');
    expect(saved).toMatchObject({
      state: 'sent',
      attempts: 1,
      sent_at: now.toISOString(),
      last_error: null,
      claimed_at: null,
    });
  });

  it.skipIf(skip)('queues the same notice only once, however often it is asked for', async () => {
    const message = notice(2);
    expect(await queueMessage(db, message, now.toISOString())).toBe(true);
    expect(await queueMessage(db, { ...message, subject: 'again' }, now.toISOString())).toBe(false);
    await send(transportTo(smtp.url));
    // Even once the first is sent, asking again adds nothing.
    expect(await queueMessage(db, message, now.toISOString())).toBe(false);

    const rows = await db.selectFrom('messages').select(['subject', 'state']).execute();
    expect(rows).toEqual([{ subject: message.subject, state: 'sent' }]);
    expect(smtp.received).toHaveLength(1);
  });

  it.skipIf(skip)("is saved with the caller's change or not at all", async () => {
    const kept = notice(3);
    const lost = notice(4);
    await db.transaction().execute((trx) => queueMessage(trx, kept, now.toISOString()));
    await expect(
      db.transaction().execute(async (trx) => {
        await queueMessage(trx, lost, now.toISOString());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A duplicate inside a transaction leaves the transaction usable (PostgreSQL aborts on errors).
    await db.transaction().execute(async (trx) => {
      expect(await queueMessage(trx, kept, now.toISOString())).toBe(false);
      expect(await queueMessage(trx, notice(5), now.toISOString())).toBe(true);
    });

    const keys = await db
      .selectFrom('messages')
      .select('dedupe_key')
      .orderBy('dedupe_key')
      .execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([kept.dedupeKey, notice(5).dedupeKey]);
  });

  it.skipIf(skip)(
    'when the server is down, retries with longer and longer waits, then gives up',
    async () => {
      const message = notice(6);
      await queueMessage(db, message, now.toISOString());
      const transport = transportTo(await refusingSmtpUrl());

      for (const [i, minutes] of RETRY_DELAYS_MINUTES.entries()) {
        expect(await send(transport)).toMatchObject({ sent: 0, retrying: 1 });
        const failed = await row(message.dedupeKey);
        expect(failed).toMatchObject({ state: 'failed', attempts: i + 1 });
        expect(failed.last_error).toContain('ECONNREFUSED');
        expect(failed.next_attempt_at).toBe(
          new Date(now.getTime() + minutes * 60_000).toISOString(),
        );

        // Not due yet: no try is made early.
        advanceMinutes(minutes - 0.5);
        expect(await send(transport)).toMatchObject({ retrying: 0, givenUp: 0 });
        expect((await row(message.dedupeKey)).attempts).toBe(i + 1);
        advanceMinutes(0.5);
      }
      expect(await send(transport)).toMatchObject({ retrying: 0, givenUp: 1 });
      expect(await row(message.dedupeKey)).toMatchObject({
        state: 'given_up',
        attempts: MAX_ATTEMPTS,
      });

      // Given up is final: shown to staff, never tried again.
      advanceMinutes(24 * 60);
      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 0 });
      const undelivered = await listUndelivered(db);
      expect(undelivered.map((m) => [m.dedupe_key, m.state])).toEqual([
        [message.dedupeKey, 'given_up'],
      ]);
    },
  );

  it.skipIf(skip)(
    "when the server is down, spends one message's try a round, not every one's",
    async () => {
      const messages = [22, 23, 24].map((n) => notice(n));
      for (const m of messages) await queueMessage(db, m, now.toISOString());
      const transport = transportTo(await refusingSmtpUrl());

      expect(await send(transport)).toMatchObject({ retrying: 1 });
      const rows = await db.selectFrom('messages').select(['state', 'attempts']).execute();
      expect(rows.filter((r) => r.state === 'failed' && r.attempts === 1)).toHaveLength(1);
      expect(rows.filter((r) => r.state === 'queued' && r.attempts === 0)).toHaveLength(2);

      // The next round tries one that has waited, while the first waits its turn.
      expect(await send(transport)).toMatchObject({ retrying: 1 });
      const after = await db.selectFrom('messages').select('attempts').execute();
      expect(after.map((r) => r.attempts).sort()).toEqual([0, 1, 1]);
    },
  );

  it.skipIf(skip)(
    'sends a message that failed once the server is back: nothing is dropped',
    async () => {
      const message = notice(7);
      await queueMessage(db, message, now.toISOString());
      smtp.refuse.set(message.to, { code: 451, words: '4.3.0 Try again later' });
      const transport = transportTo(smtp.url);

      expect(await send(transport)).toMatchObject({ retrying: 1 });
      expect((await row(message.dedupeKey)).last_error).toContain('451');
      expect(await listUndelivered(db)).toHaveLength(1);

      smtp.refuse.clear();
      advanceMinutes(RETRY_DELAYS_MINUTES[0] ?? 0);
      expect(await send(transport)).toMatchObject({ sent: 1 });
      expect(await row(message.dedupeKey)).toMatchObject({
        state: 'sent',
        attempts: 2,
        last_error: null,
      });
      expect(smtp.received).toHaveLength(1);
      expect(await listUndelivered(db)).toHaveLength(0);
    },
  );

  it.skipIf(skip)(
    'gives up at once when the server refuses the recipient for good, and says why',
    async () => {
      const message = notice(8, { to: 'nobody@advocacy.example' });
      await queueMessage(db, message, now.toISOString());
      smtp.refuse.set(message.to, {
        code: 550,
        words: '5.1.1 <nobody@advocacy.example>: Recipient address rejected: User unknown',
      });

      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 0, givenUp: 1 });
      const saved = await row(message.dedupeKey);
      expect(saved).toMatchObject({ state: 'given_up', attempts: 1 });
      expect(saved.last_error).toContain('550');
      expect(saved.last_error).toContain('User unknown');
      expect(saved.last_error).not.toContain('nobody@');
      expect(smtp.received).toHaveLength(0);
      expect(
        (await listUndelivered(db, { kinds: ['safeguarding_flag'] })).map((m) => m.id),
      ).toEqual([saved.id]);
      expect(await listUndelivered(db, { kinds: ['you_said_we_did'] })).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'records a server that never says hello as a timeout, and sends once it answers',
    async () => {
      const message = notice(9);
      await queueMessage(db, message, now.toISOString());
      smtp.mood = 'silent';

      expect(await send(transportTo(smtp.url, IMPATIENT))).toMatchObject({ retrying: 1 });
      const failed = await row(message.dedupeKey);
      expect(failed.state).toBe('failed');
      expect(failed.last_error).toMatch(/^ETIMEDOUT /);
      expect(smtp.received).toHaveLength(0);

      smtp.mood = 'accept';
      advanceMinutes(RETRY_DELAYS_MINUTES[0] ?? 0);
      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 1 });
      expect(smtp.received).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    'when a slow server took the message but answered too late, the retry is the same message',
    async () => {
      const message = notice(10);
      await queueMessage(db, message, now.toISOString());
      smtp.mood = 'answerLate';

      expect(await send(transportTo(smtp.url, IMPATIENT))).toMatchObject({ retrying: 1 });
      expect((await row(message.dedupeKey)).last_error).toMatch(/^ETIMEDOUT SOCKET_TIMEOUT/);
      // It did arrive; Heard could not know. No second try before the wait is over.
      expect(smtp.received).toHaveLength(1);
      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 0, retrying: 0 });

      smtp.mood = 'accept';
      advanceMinutes(RETRY_DELAYS_MINUTES[0] ?? 0);
      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 1 });
      // At least once: two copies, one Message-ID, so a mail client shows one message.
      expect(smtp.received).toHaveLength(2);
      const ids = new Set(smtp.received.map((m) => m.messageId));
      expect([...ids]).toEqual([messageIdFor((await row(message.dedupeKey)).id, FROM)]);
    },
  );

  it.skipIf(skip)('never sends a message twice when two senders run at once', async () => {
    const messages = [11, 12, 13, 14, 15, 16].map((n) => notice(n));
    for (const m of messages) await queueMessage(db, m, now.toISOString());

    const reports = await Promise.all([
      send(transportTo(smtp.url)),
      send(transportTo(smtp.url)),
      send(transportTo(smtp.url)),
    ]);

    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(messages.length);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(messages.map((m) => m.to).sort());
    const states = await db.selectFrom('messages').select(['state', 'attempts']).execute();
    expect(states.every((s) => s.state === 'sent' && s.attempts === 1)).toBe(true);
  });

  it.skipIf(skip)(
    'takes back a message whose sender died mid-send, and leaves a live sender alone',
    async () => {
      const orphan = notice(17);
      const busy = notice(18);
      const spent = notice(19);
      for (const m of [orphan, busy, spent]) await queueMessage(db, m, now.toISOString());
      const claimed = (minutesAgo: number, attempts: number) => ({
        state: 'sending',
        attempts,
        claimed_at: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
      });
      await db
        .updateTable('messages')
        .set(claimed(16, 1))
        .where('dedupe_key', '=', orphan.dedupeKey)
        .execute();
      await db
        .updateTable('messages')
        .set(claimed(1, 1))
        .where('dedupe_key', '=', busy.dedupeKey)
        .execute();
      await db
        .updateTable('messages')
        .set(claimed(60, MAX_ATTEMPTS))
        .where('dedupe_key', '=', spent.dedupeKey)
        .execute();

      expect(await send(transportTo(smtp.url))).toMatchObject({ sent: 1, reclaimed: 2 });
      expect(await row(orphan.dedupeKey)).toMatchObject({ state: 'sent', attempts: 2 });
      expect(await row(busy.dedupeKey)).toMatchObject({ state: 'sending', attempts: 1 });
      const given = await row(spent.dedupeKey);
      expect(given.state).toBe('given_up');
      expect(given.last_error).toMatch(/^INTERRUPTED/);
      expect(smtp.received.map((m) => m.to)).toEqual([[orphan.to]]);
    },
  );

  it.skipIf(skip)(
    'logs message ids and outcomes, never an address, subject, body or link',
    async () => {
      const lines: string[] = [];
      const logger = pino(loggerOptions('info'), { write: (line: string) => lines.push(line) });
      const good = notice(20);
      const refused = notice(21, { to: 'gone@advocacy.example' });
      await queueMessage(db, good, now.toISOString());
      await queueMessage(db, refused, now.toISOString());
      smtp.refuse.set(refused.to, { code: 550, words: `5.1.1 <${refused.to}> User unknown` });

      await sendDueMessages({ db, transport: transportTo(smtp.url), from: FROM, clock, logger });
      const logged = lines.join('');
      expect(logged).toContain((await row(good.dedupeKey)).id);
      expect(logged).toContain((await row(refused.dedupeKey)).id);
      for (const m of [good, refused]) {
        for (const secret of [m.to, m.subject, m.body, m.link ?? ''])
          expect(logged).not.toContain(secret);
      }
    },
  );
});
