import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  RETRY_DELAYS_MINUTES,
  afterFailure,
  describeFailure,
  isPermanentRejection,
  isServerTrouble,
} from './retry-policy.ts';

const NOW = new Date('2026-11-26T09:00:00.000Z');

/** An error shaped as nodemailer makes them. */
function smtpError(fields: Record<string, unknown>, message = 'failed'): Error {
  return Object.assign(new Error(message), fields);
}

const refused = smtpError(
  { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
  'connect ECONNREFUSED 127.0.0.1:2525',
);
const unknownUser = smtpError(
  {
    code: 'EENVELOPE',
    responseCode: 550,
    permanent: true,
    command: 'RCPT TO',
    response: '550 5.1.1 <ana.silva@council.example>: Recipient address rejected',
  },
  "Can't send mail - all recipients were rejected: 550 5.1.1 <ana.silva@council.example>",
);

describe('afterFailure', () => {
  it.each(RETRY_DELAYS_MINUTES.map((minutes, i) => ({ attempts: i + 1, minutes })))(
    'after try $attempts, waits $minutes minutes',
    ({ attempts, minutes }) => {
      const outcome = afterFailure(refused, attempts, NOW);
      expect(outcome.state).toBe('failed');
      expect(outcome.nextAttemptAt).toBe(new Date(NOW.getTime() + minutes * 60_000).toISOString());
    },
  );

  it('waits longer after each failure', () => {
    const waits = RETRY_DELAYS_MINUTES.map((_, i) => afterFailure(refused, i + 1, NOW));
    const times = waits.map((w) => Date.parse(w.nextAttemptAt ?? ''));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? 0);
  });

  it('gives up after the last try', () => {
    expect(afterFailure(refused, MAX_ATTEMPTS, NOW)).toMatchObject({
      state: 'given_up',
      nextAttemptAt: null,
    });
  });

  it('gives up at once when the server refuses the recipient for good', () => {
    expect(afterFailure(unknownUser, 1, NOW).state).toBe('given_up');
  });

  it('retries a temporary refusal of the recipient', () => {
    const busy = smtpError({ responseCode: 451, permanent: false, command: 'RCPT TO' });
    expect(afterFailure(busy, 1, NOW).state).toBe('failed');
  });
});

describe('isPermanentRejection', () => {
  it.each([
    { name: '550 at RCPT TO', fields: { permanent: true, command: 'RCPT TO' }, permanent: true },
    { name: '554 at DATA', fields: { permanent: true, command: 'DATA' }, permanent: true },
    // A refused sender or a failed sign-in is Heard's set-up, not this message: staff can fix it.
    {
      name: '553 at MAIL FROM',
      fields: { permanent: true, command: 'MAIL FROM' },
      permanent: false,
    },
    { name: '535 at AUTH', fields: { permanent: true, command: 'AUTH PLAIN' }, permanent: false },
    { name: 'a refused connection', fields: { code: 'ESOCKET' }, permanent: false },
    { name: 'a timeout', fields: { code: 'ETIMEDOUT' }, permanent: false },
  ])('$name: $permanent', ({ fields, permanent }) => {
    expect(isPermanentRejection(smtpError(fields))).toBe(permanent);
  });

  it('treats something that is not an error as worth retrying', () => {
    expect(isPermanentRejection('boom')).toBe(false);
  });
});

describe('isServerTrouble', () => {
  it.each([
    { name: 'a refused connection', error: refused, trouble: true },
    { name: 'a timeout', error: smtpError({ code: 'ETIMEDOUT' }), trouble: true },
    { name: 'a dropped connection', error: smtpError({ code: 'ECONNECTION' }), trouble: true },
    { name: 'an unknown host', error: smtpError({ code: 'EDNS' }), trouble: true },
    { name: 'a refused recipient', error: unknownUser, trouble: false },
    {
      name: 'a temporary refusal',
      error: smtpError({ code: 'EENVELOPE', responseCode: 451 }),
      trouble: false,
    },
    { name: 'something unexpected', error: new Error('boom'), trouble: false },
  ])('$name: $trouble', ({ error, trouble }) => {
    expect(isServerTrouble(error)).toBe(trouble);
  });
});

describe('describeFailure', () => {
  it('keeps the codes and the reason, without the address', () => {
    const reason = describeFailure(unknownUser);
    expect(reason).toContain('EENVELOPE');
    expect(reason).toContain('550');
    expect(reason).toContain('RCPT TO');
    expect(reason).toContain('Recipient address rejected');
    expect(reason).not.toContain('ana.silva');
    expect(reason).toContain('[address]');
  });

  it('names a refused connection', () => {
    expect(describeFailure(refused)).toMatch(/^ESOCKET \(ECONNREFUSED\): /);
  });

  it('names which wait a timeout ended', () => {
    const timeout = smtpError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, 'Timeout');
    expect(describeFailure(timeout)).toBe('ETIMEDOUT GREETING_TIMEOUT: Timeout');
  });

  it('stays short whatever the server says', () => {
    const chatty = smtpError({ responseCode: 451, response: `451 ${'x'.repeat(5000)}` });
    expect(describeFailure(chatty).length).toBeLessThanOrEqual(300);
  });
});
