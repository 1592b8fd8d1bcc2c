import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  scrollWidth,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

describe.skipIf(skipBrowserTests)(
  `A member of staff signs in and out (${browserLabel})`,
  { timeout: 120_000 },
  () => {
    const heard = useHeard();

    it('signs in with the form, sees their home page and signs out, every page passing axe', async () => {
      const page = await heard().newPage();

      await page.goto('/');
      await expectHeading(page, 'Heard');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Sign in to Heard' }).click();
      await expectHeading(page, 'Sign in');
      await expectNoAxeViolations(page);

      await signIn(page, DEMO.lead, 'not-the-password');
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      await signIn(page, DEMO.lead);
      await expectHeading(page, 'Hello, Lena Shah');
      expect(new URL(page.url()).pathname).toBe('/home');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expectHeading(page, 'You have signed out');
      await expectNoAxeViolations(page);
    });

    it('fits a 320 pixel wide screen without scrolling sideways', async () => {
      const page = await heard().newPage({ viewport: { width: 320, height: 640 } });

      await page.goto('/sign-in');
      await expectHeading(page, 'Sign in');
      expect(await scrollWidth(page), 'sign-in page width').toBeLessThanOrEqual(320);

      await signIn(page, DEMO.lead);
      await expectHeading(page, 'Hello, Lena Shah');
      expect(await scrollWidth(page), 'home page width').toBeLessThanOrEqual(320);
    });
  },
);
