import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { notifyToken, parseNotifyKey } from './notify-transport.ts';

const SERVICE = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const KEY = `my_test_key-${SERVICE}-${SECRET}`;
const TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';

describe('GOV.UK Notify settings', () => {
  it('is off unless NOTIFY_API_KEY is set', () => {
    expect(loadConfig({}).notify).toBeUndefined();
  });

  it('reads the key, the templates and the base URL', () => {
    const config = loadConfig({
      NOTIFY_API_KEY: KEY,
      NOTIFY_EMAIL_TEMPLATE_ID: TEMPLATE,
      NOTIFY_SMS_TEMPLATE_ID: TEMPLATE,
      NOTIFY_BASE_URL: 'http://127.0.0.1:9999/',
    });
    expect(config.notify).toEqual({
      apiKey: KEY,
      emailTemplateId: TEMPLATE,
      smsTemplateId: TEMPLATE,
      baseUrl: 'http://127.0.0.1:9999',
    });
  });

  it('talks to Notify itself unless told otherwise, and sends no texts without their template', () => {
    const notify = loadConfig({ NOTIFY_API_KEY: KEY, NOTIFY_EMAIL_TEMPLATE_ID: TEMPLATE }).notify;
    expect(notify?.baseUrl).toBe('https://api.notifications.service.gov.uk');
    expect(notify?.smsTemplateId).toBeUndefined();
  });

  it.each([
    [{ NOTIFY_API_KEY: 'not-a-key' }, 'NOTIFY_API_KEY'],
    [{ NOTIFY_API_KEY: KEY }, 'NOTIFY_EMAIL_TEMPLATE_ID'],
    [{ NOTIFY_API_KEY: KEY, NOTIFY_EMAIL_TEMPLATE_ID: 'welcome' }, 'NOTIFY_EMAIL_TEMPLATE_ID'],
    [
      { NOTIFY_API_KEY: KEY, NOTIFY_EMAIL_TEMPLATE_ID: TEMPLATE, NOTIFY_BASE_URL: 'ftp://x' },
      'NOTIFY_BASE_URL',
    ],
    [
      { NOTIFY_API_KEY: KEY, NOTIFY_EMAIL_TEMPLATE_ID: TEMPLATE, NODE_ENV: 'production' },
      'PUBLIC_URL',
    ],
  ])('refuses to start with %o, naming %s', (env, problem) => {
    expect(() => loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env })).toThrow(problem);
  });
});

describe('the Notify key and token', () => {
  it('finds the service id and secret at the end of a key whose name has dashes', () => {
    expect(parseNotifyKey(`a-name-with-dashes-${SERVICE}-${SECRET}`)).toEqual({
      serviceId: SERVICE,
      secretKey: SECRET,
    });
  });

  it('signs HS256 with iss the service id and iat in seconds', () => {
    const [header, claims] = notifyToken(KEY, new Date('2026-11-26T09:00:00.500Z')).split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      typ: 'JWT',
      alg: 'HS256',
    });
    expect(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString())).toEqual({
      iss: SERVICE,
      iat: Date.parse('2026-11-26T09:00:00Z') / 1000,
    });
  });
});
