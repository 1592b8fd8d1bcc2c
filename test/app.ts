import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/index.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/database.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import type { TestDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** The app's clock, for services a test calls directly. */
  clock: Clock;
  /** Moves the app's clock on, e.g. to let a session expire. */
  advanceMinutes(minutes: number): void;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Heard on a fresh database with the demo data, its clock under the test's control. */
export async function startTestApp(
  database: TestDatabase,
  options: { demo?: boolean } = {},
): Promise<TestApp> {
  const { db, config: databaseConfig, drop } = await database.open();
  let now = new Date('2026-11-26T09:00:00.000Z');
  const clock: Clock = () => new Date(now);
  const config: Config = {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database: databaseConfig,
    demo: options.demo ?? true,
    sessionSecret: TEST_SECRET,
    secureCookies: false,
    trustProxy: false,
    logLevel: 'silent',
    publicUrl: 'http://127.0.0.1:3000',
  };
  await seedDemo({ config, db, clock, t: translator('en') });
  const app = await buildApp({ config, db, clock });
  await app.ready();
  return {
    app,
    db,
    config,
    clock,
    advanceMinutes(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** A file a test sends in a form; CSV unless `type` says otherwise. */
export interface Upload {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** A browser's cookies for one person, kept across requests. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === '' ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser would: first loads the page holding it, for its CSRF token. */
  async submit(
    pageUrl: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (token === undefined)
      throw new Error(`No CSRF token on ${pageUrl} (status ${page.statusCode})`);
    return this.post(action, { ...fields, _csrf: token });
  }

  /**
   * Sends a form with files as a browser would (multipart): loads the page holding it for its
   * CSRF token, unless `withToken` is false (a forged form). Files are named by their field.
   */
  async upload(
    pageUrl: string,
    action: string,
    fields: Record<string, string>,
    files: Record<string, Upload>,
    withToken = true,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const form = new FormData();
    if (withToken) form.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, file] of Object.entries(files)) {
      form.append(name, new Blob([file.bytes], { type: file.type ?? 'text/csv' }), file.name);
    }
    const response = await this.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: this.cookieHeader() },
      body: form,
    });
    this.remember(response);
    return response;
  }

  async post(
    url: string,
    fields: Record<string, string | string[]>,
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const item of [value].flat()) body.append(name, item);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  async json(
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookieHeader(),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.submit('/sign-in', '/sign-in', { email, password });
  }
}

export const DEMO = {
  password: DEMO_PASSWORD,
  platformAdmin: 'platform@heard.example',
  lead: 'lead@advocacy.example',
  advocate: 'advocate@advocacy.example',
  advocacyAdmin: 'admin@advocacy.example',
  decisionMaker: 'director@council.example',
  officer: 'officer@council.example',
  councilAdmin: 'admin@council.example',
} as const;

/** The text a person would read on the page: tags stripped, spaces squeezed. */
export const visibleText = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
