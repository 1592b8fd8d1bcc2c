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

const ENGAGEMENT = 'What should people expect when they ask us for help?';
const LIST = 'Recommendations, responses and actions';
const ASKED = [
  {
    plain: 'Ring people back within two working days when they ask for help.',
    easyRead: 'Call people back fast.',
  },
  {
    plain: 'Open the day centre on Saturdays.',
    easyRead: 'Day centre open on Saturday.',
  },
] as const;
const CHALLENGE = 'This does not answer what people said about being alone at weekends.';
const NOT_UPHELD = 'Not upheld: the response stands, for the reasons given';
const UPHELD = 'Upheld: the challenge is right, and the response will change';
const UPHELD_CHALLENGE = 'A monthly check will not get people a call back within two days.';
const REVISED = {
  plain: 'We will check every call-back each week and publish the figures.',
  easyRead: 'We will check every week. We will show you the numbers.',
};
const REPLY = 'We will ask community groups to open on Saturdays, and report back in March.';

/** From the staff home, through the engagement's overview, to its recommendations. */
async function openResponses(page: Page): Promise<void> {
  await page.getByRole('link', { name: ENGAGEMENT, exact: true }).click();
  await expectHeading(page, ENGAGEMENT);
  await page.getByRole('link', { name: LIST, exact: true }).click();
  await expectHeading(page, LIST);
}

/** The lead moves the engagement on a phase from its overview, and comes back to the list. */
async function moveTo(page: Page, phase: string): Promise<void> {
  await page.getByRole('link', { name: 'Back' }).click();
  await expectHeading(page, ENGAGEMENT);
  await page.getByRole('button', { name: `Move to ${phase}` }).click();
  await page.getByText(`The engagement is now in the ${phase} phase.`).waitFor();
  await page.getByRole('link', { name: LIST, exact: true }).click();
  await expectHeading(page, LIST);
}

async function openRecommendation(page: Page, number: number): Promise<void> {
  await page.getByRole('link', { name: `Open (Recommendation ${number})` }).click();
  await expectHeading(page, `Recommendation ${number}`);
}

async function answer(
  page: Page,
  decision: string,
  reasons: { plain: string; easyRead: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Answer this recommendation' }).click();
  await page.getByRole('heading', { level: 1, name: /^Answer recommendation/ }).waitFor();
  await answerForm(page, decision, reasons);
  await page.getByText('Response published.').waitFor();
}

/** Fills in and publishes an answer, or a revised one. */
async function answerForm(
  page: Page,
  decision: string,
  reasons: { plain: string; easyRead: string },
): Promise<void> {
  await page.getByLabel(decision, { exact: true }).check();
  await page.getByLabel('Your reasons, in plain English').fill(reasons.plain);
  await page.getByLabel('Your reasons, in Easy Read').fill(reasons.easyRead);
  await page.getByRole('button', { name: 'Publish the response' }).click();
}

// A staff journey: with JavaScript off only (see e2e/README.md).
const javaScriptEnabled = false;
const js = 'JavaScript off';

// Each run has Heard of its own: recommendations are sent and answered only once.
describe.skipIf(skipBrowserTests)(
  `Recommendations answered, acted on and challenged, ${js}, every page passing axe (${browserLabel})`,
  { timeout: 240_000 },
  () => {
    const heard = useHeard();

    it('the lead sends two, the decision maker answers both, an officer adds a file as evidence, challenges are answered (one with a revised answer), and once closed the answer form refuses to open', async () => {
      const lead = await heard().newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await expectHeading(lead, 'Hello, Lena Shah');
      await openResponses(lead);
      await expectNoAxeViolations(lead);

      for (const [index, asked] of ASKED.entries()) {
        await lead.getByRole('button', { name: 'Write a recommendation' }).click();
        await expectHeading(lead, 'Write a recommendation');
        await expectNoAxeViolations(lead);
        if (index === 0) {
          // Nothing typed: the problems are listed, each linked to its field.
          await lead.getByRole('button', { name: 'Save as a draft' }).click();
          await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
          await expectNoAxeViolations(lead);
        }
        await lead.getByLabel('What people asked for, in plain English').fill(asked.plain);
        await lead.getByLabel('What people asked for, in Easy Read').fill(asked.easyRead);
        if (index === 0) {
          await lead
            .getByRole('group', { name: /Quotes behind it/ })
            .getByRole('checkbox')
            .first()
            .check();
        }
        await lead.getByRole('button', { name: 'Save as a draft' }).click();
        await expectHeading(lead, `Recommendation ${index + 1}`);
        await lead.getByText('Recommendation saved as a draft.').waitFor();
        await expectNoAxeViolations(lead);
        await lead.getByRole('link', { name: 'Back' }).click();
        await expectHeading(lead, LIST);
      }
      // Still listening: the page says sending waits for the synthesis or response phase.
      await lead
        .getByText(
          /Recommendations can be sent only when the engagement is at the synthesis or response stage/,
        )
        .waitFor();
      await moveTo(lead, 'Making sense of what we heard');
      await lead.getByRole('button', { name: 'Send the drafts to the decision maker' }).click();
      await lead.getByText('2 recommendations sent to the decision maker.').waitFor();
      await expectNoAxeViolations(lead);
      await moveTo(lead, 'Waiting for a response');

      const director = await heard().newPage({ javaScriptEnabled });
      await signIn(director, DEMO.decisionMaker);
      await expectHeading(director, 'Hello, Dee Morgan');
      const banner = director.getByRole('region', { name: 'Important' });
      await banner.getByText("People's recommendations are waiting for your answer").waitFor();
      await expectNoAxeViolations(director);
      await banner.getByRole('link', { name: new RegExp(ENGAGEMENT.replace('?', '\\?')) }).click();
      await expectHeading(director, LIST);

      await openRecommendation(director, 1);
      expect(await director.getByText(ASKED[0].plain).count()).toBe(1);
      await expectNoAxeViolations(director);
      await director.getByRole('button', { name: 'Answer this recommendation' }).click();
      await expectHeading(director, 'Answer recommendation 1');
      await expectNoAxeViolations(director);
      // Publishing without reasons is refused, and the decision is kept.
      await director.getByLabel('Adopt', { exact: true }).check();
      await director.getByRole('button', { name: 'Publish the response' }).click();
      await director.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await director.getByLabel('Adopt', { exact: true }).isChecked()).toBe(true);
      await expectNoAxeViolations(director);
      await director
        .getByLabel('Your reasons, in plain English')
        .fill('We will promise to ring back within two working days, and check it every month.');
      await director
        .getByLabel('Your reasons, in Easy Read')
        .fill('We will call you back in 2 days.');
      await director.getByRole('button', { name: 'Publish the response' }).click();
      await director.getByText('Response published.').waitFor();
      await expectNoAxeViolations(director);

      await director.getByRole('button', { name: 'Add an action' }).click();
      await expectHeading(director, 'Add an action to recommendation 1');
      await expectNoAxeViolations(director);
      await director
        .getByLabel('What will be done')
        .fill('Publish the call-back promise on the council website');
      await director.getByLabel('Who owns it').selectOption({ label: 'Owen Price' });
      await director.getByLabel('Day').fill('15');
      await director.getByLabel('Month').fill('1');
      await director.getByLabel('Year').fill('2027');
      await director.getByRole('button', { name: 'Add the action' }).click();
      await director.getByText('Action added.').waitFor();
      await director.getByText('0 of 1 actions done').waitFor();
      await expectNoAxeViolations(director);

      await director.getByRole('link', { name: 'Back' }).click();
      await expectHeading(director, LIST);
      await openRecommendation(director, 2);
      await answer(director, 'Not now', {
        plain: 'There is no money for Saturday opening this year.',
        easyRead: 'No money for Saturdays this year.',
      });

      const advocate = await heard().newPage({ javaScriptEnabled });
      await signIn(advocate, DEMO.advocate);
      await expectHeading(advocate, 'Hello, Sam Reid');
      await openResponses(advocate);
      await openRecommendation(advocate, 2);
      await advocate.getByText('Answered: not now').first().waitFor();
      await expectNoAxeViolations(advocate);
      await advocate.getByRole('button', { name: 'Challenge this response' }).click();
      await expectHeading(advocate, 'Challenge the response to recommendation 2');
      await expectNoAxeViolations(advocate);
      await advocate.getByLabel('Why you are challenging it').fill(CHALLENGE);
      await advocate.getByRole('button', { name: 'Send the challenge' }).click();
      await advocate.getByText('Challenge sent. The decision maker must reply.').waitFor();
      await expectNoAxeViolations(advocate);

      await director.goto('/home');
      await director
        .getByRole('region', { name: 'Important' })
        .getByRole('link', { name: /1 challenges to reply to/ })
        .click();
      await expectHeading(director, LIST);
      await openRecommendation(director, 2);
      await director.getByRole('link', { name: /^Reply \(Challenge from Sam Reid/ }).click();
      await expectHeading(director, 'Reply to a challenge');
      await expectNoAxeViolations(director);
      await director.getByLabel('Your reply').fill(REPLY);
      await director.getByLabel(NOT_UPHELD, { exact: true }).check();
      await director.getByRole('button', { name: 'Send the reply' }).click();
      await director.getByText('Reply recorded.').waitFor();
      await expectNoAxeViolations(director);

      await advocate.reload();
      await advocate.getByText(REPLY).waitFor();
      expect(await advocate.getByText(CHALLENGE).count()).toBe(1);
      expect(await advocate.getByText(NOT_UPHELD, { exact: true }).count()).toBe(1);

      await advocate.getByRole('link', { name: 'Back' }).click();
      await advocate.getByRole('link', { name: 'See the accountability figures' }).click();
      await expectHeading(advocate, 'Accountability figures');
      await advocate.getByText('2 of 2 (100%)').waitFor();
      await expectNoAxeViolations(advocate);

      // An officer records progress with a file as evidence, in a form that needs no script.
      const officer = await heard().newPage({ javaScriptEnabled });
      await signIn(officer, DEMO.officer);
      await openResponses(officer);
      await openRecommendation(officer, 1);
      await officer.getByRole('link', { name: /^Record progress/ }).click();
      await expectHeading(officer, 'Record progress on an action');
      await expectNoAxeViolations(officer);
      await officer.getByLabel('Done', { exact: true }).check();
      await officer.getByLabel('What has happened').fill('The promise is on the website.');
      await officer.getByLabel('A file as evidence (optional)').setInputFiles({
        name: 'call-back promise.exe',
        mimeType: 'application/pdf',
        buffer: Buffer.from('MZ not a document'),
      });
      await officer.getByRole('button', { name: 'Save progress' }).click();
      await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await officer.getByLabel('What has happened').inputValue()).toBe(
        'The promise is on the website.',
      );
      await expectNoAxeViolations(officer);
      await officer.getByLabel('A file as evidence (optional)').setInputFiles({
        name: 'call-back promise.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
      });
      await officer.getByLabel(/Show the file to the public/).check();
      await officer.getByRole('button', { name: 'Save progress' }).click();
      await officer.getByText('Progress recorded.').waitFor();
      await officer
        .getByRole('link', { name: 'Download the evidence: call-back promise.pdf (1 KB)' })
        .waitFor();
      await expectNoAxeViolations(officer);

      // The advocate challenges the first answer; upheld, the decision maker revises it.
      await advocate.getByRole('link', { name: 'Back' }).click();
      await openRecommendation(advocate, 1);
      await advocate.getByRole('button', { name: 'Challenge this response' }).click();
      await advocate.getByLabel('Why you are challenging it').fill(UPHELD_CHALLENGE);
      await advocate.getByRole('button', { name: 'Send the challenge' }).click();
      await advocate.getByText('Challenge sent. The decision maker must reply.').waitFor();
      await director.goto('/home');
      await openResponses(director);
      await openRecommendation(director, 1);
      await director.getByRole('link', { name: /^Reply \(Challenge from Sam Reid/ }).click();
      await director.getByLabel('Your reply').fill('You are right.');
      await director.getByLabel(UPHELD, { exact: true }).check();
      await director.getByRole('button', { name: 'Send the reply' }).click();
      await director.getByText('Reply recorded.').waitFor();
      await director.getByText('Revised answer due').first().waitFor();
      await expectNoAxeViolations(director);
      await director.getByRole('link', { name: /^Give a revised answer/ }).click();
      await expectHeading(director, 'Give a revised answer to recommendation 1');
      await expectNoAxeViolations(director);
      await answerForm(director, 'Adapt', REVISED);
      await director.getByText('Revised answer published.').waitFor();
      await director.getByText(REVISED.plain).waitFor();
      await expectNoAxeViolations(director);

      // Once the engagement is closed, the answer form refuses to open and says why.
      const recommendation = new URL(director.url()).pathname;
      await moveTo(lead, 'Telling people what changed');
      await moveTo(lead, 'Closed');
      await director.goto(`${recommendation}/answer`);
      await expectHeading(director, 'This could not be saved');
      await expectNoAxeViolations(director);
      await director.getByRole('link', { name: /recommendation 1/i }).click();
      await expectHeading(director, 'Recommendation 1');
    });
  },
);
