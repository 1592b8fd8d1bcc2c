import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import { DEMO_ENGAGEMENT } from '../src/features/demo/demo.engagement.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  scrollWidth,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const CENSUS_FILE = join(import.meta.dirname, '../test/fixtures/census/census2021-ts021-ltla.csv');

describe.skipIf(skipBrowserTests)(
  `A council officer sees who an engagement is reaching (${browserLabel})`,
  { timeout: 180_000 },
  () => {
    const heard = useHeard();

    it("adds the area's census figures and reads who has been heard beside them, JavaScript off, every page passing axe", async () => {
      const page = await heard().newPage({ javaScriptEnabled: false });
      await page.goto('/sign-in');
      await signIn(page, DEMO.officer);
      await page.getByRole('link', { name: DEMO_ENGAGEMENT.title }).first().click();
      await expectHeading(page, DEMO_ENGAGEMENT.title);

      await page.getByRole('link', { name: /^Who we are reaching/ }).click();
      await expectHeading(page, 'Who we are reaching');
      await page.getByText('There are no census figures for this area yet').waitFor();
      await expectNoAxeViolations(page);
      const reachPage = page.url();

      await page
        .getByRole('link', { name: 'Add or update the census figures for this area' })
        .click();
      await expectHeading(page, 'Who lives in the area');
      await expectNoAxeViolations(page);

      // A file with no question chosen and a code not in it: each said plainly, nothing saved.
      await page.getByLabel('The Nomis file').setInputFiles(CENSUS_FILE);
      await page.getByLabel("The area's code").fill('E06000999');
      await page.getByRole('button', { name: 'Add the figures' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await page.getByText('Choose which question the file is for').first().waitFor();
      expect(await page.getByLabel("The area's code").inputValue()).toBe('E06000999');
      await expectNoAxeViolations(page);

      await page.getByLabel('Ethnic group (TS021)').check();
      await page.getByLabel('The Nomis file').setInputFiles(CENSUS_FILE);
      await page.getByLabel("The area's code").fill('E06000023');
      await page.getByRole('button', { name: 'Add the figures' }).click();
      await page.getByText('Figures added for Ethnic group').waitFor();
      await expectNoAxeViolations(page);

      await page.goto(reachPage);
      await expectHeading(page, 'Who we are reaching');
      await page.getByText('Bristol, City of (E06000023)').waitFor();
      await expectNoAxeViolations(page);
    });

    it('fits a 320 pixel wide screen, its tables scrolling on their own', async () => {
      const page = await heard().newPage({ viewport: { width: 320, height: 640 } });
      await page.goto('/sign-in');
      await signIn(page, DEMO.lead);
      await page.goto('/engagements');
      await page.getByRole('link', { name: DEMO_ENGAGEMENT.title }).first().click();
      await page.getByRole('link', { name: /^Who we are reaching/ }).click();
      await expectHeading(page, 'Who we are reaching');
      expect(await scrollWidth(page), 'reach page width').toBeLessThanOrEqual(320);
    });
  },
);
