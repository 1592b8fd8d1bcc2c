import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../test/app.ts';
import { type TestDatabase, testDatabases } from '../test/databases.ts';
import { pageShape } from './page-shape.ts';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumFound = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === 'true';

/** Skipped only off CI: in CI a missing Chromium fails the tests (see startHeard). */
export const skipBrowserTests = !chromiumFound && !inCi;

/** For describe titles, so a skipped (or, in CI, failed) run says plainly why. */
export const browserLabel = chromiumFound
  ? 'in Chromium'
  : inCi
    ? `Chromium not found at ${CHROMIUM_PATH}: failing, as CI=true`
    : `skipped: Chromium not found at ${CHROMIUM_PATH}`;

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface HeardInBrowser {
  heard: TestApp;
  /** Where Heard listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  browser: Browser;
  /** A page in a fresh context: its own cookies, as a different person's browser. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Heard on a fresh database (SQLite unless another is given) with the demo data, listening on a
 * free port, and Chromium.
 */
export async function startHeard(database?: TestDatabase): Promise<HeardInBrowser> {
  if (!chromiumFound) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}, and CI=true: the browser tests cannot be skipped in CI.`,
    );
  }
  const chosen = database ?? testDatabases.find((known) => known.name === 'sqlite');
  if (chosen === undefined) throw new Error('No SQLite test database');
  const heard = await startTestApp(chosen);
  const address = await heard.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  return {
    heard,
    url: address,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: address, ...options });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      if (options.javaScriptEnabled === false) withoutJavaScript.add(page);
      else page.on('pageerror', (error) => scriptErrors.set(page, error.message));
      return page;
    },
    async close() {
      await browser.close();
      await heard.close();
    },
  };
}

/** Starts Heard and Chromium before the describe block's tests and stops them after. */
export function useHeard(database?: TestDatabase): () => HeardInBrowser {
  let started: HeardInBrowser | undefined;
  beforeAll(async () => {
    started = await startHeard(database);
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (started === undefined) throw new Error('Heard did not start: see the beforeAll error');
    return started;
  };
}

/** Pages opened with JavaScript turned off: axe cannot run inside them. */
const withoutJavaScript = new WeakSet<Page>();

/** The first script error in each page with JavaScript on: a page's scripts must never fail. */
const scriptErrors = new WeakMap<Page, string>();

/**
 * Axe is a script, and in a page with JavaScript off it never finishes. So such a page is audited
 * as a copy: the same HTML, without its scripts, served at the same address (so its styles load)
 * to a page where axe can run. The copy is what a person without JavaScript gets.
 */
async function auditableCopy(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (browser === null) throw new Error('No browser to audit the page in');
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const address = page.url();
  const copy = await (await browser.newContext()).newPage();
  await copy.route(
    (url) => url.href === address,
    (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await copy.goto(address);
  return copy;
}

/**
 * The shapes of the pages audited so far in this test file (see `pageShape`), with or without
 * JavaScript: a page of a shape already audited gives axe nothing new to find, so it is not
 * audited again. Audits were about 70 % of the longest journey's time.
 */
const auditedShapes = new Set<string>();

/**
 * Runs axe's WCAG 2.2 A and AA rules on the page as it is now, unless a page of the same shape
 * has passed them already; any violation fails the test, as does any script error so far.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  expect(scriptErrors.get(page), `A script failed on ${page.url()}`).toBeUndefined();
  const audited = withoutJavaScript.has(page) ? await auditableCopy(page) : page;
  const viewport = page.viewportSize();
  const shape = [
    audited === page ? 'script' : 'no script',
    viewport === null ? 'window' : `${viewport.width}×${viewport.height}`,
    await pageShape(audited),
  ].join(' ');
  const results = auditedShapes.has(shape)
    ? undefined
    : await new AxeBuilder({ page: audited })
        // Only the violations in full (options first: `options` replaces what `withTags` set).
        .options({ resultTypes: ['violations'] })
        .withTags(WCAG_TAGS)
        .analyze();
  if (audited !== page) await audited.context().close();
  if (results === undefined) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.flat().join(' >>> ')}`);
      return `  ${violation.id}: ${violation.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
  expect(
    results.violations.map((violation) => violation.id),
    `Accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([]);
  auditedShapes.add(shape);
}

/** Signs in through the form as a person would: by the labels they read and the button they press. */
export async function signIn(
  page: Page,
  email: string,
  password: string = DEMO.password,
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits for the page's main heading to read `text`: the way to know which page has loaded. */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** How wide the page's content is: wider than the window means scrolling sideways. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}
