import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../db/database.ts';
import { loggerOptions } from '../logging/logger.ts';

const [sqlite] = testDatabases;

describe('the web platform', () => {
  let heard: TestApp;
  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('no SQLite test database');
    heard = await startTestApp(sqlite);
  });
  afterAll(async () => heard.close());

  it('sends a CSP whose nonce is the one on the page, and the other security headers', async () => {
    const page = await heard.app.inject({ url: '/' });
    const csp = String(page.headers['content-security-policy']);
    const nonce = /nonce="([^"]+)"/.exec(page.body)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain(`'nonce-${String(nonce)}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const again = await heard.app.inject({ url: '/' });
    expect(again.headers['content-security-policy']).not.toBe(csp);
  });

  it("serves Heard's stylesheet and govuk-frontend's script from the package, and nothing else from it", async () => {
    const css = await heard.app.inject({ url: '/assets/build/heard.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    const script = await heard.app.inject({ url: '/assets/govuk/govuk-frontend.min.js' });
    expect(script.statusCode).toBe(200);
    expect((await heard.app.inject({ url: '/assets/govuk/template.njk' })).statusCode).toBe(404);
  });

  it('shows an accessible 404 page to anyone, and problem+json under /api', async () => {
    const page = await heard.app.inject({ url: '/no/such/page' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(visibleText(page.body)).toContain('Page not found');
    expect(page.body).toContain('<main class="govuk-main-wrapper" id="main-content"');
    const api = await heard.app.inject({ url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, title: 'Page not found' });
  });

  it('answers malformed JSON, the wrong content type and oversized bodies with a clear 4xx', async () => {
    const browser = new Browser(heard.app);
    await browser.signIn(DEMO.platformAdmin, DEMO.password);
    const headers = { cookie: browser.cookieHeader() };

    const malformed = await heard.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"name": "Broken",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      status: 400,
      detail: 'The request body is not valid JSON. Check its syntax and try again.',
    });

    const wrongType = await heard.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({
      detail: 'Send the details as a web form or as JSON.',
    });

    const hugeJson = await heard.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_200_000), type: 'council' }),
    });
    expect(hugeJson.statusCode).toBe(413);
    expect(hugeJson.json()).toMatchObject({ status: 413 });

    const page = await browser.get('/organisations/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const hugeForm = await browser.post('/organisations', {
      name: 'y'.repeat(150_000),
      type: 'council',
      _csrf: token,
    });
    expect(hugeForm.statusCode).toBe(413);
    expect(visibleText(hugeForm.body)).toContain('What you sent is too large');
    const saved = await heard.db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', 'xxx%')
      .execute();
    expect(saved).toHaveLength(0);
  });

  it('reads a form sent as multipart like any other form, and refuses it without the CSRF token', async () => {
    const browser = new Browser(heard.app);
    await browser.signIn(DEMO.platformAdmin, DEMO.password);
    const page = await browser.get('/organisations/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const multipartForm = (fields: Record<string, string>): FormData => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('attachment', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'figures.csv');
      return form;
    };
    const saved = (name: string) =>
      heard.db.selectFrom('organisations').select('id').where('name', '=', name).execute();

    const forged = await heard.app.inject({
      method: 'POST',
      url: '/organisations',
      headers: { cookie: browser.cookieHeader() },
      body: multipartForm({ name: 'Forged Council', type: 'council' }),
    });
    expect(forged.statusCode).toBe(403);
    expect(await saved('Forged Council')).toHaveLength(0);

    const sent = await heard.app.inject({
      method: 'POST',
      url: '/organisations',
      headers: { cookie: browser.cookieHeader() },
      body: multipartForm({ name: 'Multipart Council', type: 'council', _csrf: token }),
    });
    expect(sent.statusCode).toBe(303);
    expect(await saved('Multipart Council')).toHaveLength(1);
  });

  it('describes the API in an OpenAPI document at /api/docs', async () => {
    const docs = await heard.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    const document = docs.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/organisations',
        '/api/v1/organisations/{organisationId}/users',
      ]),
    );
  });

  it('reports health, and readiness only when the database is migrated', async () => {
    expect((await heard.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await heard.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const unmigrated = openDatabase({ dialect: 'sqlite', filename: ':memory:' });
    const app = await buildApp({ config: heard.config, db: unmigrated });
    try {
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ database: 'migrations pending' });
    } finally {
      await app.close();
      await unmigrated.destroy();
    }
  });

  it('refuses to start with a route that states no access rule (deny by default)', async () => {
    const app = await buildApp({ config: heard.config, db: heard.db });
    try {
      expect(() => app.get('/forgotten', () => 'open to all')).toThrow(/no access rule/);
    } finally {
      await app.close();
    }
  });

  it('shows a plain 500 page with no stack trace, and logs no personal data', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({
      config: heard.config,
      db: heard.db,
      logger: pino(loggerOptions('info'), stream),
    });
    app.get('/explode', { config: { access: 'public' } }, () => {
      throw new Error('database said: secret detail');
    });
    try {
      const failed = await app.inject({ url: '/explode' });
      expect(failed.statusCode).toBe(500);
      expect(visibleText(failed.body)).toContain('Sorry, there is a problem with Heard');
      expect(failed.body).not.toContain('secret detail');
      expect(failed.body).not.toMatch(/at .*\.ts:\d+/);

      const browser = new Browser(app);
      await browser.signIn(DEMO.lead, DEMO.password);
      await new Browser(app).signIn(DEMO.decisionMaker, 'a wrong password');
      const logged = lines.join('');
      expect(logged).toContain('request completed');
      for (const secret of [
        DEMO.lead,
        DEMO.password,
        DEMO.decisionMaker,
        'a wrong password',
        'Lena Shah',
      ]) {
        expect(logged).not.toContain(secret);
      }
      expect(logged).not.toContain(String(browser.cookie('heard_session')));
    } finally {
      await app.close();
    }
  });
});
