import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SQLITE_FILE, loadConfig } from './config.ts';

const SECRET = 's'.repeat(32);

describe('loadConfig', () => {
  it('starts on a laptop with nothing set: SQLite, localhost:3000, demo on, plain cookies', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.database).toEqual({ dialect: 'sqlite', filename: './data/heard.sqlite' });
    expect(DEFAULT_SQLITE_FILE).toBe('./data/heard.sqlite');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('localhost');
    expect(config.demo).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe('info');
  });

  it('makes a fresh session secret of at least 32 characters when none is set', () => {
    const first = loadConfig({}).sessionSecret;
    const second = loadConfig({}).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).not.toBe(second);
  });

  it('uses the configured session secret as given', () => {
    expect(loadConfig({ SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
  });

  it.each([
    { url: 'postgres://heard@db.example/heard' },
    { url: 'postgresql://heard:pw@db.example:5432/heard' },
  ])('switches to PostgreSQL for $url, with demo off by default', ({ url }) => {
    const config = loadConfig({ DATABASE_URL: url });
    expect(config.database).toEqual({ dialect: 'postgres', connectionString: url });
    expect(config.demo).toBe(false);
  });

  it.each([
    { env: { DATABASE_URL: 'sqlite:/tmp/x.db' }, filename: '/tmp/x.db' },
    { env: { DATABASE_URL: 'sqlite:./data/other.sqlite' }, filename: './data/other.sqlite' },
  ])('reads a SQLite file name from $env.DATABASE_URL', ({ env, filename }) => {
    expect(loadConfig(env).database).toEqual({ dialect: 'sqlite', filename });
  });

  it.each([
    { name: 'HEARD_DEMO=0 on SQLite', env: { HEARD_DEMO: '0' }, demo: false },
    { name: 'HEARD_DEMO=false on SQLite', env: { HEARD_DEMO: 'false' }, demo: false },
    { name: 'HEARD_DEMO=1 on SQLite', env: { HEARD_DEMO: '1' }, demo: true },
    {
      name: 'HEARD_DEMO=1 on PostgreSQL',
      env: { HEARD_DEMO: '1', DATABASE_URL: 'postgres://db.example/heard' },
      demo: true,
    },
    {
      name: 'HEARD_DEMO=true on PostgreSQL',
      env: { HEARD_DEMO: 'true', DATABASE_URL: 'postgresql://db.example/heard' },
      demo: true,
    },
    {
      name: 'HEARD_DEMO=0 on PostgreSQL',
      env: { HEARD_DEMO: '0', DATABASE_URL: 'postgres://db.example/heard' },
      demo: false,
    },
  ])('demo mode: $name -> $demo', ({ env, demo }) => {
    expect(loadConfig(env).demo).toBe(demo);
  });

  it('refuses production without SESSION_SECRET, naming the setting', () => {
    const start = () => loadConfig({ NODE_ENV: 'production' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/SESSION_SECRET/);
  });

  it.each([
    { name: 'SQLite', env: {} },
    { name: 'SQLite with HEARD_DEMO=1', env: { HEARD_DEMO: '1' } },
    {
      name: 'PostgreSQL with HEARD_DEMO=1',
      env: { HEARD_DEMO: '1', DATABASE_URL: 'postgres://db.example/heard' },
    },
  ])('production ($name): demo off whatever is asked, secure cookies on', ({ env }) => {
    const config = loadConfig({ ...env, NODE_ENV: 'production', SESSION_SECRET: SECRET });
    expect(config.environment).toBe('production');
    expect(config.demo).toBe(false);
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    { value: '8080', port: 8080 },
    { value: '0', port: 0 },
    { value: '65535', port: 65535 },
  ])('accepts PORT=$value', ({ value, port }) => {
    expect(loadConfig({ PORT: value }).port).toBe(port);
  });

  it.each([
    { name: 'bad PORT abc', env: { PORT: 'abc' }, names: /PORT/ },
    { name: 'empty PORT', env: { PORT: '' }, names: /PORT/ },
    { name: 'bad PORT 70000', env: { PORT: '70000' }, names: /PORT/ },
    { name: 'bad PORT -1', env: { PORT: '-1' }, names: /PORT/ },
    { name: 'bad PORT 3000.5', env: { PORT: '3000.5' }, names: /PORT/ },
    { name: 'MySQL', env: { DATABASE_URL: 'mysql://x' }, names: /DATABASE_URL/ },
    { name: 'sqlite: with no file', env: { DATABASE_URL: 'sqlite:' }, names: /DATABASE_URL/ },
    {
      name: 'short SESSION_SECRET',
      env: { SESSION_SECRET: 's'.repeat(31) },
      names: /SESSION_SECRET/,
    },
    {
      name: 'short SESSION_SECRET in production',
      env: { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(31) },
      names: /SESSION_SECRET/,
    },
    { name: 'unknown NODE_ENV', env: { NODE_ENV: 'staging' }, names: /NODE_ENV/ },
    { name: 'HEARD_DEMO=yes', env: { HEARD_DEMO: 'yes' }, names: /HEARD_DEMO/ },
    { name: 'unknown LOG_LEVEL', env: { LOG_LEVEL: 'loud' }, names: /LOG_LEVEL/ },
  ])('refuses to start with $name, naming the setting', ({ env, names }) => {
    const start = () => loadConfig(env);
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(names);
  });
});
