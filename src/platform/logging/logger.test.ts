import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.ts';

/** A logger as the app makes it, writing each line to a list instead of stdout. */
function capture(level = 'info'): { log: pino.Logger; output: () => string } {
  const lines: string[] = [];
  const log = pino(loggerOptions(level), {
    write(line: string) {
      lines.push(line);
    },
  });
  return { log, output: () => lines.join('') };
}

const SECRETS = {
  password: 'hunter2-secret-password',
  newPassword: 'another-secret-password',
  email: 'ana.silva@council.example',
  name: 'Ana Silva Secretname',
  phone: '07700 900123',
  address: '1 Secret Street, Northshire',
  text: 'I feel nobody listens to me about my care',
  voice: 'my words about my support',
  contact: 'ring my daughter on 07700 900456',
  token: 'tok_0123456789abcdef',
  csrf: 'csrf-token-value-1',
  _csrf: 'csrf-token-value-2',
} as const;

const FIELDS = Object.keys(SECRETS) as (keyof typeof SECRETS)[];

describe('loggerOptions', () => {
  it('logs at the level asked for', () => {
    expect(loggerOptions('warn').level).toBe('warn');
    const { log, output } = capture('warn');
    log.info({ status: 200 }, 'quiet');
    log.warn({ status: 503 }, 'loud');
    expect(output()).not.toContain('quiet');
    expect(output()).toContain('loud');
  });

  it.each(FIELDS)('redacts %s at the top level', (field) => {
    const { log, output } = capture();
    log.info({ [field]: SECRETS[field], status: 201 }, 'top level');
    const logged = output();
    expect(logged).toContain('top level');
    expect(logged).toContain('201');
    expect(logged).not.toContain(SECRETS[field]);
    expect(JSON.parse(logged)).toMatchObject({ [field]: '[redacted]' });
  });

  it.each(
    FIELDS.flatMap((field) =>
      ['body', 'user', 'query', 'failure'].map((parent) => ({ field, parent })),
    ),
  )('redacts $field one level deep, under $parent', ({ field, parent }) => {
    const { log, output } = capture();
    log.info({ [parent]: { [field]: SECRETS[field], id: 'rec-1' } }, 'nested');
    const logged = output();
    expect(logged).toContain('rec-1');
    expect(logged).not.toContain(SECRETS[field]);
    expect(JSON.parse(logged)).toMatchObject({ [parent]: { [field]: '[redacted]', id: 'rec-1' } });
  });

  it('redacts every sensitive field at once, and keeps the rest', () => {
    const { log, output } = capture();
    log.info({ ...SECRETS, body: { ...SECRETS }, organisationId: 'org-42' }, 'everything');
    const logged = output();
    for (const value of Object.values(SECRETS)) expect(logged).not.toContain(value);
    expect(logged).toContain('[redacted]');
    expect(logged).toContain('org-42');
  });

  it.each([
    {
      name: 'the session cookie',
      entry: {
        req: { method: 'GET', url: '/home', headers: { cookie: 'heard_session=s3cr3t-session' } },
      },
      secret: 's3cr3t-session',
    },
    {
      name: 'an authorization header',
      entry: {
        req: { method: 'GET', url: '/api/v1', headers: { authorization: 'Bearer s3cr3t-bearer' } },
      },
      secret: 's3cr3t-bearer',
    },
    {
      name: 'the CSRF header',
      entry: {
        req: { method: 'POST', url: '/x', headers: { 'x-csrf-token': 's3cr3t-csrf-header' } },
      },
      secret: 's3cr3t-csrf-header',
    },
    {
      name: 'a set-cookie response header',
      entry: {
        res: { statusCode: 303, headers: { 'set-cookie': 'heard_session=s3cr3t-new-session' } },
      },
      secret: 's3cr3t-new-session',
    },
  ])('redacts $name', ({ entry, secret }) => {
    const { log, output } = capture();
    log.info(entry, 'request');
    const logged = output();
    expect(logged).not.toContain(secret);
    expect(logged).toContain('[redacted]');
    // The rest of the request or response is still there to help diagnose problems.
    expect(logged).toMatch(/"(url|statusCode)":/);
  });

  it('keeps a request log useful: method and url stay, the cookie goes', () => {
    const { log, output } = capture();
    log.info(
      {
        req: {
          method: 'POST',
          url: '/sign-in',
          headers: { cookie: 'heard_session=abc123secret', host: 'heard.example' },
        },
      },
      'incoming request',
    );
    const entry = JSON.parse(output()) as {
      req: { method: string; url: string; headers: Record<string, string> };
    };
    expect(entry.req.method).toBe('POST');
    expect(entry.req.url).toBe('/sign-in');
    expect(entry.req.headers.host).toBe('heard.example');
    expect(entry.req.headers.cookie).toBe('[redacted]');
  });
});
