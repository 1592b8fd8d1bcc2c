import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LISTENING, startListening } from '../test/listening-engagement.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  scrollWidth,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const WORDS = 'My daughter helped me. The carers came on the first day.';

/** Answers the first question, with the least a person must give, and sends it. */
async function answerAndSend(page: Page, engagementId: string): Promise<void> {
  await page.goto(`/take-part/${engagementId}/answer`);
  await page.getByLabel('I use care and support', { exact: true }).check();
  await page.getByLabel(LISTENING.questions[0].questionPlain).fill(WORDS);
  await page.getByLabel('I agree that you can use what I said').check();
  await page.getByLabel('No, do not quote my words').check();
  await page.getByLabel('No, thank you').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expectHeading(page, 'Your answers have been sent');
}

describe.skipIf(skipBrowserTests)(
  `A participant takes part without an account (${browserLabel})`,
  { timeout: 300_000 },
  () => {
    const heard = useHeard();

    for (const javaScriptEnabled of [false, true]) {
      it(`reads the Easy Read page, answers, keeps a code, comes back and withdraws, JavaScript ${
        javaScriptEnabled ? 'on' : 'off'
      }, every page passing axe`, async () => {
        const engagement = await startListening(heard().heard.db);
        const page = await heard().newPage({ javaScriptEnabled });

        await page.goto('/take-part');
        await expectHeading(page, 'Have your say');
        await expectNoAxeViolations(page);

        await page.getByRole('link', { name: engagement.title }).click();
        await expectHeading(page, engagement.title);
        await expectNoAxeViolations(page);

        await page.getByRole('link', { name: 'Easy Read', exact: true }).click();
        await page.getByText(LISTENING.purposeEasyRead).waitFor();
        expect(await page.getByText(LISTENING.purposePlain).count()).toBe(0);
        await page.getByText('If you are in danger now, call 999.').waitFor();
        await expectNoAxeViolations(page);

        await page.getByRole('button', { name: 'Answer the questions' }).click();
        await expectHeading(page, 'Answer the questions');
        await expectNoAxeViolations(page);

        // Continue with nothing chosen: every problem is listed and shown beside its field.
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
        expect(await page.title()).toMatch(/^Error: /);
        await expectNoAxeViolations(page);

        await page.getByLabel('I care for a family member or friend').check();
        await page.getByLabel(LISTENING.questions[0].questionEasyRead).fill(WORDS);
        await page.getByLabel('I agree that you can use what I said').check();
        await page.getByLabel('Yes, you can quote my words').check();
        if (javaScriptEnabled) {
          // With JavaScript the number box is revealed once its choice is made.
          await page.getByLabel('By text message').check();
          await page.getByLabel('Mobile phone number').fill('07700 900 982');
        } else {
          await page.getByLabel('By email').check();
          await page.getByLabel('Email address').fill('carer@example.org');
        }
        await page.getByRole('button', { name: 'Continue' }).click();

        await expectHeading(page, 'Check your answers before you send them');
        await page.getByText(WORDS).waitFor();
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: 'Send' }).click();

        await expectHeading(page, 'Your answers have been sent');
        const code = (await page.locator('.heard-reference-code').innerText()).trim();
        expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
        expect(page.url()).not.toContain(code);
        await expectNoAxeViolations(page);

        // The optional questions about them: a mistyped age is said plainly, then saved.
        await page.getByRole('link', { name: 'Answer some questions about you' }).click();
        await expectHeading(page, 'About you');
        await expectNoAxeViolations(page);
        await page.getByLabel('How old are you?').fill('sixty');
        await page
          .getByRole('group', { name: 'What is your ethnic group?' })
          .getByLabel('Mixed or multiple ethnic groups')
          .check();
        await page.getByRole('button', { name: 'Save my answers' }).click();
        await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
        expect(
          await page
            .getByRole('group', { name: 'What is your ethnic group?' })
            .getByLabel('Mixed or multiple ethnic groups')
            .isChecked(),
        ).toBe(true);
        await expectNoAxeViolations(page);
        await page.getByLabel('How old are you?').fill('60');
        await page
          .getByRole('group', { name: /look after or help anyone/ })
          .getByLabel('I prefer not to say')
          .check();
        await page.getByRole('button', { name: 'Save my answers' }).click();
        await expectHeading(page, 'Thank you');
        await expectNoAxeViolations(page);

        // Later, in a new browser: the code is all they need.
        const later = await heard().newPage({ javaScriptEnabled });
        await later.goto('/take-part');
        await later
          .getByRole('link', { name: 'Use your reference code to see or change what you said' })
          .click();
        await expectHeading(later, 'Come back to your answers');
        await expectNoAxeViolations(later);
        await later.getByLabel('Your reference code').fill(code.toLowerCase());
        await later.getByRole('button', { name: 'Continue' }).click();

        await expectHeading(later, 'What you said');
        await later.getByText(WORDS).waitFor();
        await later
          .getByText('You have answered some of the optional questions about you.')
          .waitFor();
        await expectNoAxeViolations(later);

        await later.getByRole('link', { name: 'Withdraw your answers' }).click();
        await expectHeading(later, 'Withdraw your answers');
        await later.getByText('The law says we must keep that record').waitFor();
        await expectNoAxeViolations(later);
        await later.getByRole('button', { name: 'Withdraw my answers' }).click();

        await expectHeading(later, 'You have withdrawn your answers');
        await expectNoAxeViolations(later);
        await later.goto('/your-answers');
        await expectHeading(later, 'Come back to your answers');
      });
    }

    it('fits the engagement page and the answer form on a 320 pixel wide screen', async () => {
      const engagement = await startListening(heard().heard.db);
      const page = await heard().newPage({ viewport: { width: 320, height: 640 } });

      for (const format of ['plain', 'easy-read']) {
        await page.goto(`/take-part/${engagement.id}?format=${format}`);
        await expectHeading(page, engagement.title);
        expect(await scrollWidth(page), `${format} engagement page`).toBeLessThanOrEqual(320);
        await page.goto(`/take-part/${engagement.id}/answer`);
        await expectHeading(page, 'Answer the questions');
        expect(await scrollWidth(page), `${format} answer form`).toBeLessThanOrEqual(320);
      }
      const answered = await heard().newPage({ viewport: { width: 320, height: 640 } });
      await answerAndSend(answered, engagement.id);
      await answered.goto(`/take-part/${engagement.id}/about-you`);
      await expectHeading(answered, 'About you');
      expect(await scrollWidth(answered), 'questions about you').toBeLessThanOrEqual(320);
    });
  },
);
