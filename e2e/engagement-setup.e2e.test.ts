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

describe.skipIf(skipBrowserTests)(
  `An engagement is set up and its decision maker commits to listen (${browserLabel})`,
  { timeout: 180_000 },
  () => {
    const heard = useHeard();

    // A staff journey: with JavaScript off only (see e2e/README.md).
    const javaScriptEnabled = false;
    it('works with JavaScript off, every page passing axe', async () => {
      const title = 'Getting help at home';
      const lead = await heard().newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await expectHeading(lead, 'Hello, Lena Shah');

      await lead.getByRole('link', { name: 'Engagements', exact: true }).click();
      await expectHeading(lead, 'Engagements');
      await expectNoAxeViolations(lead);
      await lead.getByRole('button', { name: 'Start an engagement' }).click();
      await expectHeading(lead, 'Start an engagement');
      await expectNoAxeViolations(lead);

      await lead.getByRole('button', { name: 'Save' }).click();
      await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(lead);

      await lead.getByLabel('Title').fill(title);
      await lead
        .getByLabel('Council commissioning this engagement')
        .selectOption({ label: 'Northshire Council' });
      await lead
        .getByLabel('Purpose, in plain English')
        .fill('We want to know what makes help at home work well.');
      await lead.getByLabel('Purpose, in Easy Read').fill('Tell us about help at home.');
      await lead.getByLabel('Family carers').check();
      await lead.getByLabel('Safeguarding lead').selectOption({ label: 'Lena Shah' });
      await lead.getByLabel('Safeguarding deputy').selectOption({ label: 'Sam Reid' });
      await lead.getByRole('button', { name: 'Save' }).click();
      await expectHeading(lead, title);
      await expectNoAxeViolations(lead);
      const engagementPath = new URL(lead.url()).pathname;

      await lead.getByRole('button', { name: 'Add a question' }).click();
      await expectHeading(lead, 'Add a question');
      await expectNoAxeViolations(lead);
      await lead.getByLabel('A question people answer in their own words').check();
      await lead.getByLabel('The question, in plain English').fill('What makes a good visit?');
      await lead.getByLabel('The question, in Easy Read').fill('What makes a visit good?');
      await lead
        .getByLabel('What answers to this question can change')
        .fill('How visits are planned.');
      await lead.getByRole('button', { name: 'Save' }).click();
      await expectHeading(lead, title);

      const director = await heard().newPage({ javaScriptEnabled });
      await signIn(director, DEMO.decisionMaker);
      await director.goto(engagementPath);
      await director.getByRole('button', { name: 'Sign the commitment' }).click();
      await expectHeading(director, 'Sign the commitment');
      await expectNoAxeViolations(director);
      await director
        .getByLabel('Your commitment')
        .fill('I will listen to carers and change how visits are planned where we can.');
      await director.getByLabel('Day').fill('1');
      await director.getByLabel('Month').fill('4');
      await director.getByLabel('Year').fill('2027');
      await director.getByLabel('Your job title').fill('Director of Adult Social Care');
      await director.getByRole('button', { name: 'Sign the commitment' }).click();
      await expectHeading(director, title);
      await director.getByText('Commitment signed.').waitFor();
      await expectNoAxeViolations(director);

      await lead.goto(engagementPath);
      await lead.getByRole('button', { name: 'Move to Listening' }).click();
      await lead.getByText('The engagement is now in the Listening phase.').waitFor();
      expect(await lead.getByRole('link', { name: 'See the public page' }).count()).toBe(1);
      await expectNoAxeViolations(lead);
    });
  },
);
