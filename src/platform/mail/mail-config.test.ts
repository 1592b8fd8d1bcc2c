import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) };

describe('email settings', () => {
  it('sends no email when SMTP_URL is not set', () => {
    expect(loadConfig({}).mail).toBeUndefined();
  });

  it('sends through SMTP_URL from a default address that cannot be delivered to', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://user:pass@smtp.example:587' }).mail).toEqual({
      smtpUrl: 'smtp://user:pass@smtp.example:587',
      from: 'Heard <no-reply@heard.invalid>',
    });
  });

  it('uses MAIL_FROM as given', () => {
    const env = { SMTP_URL: 'smtps://smtp.example', MAIL_FROM: 'Northshire <heard@north.example>' };
    expect(loadConfig(env).mail?.from).toBe('Northshire <heard@north.example>');
  });

  it.each([
    { env: { SMTP_URL: 'http://smtp.example' }, problem: 'SMTP_URL' },
    { env: { SMTP_URL: 'smtp://smtp.example', MAIL_FROM: 'Heard' }, problem: 'MAIL_FROM' },
    { env: { PUBLIC_URL: 'heard.example' }, problem: 'PUBLIC_URL' },
    { env: { PUBLIC_URL: 'ftp://heard.example' }, problem: 'PUBLIC_URL' },
  ])('refuses to start with a wrong $problem', ({ env, problem }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(problem);
  });

  it('links to where Heard listens when PUBLIC_URL is not set', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('links to PUBLIC_URL, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://heard.north.example/' }).publicUrl).toBe(
      'https://heard.north.example',
    );
  });

  it('in production, will not send email whose links would lead to a guessed address', () => {
    const env = { ...PRODUCTION, SMTP_URL: 'smtp://smtp.example' };
    expect(() => loadConfig(env)).toThrow('PUBLIC_URL');
    expect(loadConfig({ ...env, PUBLIC_URL: 'https://heard.example' }).mail).toBeDefined();
    expect(loadConfig(PRODUCTION).mail).toBeUndefined();
  });
});
