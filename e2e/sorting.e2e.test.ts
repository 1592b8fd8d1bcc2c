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

// The demo's own voices waiting to be sorted (src/features/demo/demo.voices.ts), found by their words.
const DISCLOSURE = 'he takes my pension out every week';
const DISCLOSURE_CONTACT = 'By text message: 07700900789';
const PERSONAL_CASE = 'reference DP 30117';
const PERSONAL_CASE_CONTACT = '07700900321';
const LETTER = 'keep Riverside Day Centre open';
const ENGAGEMENT = 'What should people expect when they ask us for help?';

const RAISED = "Raised with the council's safeguarding team";
const SAFEGUARDING_REASON =
  'Rang her by text as she asked. She wants help. Raised with the council safeguarding team today, reference SG-2231.';
const PASSED_TO = "Northshire Council's direct payments team";

const recordHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: /^Sorting a voice from / }).waitFor();

/** Presses Tab until the focus is on what `selector` matches, as a keyboard user moves on. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 50; presses++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate<boolean>(
      `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
    );
    if (there) return;
  }
  throw new Error(`Tabbing never reached ${selector} on ${page.url()}`);
}

const focusedId = (page: Page): Promise<string> =>
  page.evaluate<string>('document.activeElement === null ? "" : document.activeElement.id');

/** From the staff home, through the engagement's overview, to its sorting page. */
async function openSorting(page: Page): Promise<void> {
  await page.getByRole('link', { name: ENGAGEMENT, exact: true }).click();
  await expectHeading(page, ENGAGEMENT);
  await page
    .getByRole('link', { name: 'Sort voices: safeguarding, casework and campaigns' })
    .click();
  await expectHeading(page, 'Sort voices');
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

  // Each run has Heard of its own: the demo's flag and case can be decided only once.
  describe.skipIf(skipBrowserTests)(
    `Sorting the demo's voices, ${js}, every page passing axe (${browserLabel})`,
    { timeout: 240_000 },
    () => {
      const heard = useHeard();
      const keyboardOnly = javaScriptEnabled;

      it(`the safeguarding lead follows the home banner to the flag and records a decision${keyboardOnly ? ', with the keyboard alone' : ''}`, async () => {
        const lead = await heard().newPage({ javaScriptEnabled });
        await signIn(lead, DEMO.lead);
        await expectHeading(lead, 'Hello, Lena Shah');
        const banner = lead.getByRole('region', { name: 'Important' });
        await banner
          .getByText('Possible safeguarding concerns are waiting for your decision')
          .waitFor();
        await expectNoAxeViolations(lead);

        await banner
          .getByRole('link', { name: new RegExp(`in ${ENGAGEMENT.replace('?', '\\?')}$`) })
          .click();
        await expectHeading(lead, 'Sort voices');
        expect(new URL(lead.url()).hash).toBe('#safeguarding');
        await expectNoAxeViolations(lead);

        const flag = lead.locator('.govuk-summary-card').filter({ hasText: DISCLOSURE });
        await flag.waitFor();
        await flag.getByText('Financial or material abuse').waitFor();
        await flag.getByRole('link', { name: /^Open/ }).click();
        await recordHeading(lead);
        const recordUrl = lead.url();
        await lead.locator('.govuk-inset-text').getByText(DISCLOSURE).waitFor();
        await lead.getByText(DISCLOSURE_CONTACT, { exact: true }).waitFor();
        await lead.getByText('Possible safeguarding concern, waiting for a decision').waitFor();
        await expectNoAxeViolations(lead);

        await lead.getByRole('link', { name: 'Record a safeguarding decision' }).click();
        await expectHeading(lead, 'Safeguarding decision');
        await lead.getByText(DISCLOSURE).waitFor();
        await expectNoAxeViolations(lead);

        // Decided without a reason: the page says what is missing and keeps the choice made.
        if (keyboardOnly) {
          await tabTo(lead, 'input[name="outcome"]');
          await lead.keyboard.press('Space');
          await tabTo(lead, '#reason');
          await tabTo(lead, 'main .govuk-button');
          await lead.keyboard.press('Enter');
        } else {
          await lead.getByLabel(RAISED).check();
          await lead.getByRole('button', { name: 'Save decision' }).click();
        }
        await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
        expect(await lead.title()).toMatch(/^Error: /);
        const summary = lead.locator('.govuk-error-summary');
        await summary.getByRole('link', { name: 'Enter the reason for your decision' }).waitFor();
        expect(await lead.getByLabel(RAISED).isChecked()).toBe(true);
        await expectNoAxeViolations(lead);

        if (keyboardOnly) {
          // GOV.UK Frontend puts the focus on the error summary; its link leads to the box.
          await tabTo(lead, '.govuk-error-summary a');
          await lead.keyboard.press('Enter');
          expect(await focusedId(lead)).toBe('reason');
          await lead.keyboard.type(SAFEGUARDING_REASON);
          await tabTo(lead, 'main .govuk-button');
          await lead.keyboard.press('Enter');
        } else {
          await lead.getByLabel('Why?').fill(SAFEGUARDING_REASON);
          await lead.getByRole('button', { name: 'Save decision' }).click();
        }
        await lead.getByText('Your decision is saved.').waitFor();
        await recordHeading(lead);
        await lead.getByText(`${RAISED}, by Lena Shah on 26 November 2026`).waitFor();
        await lead.getByText(SAFEGUARDING_REASON).waitFor();
        await expectNoAxeViolations(lead);

        // The flag has left the open list and is kept under safeguarding records.
        await lead.getByRole('link', { name: 'Back' }).click();
        await expectHeading(lead, 'Sort voices');
        expect(
          await lead.locator('.govuk-summary-card').filter({ hasText: DISCLOSURE }).count(),
        ).toBe(0);
        const voicePath = new URL(recordUrl).pathname;
        const records = lead
          .locator('h2#records ~ table')
          .first()
          .locator('tr')
          .filter({ has: lead.locator(`a[href="${voicePath}"]`) });
        await records.getByText(RAISED).waitFor();
        await expectNoAxeViolations(lead);
      });

      // With JavaScript on, only the keyboard-alone run above: the rest are staff journeys, which
      // run with JavaScript off (see e2e/README.md).
      if (javaScriptEnabled) return;

      it('an advocate sorts the personal case, records consent and the hand-over, and downloads the casework', async () => {
        const advocate = await heard().newPage({ javaScriptEnabled });
        await signIn(advocate, DEMO.advocate);
        await expectHeading(advocate, 'Hello, Sam Reid');
        await openSorting(advocate);
        await expectNoAxeViolations(advocate);

        const suggested = advocate
          .locator('h2#concerns ~ table')
          .first()
          .locator('tr')
          .filter({ hasText: PERSONAL_CASE });
        await suggested.getByRole('link', { name: /^Open/ }).click();
        await recordHeading(advocate);
        await advocate.getByText('Might be a personal case, waiting to be sorted').waitFor();
        await advocate.getByText(`By text message: ${PERSONAL_CASE_CONTACT}`).waitFor();
        // Only the named safeguarding people decide on flags; this voice has none.
        expect(
          await advocate.getByRole('link', { name: 'Record a safeguarding decision' }).count(),
        ).toBe(0);
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'Sort this voice' }).click();
        await expectHeading(advocate, 'Sort this voice');
        await expectNoAxeViolations(advocate);
        // First taken for off topic, without saying where else it can go: that is asked for.
        await advocate
          .getByLabel('Outside what this engagement can change', { exact: true })
          .check();
        const reason = 'Her own late direct payment, with a reference: for the payments team.';
        await advocate.getByLabel('Why?').fill(reason);
        await advocate.getByRole('button', { name: 'Save decision' }).click();
        await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await advocate
          .getByRole('link', { name: 'Enter where they can take it instead' })
          .waitFor();
        expect(
          await advocate
            .getByLabel('Outside what this engagement can change', { exact: true })
            .isChecked(),
        ).toBe(true);
        expect(await advocate.getByLabel('Why?').inputValue()).toBe(reason);
        await expectNoAxeViolations(advocate);
        await advocate
          .getByLabel('A personal case or complaint: offer to pass it to casework')
          .check();
        await advocate.getByRole('button', { name: 'Save decision' }).click();
        await advocate.getByText('Your decision is saved.').waitFor();
        await advocate.getByText('Personal case for casework', { exact: true }).waitFor();
        expect(
          await advocate.getByRole('link', { name: 'Record a safeguarding decision' }).count(),
        ).toBe(0);
        await expectNoAxeViolations(advocate);

        // Nothing to hand over before she has agreed.
        expect(
          await advocate.getByRole('link', { name: 'Record that it was passed on' }).count(),
        ).toBe(0);
        await advocate
          .getByRole('link', { name: 'Record whether they agree to pass it on' })
          .click();
        await expectHeading(advocate, 'May we pass it on?');
        await expectNoAxeViolations(advocate);
        await advocate.getByRole('button', { name: 'Save decision' }).click();
        await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await advocate.getByRole('link', { name: 'Select what they said' }).waitFor();
        await advocate.getByRole('link', { name: 'Select how you asked them' }).waitFor();
        await expectNoAxeViolations(advocate);
        await advocate.getByLabel('Yes, they agreed it can be passed on').check();
        await advocate.getByLabel('Through the way they asked us to contact them').check();
        await advocate.getByRole('button', { name: 'Save decision' }).click();
        await advocate.getByText('Your decision is saved.').waitFor();
        await advocate
          .getByText('Yes, they agreed it can be passed on (26 November 2026)', { exact: true })
          .waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'Record that it was passed on' }).click();
        await expectHeading(advocate, 'Pass it on to casework');
        await expectNoAxeViolations(advocate);
        await advocate.getByLabel('Who did you pass it to?').fill(PASSED_TO);
        await advocate.getByLabel('Through the way they asked us to contact them').check();
        await advocate.getByRole('button', { name: 'Save decision' }).click();
        await advocate.getByText('Your decision is saved.').waitFor();
        await advocate.getByText(`Passed to ${PASSED_TO} on 26 November 2026`).waitFor();
        await expectNoAxeViolations(advocate);

        await advocate.getByRole('link', { name: 'Back' }).click();
        await expectHeading(advocate, 'Sort voices');
        const caseRow = advocate
          .locator('h2#casework ~ table')
          .first()
          .locator('tr')
          .filter({ hasText: PERSONAL_CASE });
        await caseRow.getByText('Agreed to pass it on').waitFor();
        await caseRow.getByText(`Passed to ${PASSED_TO} on 26 November 2026`).waitFor();
        expect(
          await advocate.locator('h2#concerns ~ table').first().getByText(PERSONAL_CASE).count(),
        ).toBe(0);
        await expectNoAxeViolations(advocate);

        const download = advocate.getByRole('link', {
          name: 'Download the cases people agreed to pass on (CSV)',
        });
        const href = await download.getAttribute('href');
        expect(href).toMatch(/^\/engagements\/[^/]+\/casework\.csv$/);
        const csv = await advocate.request.get(href ?? '');
        expect(csv.status()).toBe(200);
        expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
        expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="casework-/);
        const lines = (await csv.text()).trim().split(/\r?\n/);
        expect(lines[0]).toContain('Contact detail');
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(PERSONAL_CASE);
        expect(lines[1]).toContain(PERSONAL_CASE_CONTACT);
        expect(lines[1]).toContain(PASSED_TO);
      });

      it('a lead decides how the demo campaign counts', async () => {
        const lead = await heard().newPage({ javaScriptEnabled });
        await signIn(lead, DEMO.lead);
        await expectHeading(lead, 'Hello, Lena Shah');
        await openSorting(lead);
        const campaign = lead.locator('.govuk-summary-card').filter({ hasText: LETTER });
        await campaign.getByRole('heading', { name: '5 voices, 4 different wordings' }).waitFor();
        await campaign.getByText('Not decided yet').waitFor();
        await campaign.getByRole('link', { name: /^Decide how this campaign counts/ }).click();
        await expectHeading(lead, 'How should this campaign count?');
        await expectNoAxeViolations(lead);

        await lead.getByLabel('Why?').fill('One letter, sent by five people.');
        await lead.getByRole('button', { name: 'Save decision' }).click();
        await lead.getByRole('link', { name: 'Select how the campaign should count' }).waitFor();
        expect(await lead.getByLabel('Why?').inputValue()).toBe('One letter, sent by five people.');
        await expectNoAxeViolations(lead);

        await lead.getByLabel('As one voice, with its count shown').check();
        await lead.getByRole('button', { name: 'Save decision' }).click();
        await expectHeading(lead, 'Sort voices');
        await lead
          .locator('.govuk-summary-card')
          .filter({ hasText: LETTER })
          .getByText('As one voice, with its count shown')
          .waitFor();
        await expectNoAxeViolations(lead);
      });

      it('a council officer sees only counts, never what anyone said', async () => {
        const officer = await heard().newPage({ javaScriptEnabled });
        await signIn(officer, DEMO.officer);
        await expectHeading(officer, 'Hello, Owen Price');
        await openSorting(officer);
        await officer.getByRole('table', { name: 'Where voices stand' }).waitFor();
        const count = (state: string) =>
          officer
            .getByRole('row', { name: new RegExp(`^${state}`) })
            .locator('td')
            .last()
            .innerText();
        // One raised concern, one personal case: too few to show.
        expect(await count("Raised with the council's safeguarding team")).toBe('fewer than 5');
        expect(await count('Personal case for casework')).toBe('fewer than 5');
        expect(Number(await count('Design input, not yet sorted'))).toBeGreaterThanOrEqual(5);
        const seen = await officer.locator('main').innerText();
        for (const hidden of [DISCLOSURE, 'pension', PERSONAL_CASE, LETTER, '07700'])
          expect(seen, hidden).not.toContain(hidden);
        expect(await officer.locator('main a[href*="/sorting/voices/"]').count()).toBe(0);
        await expectNoAxeViolations(officer);

        const casework = await officer.request.get(
          `${new URL(officer.url()).pathname.replace(/\/sorting$/, '')}/casework.csv`,
        );
        expect(casework.status()).toBe(403);
      });
    },
  );
}
