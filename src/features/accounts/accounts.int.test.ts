import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { buildApp } from '../../app.ts';
import {
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  SIGN_IN_FAILURE_LIMIT,
} from './accounts.core.ts';

describe.each(testDatabases)('accounts on $label', (database) => {
  let heard: TestApp;
  beforeAll(async () => {
    if (database.skipReason === undefined) heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  it.skipIf(skip)(
    'signs in with a demo account, shows the staff home page, and signs out',
    async () => {
      const browser = new Browser(heard.app);
      const signedIn = await browser.signIn(DEMO.lead, DEMO.password);
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe('/home');
      const cookie = signedIn.cookies.find((c) => c.name === 'heard_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

      const home = await browser.get('/home');
      expect(home.statusCode).toBe(200);
      expect(visibleText(home.body)).toContain('Hello, Lena Shah');
      expect(visibleText(home.body)).toContain(
        'What should people expect when they ask us for help?',
      );

      const signedOut = await browser.submit('/home', '/sign-out', {});
      expect(signedOut.headers.location).toBe('/signed-out');
      const after = await browser.get('/home');
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe('/sign-in?next=%2Fhome');
    },
  );

  it.skipIf(skip)(
    'keeps sessions in the database, so another process serves the same person',
    async () => {
      const browser = new Browser(heard.app);
      await browser.signIn(DEMO.officer, DEMO.password);
      // The same clock as the first (the test's), or the session would look hours idle to it.
      const secondProcess = await buildApp({
        config: heard.config,
        db: heard.db,
        clock: heard.clock,
      });
      try {
        const home = await secondProcess.inject({
          url: '/home',
          headers: { cookie: browser.cookieHeader() },
        });
        expect(home.statusCode).toBe(200);
        expect(visibleText(home.body)).toContain('Hello, Owen Price');
      } finally {
        await secondProcess.close();
      }
    },
  );

  it.skipIf(skip)('gives a new session on sign-in, never keeping one from before', async () => {
    const browser = new Browser(heard.app);
    await browser.signIn(DEMO.advocate, DEMO.password);
    const first = browser.cookie('heard_session');
    await browser.submit('/home', '/sign-in', { email: DEMO.advocate, password: DEMO.password });
    const second = browser.cookie('heard_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = await heard.app.inject({
      url: '/home',
      headers: { cookie: `heard_session=${String(first)}` },
    });
    expect(stale.statusCode).toBe(303);
  });

  it.skipIf(skip)(
    'refuses a wrong password and an unknown email with the same plain message, keeping the email',
    async () => {
      for (const email of [DEMO.decisionMaker, 'nobody@council.example']) {
        const browser = new Browser(heard.app);
        const response = await browser.signIn(email, 'not the password at all');
        expect(response.statusCode).toBe(401);
        const text = visibleText(response.body);
        expect(text).toContain('There is a problem');
        expect(text).toContain('The email address or password is not right');
        expect(response.body).toContain(`value="${email}"`);
        expect(browser.cookie('heard_session')).toBeUndefined();
      }
    },
  );

  it.skipIf(skip)('asks for what is missing', async () => {
    const response = await new Browser(heard.app).signIn('', '');
    expect(response.statusCode).toBe(400);
    expect(visibleText(response.body)).toContain('Enter your email address');
    expect(visibleText(response.body)).toContain('Enter your password');
  });

  it.skipIf(skip)(
    'locks an account after repeated wrong passwords, even for the right one',
    async () => {
      const browser = new Browser(heard.app);
      for (let attempt = 1; attempt < SIGN_IN_FAILURE_LIMIT; attempt++) {
        expect((await browser.signIn(DEMO.councilAdmin, 'wrong password here')).statusCode).toBe(
          401,
        );
      }
      const locked = await browser.signIn(DEMO.councilAdmin, 'wrong password here');
      expect(locked.statusCode).toBe(429);
      expect(visibleText(locked.body)).toContain(
        'Too many wrong passwords for this account. Wait 15 minutes',
      );
      expect((await browser.signIn(DEMO.councilAdmin, DEMO.password)).statusCode).toBe(429);
      heard.advanceMinutes(16);
      expect((await browser.signIn(DEMO.councilAdmin, DEMO.password)).statusCode).toBe(303);
    },
  );

  it.skipIf(skip)(
    'ends a session after it has been idle, and after its absolute limit',
    async () => {
      const browser = new Browser(heard.app);
      await browser.signIn(DEMO.advocacyAdmin, DEMO.password);
      heard.advanceMinutes(SESSION_IDLE_MINUTES + 1);
      expect((await browser.get('/home')).statusCode).toBe(303);

      await browser.signIn(DEMO.advocacyAdmin, DEMO.password);
      for (let used = 0; used < SESSION_ABSOLUTE_HOURS * 60; used += SESSION_IDLE_MINUTES - 10) {
        expect((await browser.get('/home')).statusCode).toBe(200);
        heard.advanceMinutes(SESSION_IDLE_MINUTES - 10);
      }
      expect((await browser.get('/home')).statusCode).toBe(303);
    },
  );

  it.skipIf(skip)(
    'refuses a form without its CSRF token, or with another one, and saves nothing',
    async () => {
      const browser = new Browser(heard.app);
      await browser.get('/sign-in');
      const missing = await browser.post('/sign-in', { email: DEMO.lead, password: DEMO.password });
      expect(missing.statusCode).toBe(403);
      expect(visibleText(missing.body)).toContain('This form has expired');
      const wrong = await browser.post('/sign-in', {
        email: DEMO.lead,
        password: DEMO.password,
        _csrf: 'forged',
      });
      expect(wrong.statusCode).toBe(403);
      expect(browser.cookie('heard_session')).toBeUndefined();
    },
  );

  it.skipIf(skip)('only sends people back to pages on this site after signing in', async () => {
    const browser = new Browser(heard.app);
    const page = await browser.get('/sign-in?next=//evil.example/');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const response = await browser.post('/sign-in', {
      email: DEMO.lead,
      password: DEMO.password,
      next: '//evil.example/',
      _csrf: token,
    });
    expect(response.headers.location).toBe('/home');
  });

  it.skipIf(skip)('lists the demo accounts on the sign-in page in demo mode only', async () => {
    const page = await new Browser(heard.app).get('/sign-in');
    expect(visibleText(page.body)).toContain('Demo accounts');
    expect(visibleText(page.body)).toContain(DEMO.platformAdmin);
    const production = await buildApp({ config: { ...heard.config, demo: false }, db: heard.db });
    try {
      const plain = await production.inject({ url: '/sign-in' });
      expect(visibleText(plain.body)).not.toContain('Demo accounts');
      expect(plain.body).not.toContain(DEMO.password);
    } finally {
      await production.close();
    }
  });

  it.skipIf(skip)(
    'answers /api/v1/me for the signed-in person, and 401 as problem+json otherwise',
    async () => {
      const anonymous = await heard.app.inject({ url: '/api/v1/me' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.json()).toMatchObject({ status: 401, title: 'You need to sign in' });

      const browser = new Browser(heard.app);
      await browser.signIn(DEMO.decisionMaker, DEMO.password);
      const me = await browser.json('GET', '/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        email: DEMO.decisionMaker,
        roles: ['decision_maker'],
        platformAdmin: false,
      });
    },
  );
});
