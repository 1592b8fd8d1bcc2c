import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { NotifyConfig } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { messageIdFor, sendDueMessages } from './mail-sender.ts';
import type { MailTransport } from './mail-transport.ts';
import { startMailWorker } from './mail-worker.ts';
import { createNotifyTransport } from './notify-transport.ts';
import { type TestNotifyServer, startTestNotifyServer } from './notify-test-server.ts';
import { type NewMessage, queueMessage } from './outbox.ts';
import { refusingSmtpUrl } from './test-smtp-server.ts';

const FROM = 'Heard <no-reply@heard.example>';
const START = new Date('2026-11-26T09:00:00.000Z');
const EMAIL_TEMPLATE = '5f2e3c4a-1b2c-4d5e-8f90-123456789abc';
const SMS_TEMPLATE = '6a7b8c9d-1b2c-4d5e-8f90-123456789abc';

function notice(n: number, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    kind: 'feedback_published',
    dedupeKey: `feedback:notice-${n}`,
    to: `person${n}@example.org`,
    subject: `What happened after you spoke to us (${n})`,
    body: 'The council has answered what people said in "Getting home from hospital".',
    link: `https://heard.example/you-said-we-did/e-${n}`,
    ...overrides,
  };
}

describe.each(testDatabases)('GOV.UK Notify as the transport on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let db: Db;
  let drop: () => Promise<void>;
  let notify: TestNotifyServer;
  let now: Date;
  const clock: Clock = () => new Date(now);

  const config = (overrides: Partial<NotifyConfig> = {}): NotifyConfig => ({
    apiKey: notify.apiKey,
    emailTemplateId: EMAIL_TEMPLATE,
    smsTemplateId: SMS_TEMPLATE,
    baseUrl: notify.url,
    ...overrides,
  });
  const transport = (overrides: Partial<NotifyConfig> = {}): MailTransport =>
    createNotifyTransport(config(overrides), { now: clock, timeoutMs: 300 });
  const send = (through: MailTransport = transport()) =>
    sendDueMessages({ db, transport: through, from: FROM, clock });
  const row = (dedupeKey: string) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();
  const queue = (message: NewMessage) => queueMessage(db, message, clock().toISOString());

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await database.open());
    notify = await startTestNotifyServer();
    notify.now = clock;
  });
  afterAll(async () => {
    if (skip) return;
    await notify.close();
    await drop();
  });
  beforeEach(async () => {
    if (skip) return;
    now = START;
    notify.received.length = 0;
    notify.refusedTokens.length = 0;
    notify.mood = 'accept';
    await db.deleteFrom('messages').execute();
  });

  it.skipIf(skip)('sends an email with a signed token, the template and the words', async () => {
    await queue(notice(1));
    expect(await send()).toEqual({ sent: 1, retrying: 0, givenUp: 0, reclaimed: 0 });
    const message = await row('feedback:notice-1');
    expect(message.state).toBe('sent');
    expect(notify.refusedTokens).toEqual([]);
    expect(notify.received).toEqual([
      {
        path: '/v2/notifications/email',
        body: {
          email_address: 'person1@example.org',
          template_id: EMAIL_TEMPLATE,
          personalisation: {
            subject: 'What happened after you spoke to us (1)',
            body: `${notice(1).body}\n\nhttps://heard.example/you-said-we-did/e-1\n`,
          },
          reference: messageIdFor(message.id, FROM),
        },
      },
    ]);
  });

  it.skipIf(skip)('sends a text to an sms: address through the SMS template', async () => {
    await queue(notice(2, { to: 'sms:07700900123' }));
    expect(await send()).toMatchObject({ sent: 1 });
    expect(notify.received).toMatchObject([
      {
        path: '/v2/notifications/sms',
        body: {
          phone_number: '07700900123',
          template_id: SMS_TEMPLATE,
          personalisation: { body: expect.stringContaining(notice(2).body) as string },
        },
      },
    ]);
  });

  it.skipIf(skip)('keeps a text waiting for a try when no SMS template is set', async () => {
    await queue(notice(3, { to: 'sms:07700900123' }));
    expect(await send(transport({ smsTemplateId: undefined }))).toMatchObject({
      sent: 0,
      retrying: 1,
    });
    expect(notify.received).toEqual([]);
    expect((await row('feedback:notice-3')).state).toBe('failed');
  });

  it.skipIf(skip)('gives a 400 up at once, keeping the reason without the address', async () => {
    notify.mood = 'bad_request';
    await queue(notice(4, { to: 'sms:07700900123' }));
    expect(await send()).toMatchObject({ sent: 0, retrying: 0, givenUp: 1 });
    const message = await row('feedback:notice-4');
    expect(message.state).toBe('given_up');
    expect(message.attempts).toBe(1);
    expect(message.last_error).toContain('400');
    expect(message.last_error).toContain('ValidationError');
  });

  it.skipIf(skip)(
    'retries a 5xx later and stops the round, then sends when Notify is back',
    async () => {
      notify.mood = 'failing';
      await queue(notice(5));
      await queue(notice(6));
      expect(await send()).toEqual({ sent: 0, retrying: 1, givenUp: 0, reclaimed: 0 });
      const failed = await db
        .selectFrom('messages')
        .selectAll()
        .where('state', '=', 'failed')
        .executeTakeFirstOrThrow();
      expect(failed.last_error).toContain('EUNAVAILABLE');
      expect(failed.next_attempt_at).toBe(new Date(START.getTime() + 60_000).toISOString());
      notify.mood = 'accept';
      expect(await send()).toMatchObject({ sent: 1 });
      now = new Date(START.getTime() + 60_000);
      expect(await send()).toMatchObject({ sent: 1 });
      expect(notify.received).toHaveLength(2);
    },
  );

  it.skipIf(skip)('retries when rate limited (429) rather than giving up', async () => {
    notify.mood = 'rate_limited';
    await queue(notice(7));
    expect(await send()).toMatchObject({ retrying: 1, givenUp: 0 });
    expect((await row('feedback:notice-7')).last_error).toContain('429');
  });

  it.skipIf(skip)('retries when Notify refuses the key (403): Heard set-up', async () => {
    await queue(notice(8));
    const wrongSecret = `${notify.apiKey.slice(0, -36)}00000000-0000-4000-8000-000000000000`;
    expect(await send(transport({ apiKey: wrongSecret }))).toMatchObject({
      retrying: 1,
      givenUp: 0,
    });
    expect(notify.refusedTokens).toEqual(['bad signature']);
    expect((await row('feedback:notice-8')).last_error).toContain('EAUTH 403');
  });

  it.skipIf(skip)('refuses a token whose iat is far from the server clock', async () => {
    notify.now = () => new Date(now.getTime() + 120_000);
    try {
      await queue(notice(9));
      expect(await send()).toMatchObject({ sent: 0, retrying: 1 });
      expect(notify.refusedTokens).toEqual(['iat too far']);
    } finally {
      notify.now = clock;
    }
  });

  it.skipIf(skip)('treats a server that is down or silent as server trouble', async () => {
    await queue(notice(10));
    await queue(notice(11));
    const down = transport({ baseUrl: (await refusingSmtpUrl()).replace('smtp:', 'http:') });
    expect(await send(down)).toEqual({ sent: 0, retrying: 1, givenUp: 0, reclaimed: 0 });
    now = new Date(START.getTime() + 60_000);
    notify.mood = 'silent';
    expect(await send()).toEqual({ sent: 0, retrying: 1, givenUp: 0, reclaimed: 0 });
    const errors = (await db.selectFrom('messages').select('last_error').execute()).map(
      (m) => m.last_error ?? '',
    );
    expect(errors.some((e) => e.startsWith('ECONNECTION'))).toBe(true);
    expect(errors.some((e) => e.startsWith('ETIMEDOUT'))).toBe(true);
  });

  it.skipIf(skip)('is what the worker sends through when NOTIFY_API_KEY is set', async () => {
    await queue(notice(12));
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const worker = startMailWorker({
      db,
      mail: undefined,
      notify: config(),
      clock,
      logger,
      everyMs: 20,
    });
    try {
      await vi.waitFor(async () => expect((await row('feedback:notice-12')).state).toBe('sent'));
    } finally {
      await worker.stop();
    }
    expect(notify.received.map((r) => r.body.email_address)).toEqual(['person12@example.org']);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
