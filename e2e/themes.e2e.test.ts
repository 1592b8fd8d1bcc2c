import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PROMPTS } from '../src/features/demo/demo.engagement.ts';
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
const PARTS = ['Being listened to', 'Everything else in this theme'];
const REASON = 'We published before checking one quote with the person who said it.';
const QUESTION = DEMO_PROMPTS.community.questionPlain;

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

// A staff journey: with JavaScript off only (see e2e/README.md).
const javaScriptEnabled = false;
const js = 'JavaScript off';

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
      await lead.getByText('Nothing: no themes have been published yet.').waitFor();
      await lead
        .getByText('Draft 1 can be published once someone has marked it reviewed.')
        .waitFor();
      expect(await lead.getByRole('button', { name: 'Publish these themes' }).count()).toBe(0);
      await expectNoAxeViolations(lead);

      await lead.getByRole('button', { name: 'Mark draft 1 as reviewed' }).click();
      await expectHeading(lead, 'Themes');
      await lead.getByText('The themes are marked as reviewed.').waitFor();
      await lead.getByText(/Reviewed by .+ on /).waitFor();
      await expectNoAxeViolations(lead);

      await lead.getByRole('button', { name: 'Publish these themes' }).click();
      await expectHeading(lead, 'Themes');
      await lead.getByText('The themes are published.').waitFor();
      await lead.getByText(/Draft 1, published by /).waitFor();
      expect(await lead.getByRole('button', { name: 'Publish these themes' }).count()).toBe(0);
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
      await lead.getByText(/Draft 1, published by /).waitFor();
      await lead.getByRole('button', { name: 'Mark draft 2 as reviewed' }).waitFor();
    });

    it('a council officer reads the published themes without names, small counts hidden, and cannot draft or publish', async () => {
      const officer = await heard().newPage({ javaScriptEnabled });
      await signIn(officer, DEMO.officer);
      await openThemes(officer);
      await officer.getByText('Published by the advocacy organisation on').waitFor();
      await officer.getByRole('heading', { level: 3, name: new RegExp(`^${NEW_NAME}`) }).waitFor();
      await officer.getByText('counts from 1 to 4 are shown as "fewer than 5"').waitFor();
      await officer
        .getByRole('listitem')
        .filter({ hasText: /: fewer than 5$/ })
        .first()
        .waitFor();
      expect(await officer.getByRole('button', { name: /^Draft themes/ }).count()).toBe(0);
      expect(await officer.getByRole('button', { name: /^Publish these themes/ }).count()).toBe(0);
      expect(await officer.getByRole('link', { name: /^Split/ }).count()).toBe(0);
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

      // Every voice of a theme, a page at a time (the themes page lists only the first few).
      const card = advocate.locator('section.govuk-summary-card').first();
      const key = (await card.getAttribute('id'))?.replace('theme-', '') ?? '';
      await advocate.goto(`${new URL(advocate.url()).pathname}/${key}/voices`);
      await advocate.getByRole('heading', { level: 1, name: /^Voices in the theme / }).waitFor();
      await expectNoAxeViolations(advocate);
      // Two ticked voices move into another theme in one go; forgetting the theme is explained.
      const voices = advocate
        .getByRole('group', { name: 'Tick the voices to move to another theme' })
        .getByRole('checkbox');
      await voices.nth(0).check();
      await voices.nth(1).check();
      await advocate.getByRole('button', { name: 'Move the ticked voices' }).click();
      await advocate
        .getByRole('link', { name: 'Choose the theme to move the voices into' })
        .waitFor();
      await expectNoAxeViolations(advocate);
      expect(await voices.nth(1).isChecked()).toBe(true);
      await advocate.getByLabel('Move the ticked voices to').selectOption({ index: 1 });
      await advocate.getByRole('button', { name: 'Move the ticked voices' }).click();
      await advocate.getByText(/2 voices moved to /).waitFor();
      await expectNoAxeViolations(advocate);
      await advocate
        .getByRole('link', { name: /^Code by hand/ })
        .first()
        .click();
      await expectHeading(advocate, 'Code a voice by hand');
    });

    it('an advocate splits a theme, starting from the machine’s suggestion, and is told what to fix first', async () => {
      const advocate = await heard().newPage({ javaScriptEnabled });
      await signIn(advocate, DEMO.advocate);
      await openThemes(advocate);
      await advocate
        .getByRole('link', { name: /^Split / })
        .first()
        .click();
      await expectHeading(advocate, 'Split a theme');
      await expectNoAxeViolations(advocate);

      await advocate.getByRole('button', { name: 'Split the theme' }).click();
      await advocate.getByRole('link', { name: 'Enter a name for the first new theme' }).waitFor();
      await advocate
        .getByRole('link', { name: /^Choose a new theme for every voice: \d+ have none$/ })
        .waitFor();
      await expectNoAxeViolations(advocate);

      await advocate.getByRole('button', { name: 'Let the machine suggest a split' }).click();
      await advocate
        .getByText("The machine's suggestion is filled in below.", { exact: false })
        .waitFor();
      await expectNoAxeViolations(advocate);
      await advocate.getByLabel('Name of the first new theme').fill(PARTS[0] ?? '');
      await advocate.getByLabel('Name of the second new theme').fill(PARTS[1] ?? '');
      await advocate.getByRole('button', { name: 'Split the theme' }).click();
      await expectHeading(advocate, 'Themes');
      await advocate.getByText('The theme is split.').waitFor();
      for (const part of PARTS) {
        await advocate.getByRole('heading', { level: 3, name: part, exact: true }).waitFor();
      }
      await expectNoAxeViolations(advocate);
    });

    it('the advocacy lead takes the published themes back with a reason, which the council then reads', async () => {
      const lead = await heard().newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await openThemes(lead);
      await lead.getByRole('button', { name: 'Take these themes back' }).click();
      await lead.getByRole('link', { name: 'Enter why you are taking the themes back' }).waitFor();
      await expectNoAxeViolations(lead);
      await lead.getByLabel('Why are you taking draft 1 back?').fill(REASON);
      await lead.getByRole('button', { name: 'Take these themes back' }).click();
      await expectHeading(lead, 'Themes');
      await lead.getByText('The themes are taken back.', { exact: false }).waitFor();
      await lead.getByText(/Nothing: .+ took back draft 1 on /).waitFor();
      await expectNoAxeViolations(lead);

      const officer = await heard().newPage({ javaScriptEnabled });
      await signIn(officer, DEMO.officer);
      await openThemes(officer);
      await officer.getByText(`“${REASON}”`, { exact: false }).waitFor();
      expect(await officer.getByRole('heading', { level: 2, name: 'The themes' }).count()).toBe(0);
      await expectNoAxeViolations(officer);
    });

    it('the advocacy lead drafts themes for one question, which keep their own review and publication', async () => {
      const lead = await heard().newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await openThemes(lead);
      await lead.getByText('Showing themes for: The whole engagement').waitFor();
      const scopes = lead.getByRole('table', { name: 'Themes of each question' });
      await scopes
        .getByRole('row', { name: new RegExp(`${QUESTION.slice(0, 40)}.*No draft yet`) })
        .waitFor();
      await scopes.getByRole('link', { name: QUESTION, exact: true }).click();
      await expectHeading(lead, 'Themes');
      await lead.getByText(`Showing themes for: ${QUESTION}`).waitFor();
      await lead.getByText('There are no themes yet.').waitFor();
      await expectNoAxeViolations(lead);

      await lead.getByRole('button', { name: 'Draft themes for this question' }).click();
      await expectHeading(lead, 'Themes');
      await waitForDraft(lead);
      await lead.getByText(`Showing themes for: ${QUESTION}`).waitFor();
      await lead.getByText(/^Draft \d+, made on/).waitFor();
      await lead.getByText('Nothing: no themes have been published yet.').waitFor();
      await scopes
        .getByRole('row', {
          name: new RegExp(`${QUESTION.slice(0, 40)}.*Draft \\d+, not reviewed`),
        })
        .waitFor();
      const text = await lead.locator('main').innerText();
      expect(text).not.toContain(DISCLOSURE);
      expect(text).not.toContain(PERSONAL_CASE);
      // The engagement-wide themes (renamed earlier) are not this question's.
      expect(text).not.toContain(NEW_NAME);
      expect(text).not.toContain(ADDED);
      await expectNoAxeViolations(lead);

      await lead.getByRole('button', { name: /^Mark draft \d+ as reviewed$/ }).click();
      await expectHeading(lead, 'Themes');
      await lead.getByText('The themes are marked as reviewed.').waitFor();
      await lead.getByText(`Showing themes for: ${QUESTION}`).waitFor();
      await lead.getByRole('button', { name: 'Publish these themes' }).click();
      await lead.getByText('The themes are published.').waitFor();
      await lead.getByText(`Showing themes for: ${QUESTION}`).waitFor();
      await expectNoAxeViolations(lead);

      // The council reads this question's published themes, and still nothing for the whole
      // engagement, whose publication was taken back.
      const officer = await heard().newPage({ javaScriptEnabled });
      await signIn(officer, DEMO.officer);
      await openThemes(officer);
      await officer.getByText(`“${REASON}”`, { exact: false }).waitFor();
      await officer.getByRole('link', { name: QUESTION, exact: true }).click();
      await officer.getByText(`Showing themes for: ${QUESTION}`).waitFor();
      await officer.getByRole('heading', { level: 2, name: 'The themes', exact: true }).waitFor();
      expect(await officer.getByRole('button', { name: /^Draft themes/ }).count()).toBe(0);
      await expectNoAxeViolations(officer);
    });
  },
);
