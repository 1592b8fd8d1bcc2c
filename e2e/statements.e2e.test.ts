import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import { startListening } from '../test/listening-engagement.ts';
import { newId } from '../src/platform/db/ids.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const SEEDED = [
  'Letters from the council should use plain words.',
  'I knew who to ring when I got home from hospital.',
  'Carers should be asked before a discharge date is set.',
];
const EASY_READ = 'Letters should use easy words.';
const OWN = 'There should be a phone line open at weekends.';
const NAMES_SOMEONE = 'Dr Smith on ward 4 never listens.';
const REASON = 'It names a member of staff. Please say what should change instead.';

const QUESTION = {
  questionPlain: 'Do you agree or disagree with what other people said about leaving hospital?',
  questionEasyRead: 'Do you agree with other people?',
  influences: 'Which changes to leaving hospital come first.',
};
const POLIS = fileURLToPath(
  new URL('../test/fixtures/polis/london.youth.policing', import.meta.url),
);

/** From the engagement's overview, the lead adds the statements question. */
async function addStatementsQuestion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add a question' }).click();
  await expectHeading(page, 'Add a question');
  await expectNoAxeViolations(page);
  await page.getByLabel('Statements people agree or disagree with').check();
  await page.getByLabel('The question, in plain English').fill(QUESTION.questionPlain);
  await page.getByLabel('The question, in Easy Read').fill(QUESTION.questionEasyRead);
  await page.getByLabel('What answers to this question can change').fill(QUESTION.influences);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Question saved.').waitFor();
}

/** The link to moderate one statement: its words are there for screen readers, not on screen. */
const moderateLink = (text: string): RegExp =>
  new RegExp(`^Approve or reject\\W+${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\W*$`);

/** The lead adds a statement from the engagement's statements page. */
async function addStatement(page: Page, text: string, easyRead = ''): Promise<void> {
  await page.getByRole('button', { name: 'Add a statement' }).click();
  await expectHeading(page, 'Add a statement');
  await page.getByLabel('Statement', { exact: true }).fill(text);
  if (easyRead !== '') await page.getByLabel('Easy Read wording (optional)').fill(easyRead);
  await page.getByRole('button', { name: 'Save statement' }).click();
  await page.getByText('The statement is shown for votes.').waitFor();
}

describe.skipIf(skipBrowserTests)(
  `Statements to agree or disagree with (${browserLabel})`,
  { timeout: 300_000 },
  () => {
    const heard = useHeard();

    for (const javaScriptEnabled of [false, true]) {
      it(`a lead seeds statements, a person votes on three and adds their own, the lead approves one and rejects one with a reason, JavaScript ${
        javaScriptEnabled ? 'on' : 'off'
      }, every page passing axe`, async () => {
        const engagement = await startListening(heard().heard.db);

        // The lead adds a question of statements to agree or disagree with, choosing its kind.
        const lead = await heard().newPage({ javaScriptEnabled });
        await signIn(lead, DEMO.lead);
        await lead.goto(`/engagements/${engagement.id}`);
        await addStatementsQuestion(lead);
        await expectNoAxeViolations(lead);
        await lead
          .getByText('Statements people agree or disagree with. Statements shown for votes: 0')
          .waitFor();

        // The lead seeds three statements from the engagement's overview.
        await lead.getByRole('link', { name: 'See and add its statements' }).click();
        await expectHeading(lead, 'Statements');
        await expectNoAxeViolations(lead);

        await lead.getByRole('button', { name: 'Add a statement' }).click();
        await expectHeading(lead, 'Add a statement');
        await expectNoAxeViolations(lead);
        await lead.getByRole('button', { name: 'Save statement' }).click();
        await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await lead.getByRole('link', { name: 'Enter the statement' }).waitFor();
        expect(await lead.title()).toMatch(/^Error: /);
        await expectNoAxeViolations(lead);
        await lead.getByLabel('Statement', { exact: true }).fill(SEEDED[0] ?? '');
        await lead.getByLabel('Easy Read wording (optional)').fill(EASY_READ);
        await lead.getByRole('button', { name: 'Save statement' }).click();
        await lead.getByText('The statement is shown for votes.').waitFor();
        await expectNoAxeViolations(lead);
        await addStatement(lead, SEEDED[1] ?? '');
        await addStatement(lead, SEEDED[2] ?? '');
        await lead.getByRole('heading', { name: 'Shown for votes (3)' }).waitFor();

        // A person finds the statements question beside the others on the public engagement page.
        const person = await heard().newPage({ javaScriptEnabled });
        await person.goto(`/take-part/${engagement.id}`);
        await person.getByText(QUESTION.questionPlain).waitFor();
        await expectNoAxeViolations(person);
        await person
          .getByRole('link', { name: 'Agree or disagree with what other people said' })
          .click();
        await expectHeading(person, 'Agree or disagree');
        await person.getByText(QUESTION.questionPlain).waitFor();
        await expectNoAxeViolations(person);
        await person.getByRole('button', { name: 'Start' }).click();
        await person
          .getByRole('link', { name: 'Choose the one that best describes you' })
          .waitFor();
        await expectNoAxeViolations(person);
        await person.getByLabel('I care for a family member or friend').check();
        await person.getByRole('button', { name: 'Start' }).click();

        // One statement at a time: its words are the buttons' group name, read with each.
        const shown: string[] = [];
        for (const [index, choice] of ['Agree', 'Disagree', 'Unsure'].entries()) {
          const group = person.getByRole('group', {
            name: new RegExp(`Statement ${index + 1} of 3`),
          });
          await group.waitFor();
          const name = (await group.locator('h2').innerText()).trim();
          expect(SEEDED).toContain(name);
          expect(shown).not.toContain(name);
          shown.push(name);
          await expectNoAxeViolations(person);
          const button = group.getByRole('button', { name: choice, exact: true });
          if (javaScriptEnabled) {
            // With the keyboard alone: the button takes focus and Enter presses it.
            await button.focus();
            await person.keyboard.press('Enter');
          } else {
            await button.click();
          }
          await person.waitForURL(`**/take-part/${engagement.id}/statements`);
        }
        await person.getByRole('heading', { name: 'You have voted on every statement' }).waitFor();
        await expectNoAxeViolations(person);

        // Easy Read words where the lead gave them.
        await person.getByRole('link', { name: 'Easy Read', exact: true }).click();
        await expectNoAxeViolations(person);
        await person.getByRole('link', { name: 'Plain English', exact: true }).click();

        // They add a statement of their own: empty first, then two.
        await person.getByRole('link', { name: 'Add your own statement' }).click();
        await expectHeading(person, 'Add your own statement');
        await expectNoAxeViolations(person);
        await person.getByRole('button', { name: 'Send your statement' }).click();
        await person.getByRole('link', { name: 'Write your statement' }).waitFor();
        await expectNoAxeViolations(person);
        await person.getByLabel('Your statement').fill(OWN);
        await person.getByRole('button', { name: 'Send your statement' }).click();
        await person
          .getByText('Thank you. We will check your statement before other people see it.')
          .waitFor();
        await expectNoAxeViolations(person);
        await person.getByRole('link', { name: 'Add your own statement' }).click();
        await person.getByLabel('Your statement').fill(NAMES_SOMEONE);
        await person.getByRole('button', { name: 'Send your statement' }).click();
        await person.getByRole('link', { name: 'See the statements you added' }).click();
        await expectHeading(person, 'Statements you added');
        expect(await person.getByText('We have not checked it yet.').count()).toBe(2);
        await expectNoAxeViolations(person);

        // The lead approves the first and rejects the second, with a reason.
        await lead.goto(`/engagements/${engagement.id}/statements`);
        await lead.getByRole('heading', { name: 'Waiting to be checked (2)' }).waitFor();
        await expectNoAxeViolations(lead);
        await lead.getByRole('link', { name: moderateLink(OWN) }).click();
        await expectHeading(lead, 'Approve or reject a statement');
        await expectNoAxeViolations(lead);
        await lead.getByLabel('Approve', { exact: true }).check();
        await lead.getByRole('button', { name: 'Save decision' }).click();
        await lead.getByText('The statement is shown for votes.').waitFor();

        await lead.getByRole('link', { name: moderateLink(NAMES_SOMEONE) }).click();
        await lead.getByLabel('Reject', { exact: true }).check();
        await lead.getByRole('button', { name: 'Save decision' }).click();
        await lead
          .getByRole('link', { name: 'Give a reason for rejecting: the author will read it' })
          .waitFor();
        await expectNoAxeViolations(lead);
        await lead.getByLabel('Reason for rejecting').fill(REASON);
        await lead.getByRole('button', { name: 'Save decision' }).click();
        await lead
          .getByText('The statement is not shown. Its author can see your reason.')
          .waitFor();
        await lead.getByRole('heading', { name: 'Shown for votes (4)' }).waitFor();
        await expectNoAxeViolations(lead);

        // The person sees what happened, and why, and can vote on their approved statement.
        await person.reload();
        await person.getByText('Other people can now vote on it.').waitFor();
        await person.getByText(`Why: ${REASON}`).waitFor();
        await expectNoAxeViolations(person);
        await person.getByRole('link', { name: 'Go back to voting' }).click();
        const last = person.getByRole('group', { name: /Statement 4 of 4/ });
        await last.getByRole('heading', { name: OWN }).waitFor();
      });
    }

    // A staff journey: with JavaScript off only (see e2e/README.md).
    const javaScriptEnabled = false;
    it('the lead imports a Polis conversation from its CSV files, faults named on the page, JavaScript off, every page passing axe', async () => {
      const engagement = await startListening(heard().heard.db);
      const lead = await heard().newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await lead.goto(`/engagements/${engagement.id}/statements`);
      await lead.getByRole('button', { name: 'Import a Polis conversation' }).click();
      await expectHeading(lead, 'Import a Polis conversation');
      await expectNoAxeViolations(lead);

      // Nothing chosen: each file is asked for, in the error summary and by its box.
      await lead.getByRole('button', { name: 'Import the conversation' }).click();
      await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await lead.getByRole('link', { name: 'Choose the comments.csv file' }).waitFor();
      expect(await lead.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(lead);

      // The votes file in the comments box: the fault is named by file and line.
      await lead.getByLabel('Statements (comments.csv)').setInputFiles(join(POLIS, 'votes.csv'));
      await lead
        .getByLabel('Votes (votes.csv or participants-votes.csv)')
        .setInputFiles(join(POLIS, 'votes.csv'));
      await lead.getByLabel('Professionals in health and care').check();
      await lead.getByRole('button', { name: 'Import the conversation' }).click();
      await lead
        .getByRole('link', { name: /Nothing was imported\. votes\.csv, line 1: missing column/ })
        .waitFor();
      expect(await lead.getByLabel('Professionals in health and care').isChecked()).toBe(true);
      await expectNoAxeViolations(lead);

      await lead.getByLabel('Statements (comments.csv)').setInputFiles(join(POLIS, 'comments.csv'));
      await lead
        .getByLabel('Votes (votes.csv or participants-votes.csv)')
        .setInputFiles(join(POLIS, 'votes.csv'));
      await lead.getByRole('button', { name: 'Import the conversation' }).click();
      await lead.getByText('The Polis conversation is imported').waitFor();
      await lead.getByRole('heading', { name: /^Shown for votes \(\d+\)$/ }).waitFor();
      await expectNoAxeViolations(lead);
    });

    it('an advocate records a person’s votes in a session, every page passing axe', async () => {
      const { db } = heard().heard;
      const engagement = await startListening(db);
      const lead = await heard().newPage();
      await signIn(lead, DEMO.lead);
      await lead.goto(`/engagements/${engagement.id}/statements`);
      await addStatement(lead, SEEDED[0] ?? '');

      const advocateId = (
        await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', DEMO.advocate)
          .executeTakeFirstOrThrow()
      ).id;
      const sessionId = newId();
      await db
        .insertInto('listening_sessions')
        .values({
          id: sessionId,
          engagement_id: engagement.id,
          kind: 'group',
          held_on: '2026-11-20',
          place: 'Eastvale Library',
          attendance: JSON.stringify({ lived_experience: 6 }),
          notes: '',
          advocate_id: advocateId,
          created_at: '2026-11-26T09:00:00.000Z',
        })
        .execute();

      const advocate = await heard().newPage();
      await signIn(advocate, DEMO.advocate);
      await advocate.goto(`/engagements/${engagement.id}/statements`);
      await advocate
        .getByRole('link', { name: /^Record votes in Group, 20 November 2026/ })
        .click();
      await expectHeading(advocate, "Record someone's votes");
      await expectNoAxeViolations(advocate);
      await advocate.getByRole('button', { name: 'Start recording votes' }).click();
      await advocate.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(advocate);
      await advocate.getByLabel('I use care and support').check();
      await advocate.getByLabel('The person agreed that we can use their votes').check();
      await advocate.getByLabel('Spoken').check();
      await advocate.getByRole('button', { name: 'Start recording votes' }).click();
      await expectHeading(advocate, 'Record their votes');
      await expectNoAxeViolations(advocate);
      await advocate.getByRole('button', { name: 'Agree', exact: true }).click();
      await advocate.getByRole('heading', { name: 'They have voted on every statement' }).waitFor();
      await expectNoAxeViolations(advocate);
      const votes = await db
        .selectFrom('statement_votes')
        .selectAll()
        .where('session_id', '=', sessionId)
        .execute();
      expect(votes.map((vote) => [vote.value, vote.recorded_by_id])).toEqual([[1, advocateId]]);
    });
  },
);
