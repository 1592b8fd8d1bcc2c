import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const COUNCIL = 'Northshire Council';

describe.skipIf(skipBrowserTests)(
  `Admin and public pages (${browserLabel})`,
  { timeout: 120_000 },
  () => {
    const heard = useHeard();

    it('shows a platform admin the organisation and user pages, each passing axe', async () => {
      const page = await heard().newPage();
      await signIn(page, DEMO.platformAdmin);
      await expectHeading(page, 'Hello, Pat Okafor');

      await page.getByRole('link', { name: 'Organisations', exact: true }).click();
      await expectHeading(page, 'Organisations');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Add an organisation' }).click();
      await expectHeading(page, 'Add an organisation');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Add organisation', exact: true }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      await page.goto('/organisations');
      await page.getByRole('link', { name: `Users of ${COUNCIL}` }).click();
      await expectHeading(page, `Users of ${COUNCIL}`);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Add a user' }).click();
      await expectHeading(page, `Add a user to ${COUNCIL}`);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Back' }).click();
      await page.getByRole('link', { name: 'Change Owen Price' }).click();
      await expectHeading(page, 'Change Owen Price');
      await expectNoAxeViolations(page);
    });

    it("shows an organisation's admin their users page, passing axe", async () => {
      const page = await heard().newPage();
      await signIn(page, DEMO.councilAdmin);
      await expectHeading(page, 'Hello, Cara Lewis');

      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Users' })
        .click();
      await expectHeading(page, `Users of ${COUNCIL}`);
      await expectNoAxeViolations(page);
    });

    it("lets an organisation's admin read its audit trail and narrow it, with JavaScript off, passing axe", async () => {
      const page = await heard().newPage({ javaScriptEnabled: false });
      await signIn(page, DEMO.councilAdmin);
      await expectHeading(page, 'Hello, Cara Lewis');
      await page.goto('/home');
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Users' })
        .click();
      await page.getByRole('link', { name: 'See the audit trail: who did what' }).click();
      await expectHeading(page, `Audit trail of ${COUNCIL}`);
      await expectNoAxeViolations(page);
      const table = page.getByRole('table', { name: 'What people did, newest first' });
      expect(await table.getByRole('cell', { name: 'Signed in' }).count()).toBeGreaterThan(0);
      const listedUsers = table.getByRole('cell', { name: "Listed this organisation's users" });
      expect(await listedUsers.count()).toBeGreaterThan(0);

      await page.getByLabel('What they did').selectOption({ label: 'Signed in or out' });
      await page.getByRole('button', { name: 'Show' }).click();
      await expectHeading(page, `Audit trail of ${COUNCIL}`);
      expect(await listedUsers.count()).toBe(0);

      await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('31');
      await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('2');
      await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);
    });

    it('shows the not-found, accessibility and privacy pages, each passing axe', async () => {
      const page = await heard().newPage();

      const missing = await page.goto('/no-such-page');
      expect(missing?.status()).toBe(404);
      await expectHeading(page, 'Page not found');
      await expectNoAxeViolations(page);

      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Accessibility statement' })
        .click();
      await expectHeading(page, 'Accessibility statement');
      await expectNoAxeViolations(page);

      await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
      await expectHeading(page, 'Privacy notice');
      await expectNoAxeViolations(page);
    });

    it('makes the skip link the first thing the keyboard reaches', async () => {
      const page = await heard().newPage();
      await page.goto('/');
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect((await focused.innerText()).trim()).toBe('Skip to main content');
      expect(await focused.getAttribute('href')).toBe('#main-content');
    });

    it('lets a person sign in with JavaScript turned off', async () => {
      const page = await heard().newPage({ javaScriptEnabled: false });
      await signIn(page, DEMO.lead);
      await expectHeading(page, 'Hello, Lena Shah');
      expect(new URL(page.url()).pathname).toBe('/home');
    });
  },
);
