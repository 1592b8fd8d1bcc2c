import type { Page } from 'playwright-core';
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

// The demo engagement: about fifty voices, a safeguarding disclosure, a personal case and a
// campaign of five letters nobody has yet decided how to count (src/features/demo/demo.voices.ts).
const ENGAGEMENT = 'What should people expect when they ask us for help?';
const DISCLOSURE = 'he takes my pension out every week';
const PERSONAL_CASE = 'reference DP 30117';
const CAMPAIGN = 'A campaign of 5 near-identical letters, counted as one: not yet decided.';
const NEW_NAME = 'Being told what happens next';
const ADDED = 'Getting back to daily life';

/** From the staff home, through the engagement's overview, to its themes. */
async function openThemes(page: Page): Promise<void> {
  await page.getByRole('link', { name: ENGAGEMENT, exact: true }).click();
  await expectHeading(page, ENGAGEMENT);
  await page.getByRole('link', { name: 'Themes: what people said, in their own words' }).click();
  await expectHeading(page, 'Themes');
}

/** Follows "Check again" as a person would, until the draft is saved. */
async function waitForDraft(page: Page): Promise<void> {
  const checkAgain = page.getByRole('link', { name: 'Check again' });
  for (let looks = 0; looks < 120 && (await checkAgain.count()) > 0; looks++) {
    await page.waitForTimeout(500);
    await checkAgain.click();
    await expectHeading(page, 'Themes');
  }
  await page.getByRole('heading', { level: 2, name: 'The themes', exact: true }).waitFor();
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

  describe.skipIf(skipBrowserTests)(
    `Themes of the demo's voices, ${js}, every page passing axe (${browserLabel})`,
    { timeout: 240_000 },
    () => {
      const heard = useHeard();

      it('the advocacy lead drafts themes, reads them with quotes and the campaign, and renames one', async () => {
        const lead = await heard().newPage({ javaScriptEnabled });
        await signIn(lead, DEMO.lead);
        await openThemes(lead);
        await lead.getByText('There are no themes yet.').waitFor();
        await expectNoAxeViolations(lead);

        await lead.getByRole('button', { name: 'Draft themes' }).click();
        await expectHeading(lead, 'Themes');
        if ((await lead.getByRole('link', { name: 'Check again' }).count()) > 0) {
          await lead.getByText('Drafting themes…').waitFor();
          await expectNoAxeViolations(lead);
        }
        await waitForDraft(lead);
        await lead.getByText('Draft 1, made on').waitFor();
        await lead.getByText(CAMPAIGN).waitFor();
        await lead.getByRole('heading', { level: 2, name: 'What went into this draft' }).waitFor();
        const text = await lead.locator('main').innerText();
        expect(text).not.toContain(DISCLOSURE);
        expect(text).not.toContain(PERSONAL_CASE);
        expect(
          await lead.getByRole('heading', { level: 4, name: "In people's own words" }).count(),
        ).toBeGreaterThan(0);
        await lead.getByText('The council does not see any themes yet').waitFor();
        await expectNoAxeViolations(lead);

        await lead.getByRole('button', { name: 'Share these themes with the council' }).click();
        await expectHeading(lead, 'Themes');
        await lead.getByText('The themes are shared with the council.').waitFor();
        await lead.getByText(/^The council sees draft 1, shared by /).waitFor();
        expect(
          await lead.getByRole('button', { name: 'Share these themes with the council' }).count(),
        ).toBe(0);
        await expectNoAxeViolations(lead);

        await lead
          .getByRole('link', { name: /^Rename, describe or lock/ })
          .first()
          .click();
        await expectHeading(lead, 'Rename, describe or lock a theme');
        await expectNoAxeViolations(lead);
        await lead.getByLabel('Name', { exact: true }).fill('');
        await lead.getByRole('button', { name: 'Save' }).click();
        await lead.getByRole('link', { name: 'Enter a name for the theme' }).waitFor();
        await expectNoAxeViolations(lead);
        await lead.getByLabel('Name', { exact: true }).fill(NEW_NAME);
        await lead.getByLabel('Lock this theme').check();
        await lead.getByRole('button', { name: 'Save' }).click();
        await expectHeading(lead, 'Themes');
        await lead.getByText('Your changes to the theme are saved.').waitFor();
        await lead.getByRole('heading', { level: 3, name: new RegExp(`^${NEW_NAME}`) }).waitFor();
        await expectNoAxeViolations(lead);

        await lead.getByRole('button', { name: 'Draft themes again' }).click();
        await waitForDraft(lead);
        await lead.getByText('Draft 2, made on').waitFor();
        await lead.getByRole('heading', { level: 3, name: new RegExp(`^${NEW_NAME}`) }).waitFor();
        await lead.getByText(/^The council sees draft 1, shared by /).waitFor();
        await lead.getByRole('button', { name: 'Share these themes with the council' }).waitFor();
      });

      it('a council officer reads the shared themes without names, small counts hidden, and cannot draft or share', async () => {
        const officer = await heard().newPage({ javaScriptEnabled });
        await signIn(officer, DEMO.officer);
        await openThemes(officer);
        await officer.getByText('Shared by the advocacy organisation on').waitFor();
        await officer
          .getByRole('heading', { level: 3, name: new RegExp(`^${NEW_NAME}`) })
          .waitFor();
        await officer.getByText('counts from 1 to 4 are shown as "fewer than 5"').waitFor();
        await officer
          .getByRole('listitem')
          .filter({ hasText: /: fewer than 5$/ })
          .first()
          .waitFor();
        expect(await officer.getByRole('button', { name: /^Draft themes/ }).count()).toBe(0);
        expect(await officer.getByRole('button', { name: /^Share these themes/ }).count()).toBe(0);
        expect(await officer.getByRole('link', { name: /^Rename, describe or lock/ }).count()).toBe(
          0,
        );
        const text = await officer.locator('main').innerText();
        expect(text).not.toContain(DISCLOSURE);
        expect(text).not.toContain(PERSONAL_CASE);
        expect(text).not.toContain('What went into this draft');
        expect(text).toContain(CAMPAIGN);
        await expectNoAxeViolations(officer);
      });

      it('an advocate adds a theme, codes a voice to it by hand, maps every voice and sees which to code next', async () => {
        const advocate = await heard().newPage({ javaScriptEnabled });
        await signIn(advocate, DEMO.advocate);
        await openThemes(advocate);
        await advocate.getByRole('button', { name: 'Add theme' }).click();
        await advocate.getByRole('link', { name: 'Enter a name for the theme' }).waitFor();
        await expectNoAxeViolations(advocate);
        await advocate.getByLabel('Name of the new theme').fill(ADDED);
        await advocate.getByRole('button', { name: 'Add theme' }).click();
        await advocate.getByRole('heading', { level: 3, name: ADDED }).waitFor();

        await advocate.getByText('Voices in this theme: code one by hand').first().click();
        await advocate.locator('details[open] .govuk-details__text a').first().click();
        await expectHeading(advocate, 'Code a voice by hand');
        await advocate.getByText('Put there by the machine').waitFor();
        await expectNoAxeViolations(advocate);
        await advocate.getByRole('checkbox', { name: ADDED }).check();
        await advocate.getByRole('button', { name: 'Save coding' }).click();
        await advocate.getByText('Coded by hand by').waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'Back' }).click();
        await expectHeading(advocate, 'Themes');
        await advocate.getByRole('button', { name: 'Map every voice' }).click();
        await waitForDraft(advocate);
        await advocate.getByRole('heading', { level: 2, name: 'Voices to code next' }).waitFor();
        await expectNoAxeViolations(advocate);
      });
    },
  );
}
