import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import { LISTENING, startListening } from '../test/listening-engagement.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const PAPER_FORMS = fileURLToPath(
  new URL('../test/fixtures/voices/paper-forms.csv', import.meta.url),
);

describe.skipIf(skipBrowserTests)(
  `Adding voices from a spreadsheet (${browserLabel})`,
  { timeout: 240_000 },
  () => {
    const heard = useHeard();

    // A staff journey: with JavaScript off only (see e2e/README.md).
    const javaScriptEnabled = false;
    it('an advocate adds paper forms from a CSV file, a fault named on the page, JavaScript off, every page passing axe', async () => {
      const engagement = await startListening(heard().heard.db);
      const advocate = await heard().newPage({ javaScriptEnabled });
      await signIn(advocate, DEMO.advocate);
      await advocate.goto(`/engagements/${engagement.id}/voices`);
      await advocate.getByRole('button', { name: 'Add voices from a spreadsheet' }).click();
      await expectHeading(advocate, 'Add voices from a spreadsheet');
      await expectNoAxeViolations(advocate);

      // A column name that is not in the file: the fault is named, what was typed is kept.
      await advocate.getByLabel('The CSV file').setInputFiles(PAPER_FORMS);
      await advocate.getByLabel(LISTENING.questions[0].questionPlain).check();
      await advocate.getByLabel("Name of the column with people's words").fill('what_changed');
      await advocate.getByLabel('A column says whether each person agreed').check();
      await advocate
        .getByLabel('Name of the column saying whether each person agreed', { exact: true })
        .fill('consent');
      await advocate.getByLabel(/agreed to be quoted/).fill('quote');
      await advocate.getByLabel(/each form's own number/).fill('form');
      await advocate.getByLabel('A column says this for each person').check();
      await advocate.getByLabel('Name of the column saying who each person is').fill('perspective');
      await advocate.getByRole('button', { name: 'Add the voices' }).click();
      await advocate
        .getByRole('link', {
          name: /No voices were added\. paper-forms\.csv, line 1: missing column "what_changed"/,
        })
        .waitFor();
      expect(await advocate.title()).toMatch(/^Error: /);
      expect(await advocate.getByLabel("Name of the column with people's words").inputValue()).toBe(
        'what_changed',
      );
      expect(await advocate.getByLabel('A column says this for each person').isChecked()).toBe(
        true,
      );
      await expectNoAxeViolations(advocate);

      await advocate.getByLabel('The CSV file').setInputFiles(PAPER_FORMS);
      await advocate.getByLabel("Name of the column with people's words").fill('what_helped');
      await advocate.getByRole('button', { name: 'Add the voices' }).click();
      await advocate.getByText('Voices added: 4').waitFor();
      await advocate
        .getByText('Not added because the person did not agree to their words being used: 1')
        .waitFor();
      await advocate.getByText(/Voices that may be a safeguarding concern: 1\./).waitFor();
      await expectHeading(advocate, 'Voices');
      await expectNoAxeViolations(advocate);
    });
  },
);
