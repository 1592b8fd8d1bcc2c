import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../test/app.ts';
import { testDatabases } from '../test/databases.ts';
import {
  LISTENING,
  type ListeningEngagement,
  startListening,
} from '../test/listening-engagement.ts';
import { type MailWorker, startMailWorker } from '../src/platform/mail/mail-worker.ts';
import {
  type ReceivedMail,
  type TestSmtpServer,
  startTestSmtpServer,
} from '../src/platform/mail/test-smtp-server.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

// Issue 7's "Done when": the whole loop, from people asking to be told to being told, through
// Heard's own pages. Each database gets a Heard, an SMTP server and a mail worker of its own.

const PEOPLE = {
  email: {
    address: 'ruth@people.example',
    words: 'A phone call the week after coming home would help everyone.',
  },
  post: {
    address: '12 Mill Lane\nNorthtown\nNT1 2AB',
    words: 'Shopping for food before people come home would make a big difference.',
  },
  postEasyRead: {
    address: '3 Church Row\nEastvale\nEV4 9XY',
    words: 'I did not know who to call.',
  },
  advocate: { words: 'My key safe was not fitted, so the carers could not get in.' },
} as const;

const RECOMMENDATIONS = [
  {
    decision: 'Adopt',
    askedPlain: 'Ring people back within two working days of leaving hospital.',
    askedEasyRead: 'Call people back 2 days after hospital.',
    reasonsPlain: 'We will promise a call within two working days and check it every month.',
    reasonsEasyRead: 'We will call you within 2 days.',
    decisionPlain: 'We will do this.',
    decisionEasyRead: 'Yes. We will do this.',
    action: 'Start a call-back service for everyone leaving hospital',
    due: ['15', '1', '2027'],
    dueText: '15 January 2027',
  },
  {
    decision: 'Adapt',
    askedPlain: 'Make sure there is food in the house on the day people come home.',
    askedEasyRead: 'Have food at home when you get back.',
    reasonsPlain:
      'We cannot shop for everyone, but carers will check the fridge on the first visit.',
    reasonsEasyRead: 'Carers will check you have food.',
    decisionPlain: 'We will do this in a different way.',
    decisionEasyRead: 'Yes. But we will do it in a different way.',
    action: 'Add a food check to the first home visit',
    due: ['1', '2', '2027'],
    dueText: '1 February 2027',
  },
  {
    decision: 'Explore',
    askedPlain: 'Fit key safes before people leave hospital.',
    askedEasyRead: 'Fit a key safe before you come home.',
    reasonsPlain: 'We need to find out how many people wait for a key safe before we decide.',
    reasonsEasyRead: 'We will find out more first.',
    decisionPlain: 'We will look into this before we decide.',
    decisionEasyRead: 'Maybe. We need to find out more first.',
    action: 'Count how long people wait for a key safe',
    due: ['31', '3', '2027'],
    dueText: '31 March 2027',
  },
  {
    decision: 'Not now',
    askedPlain: 'Give everyone one named person to call after hospital.',
    askedEasyRead: 'One person to call after hospital.',
    reasonsPlain: 'We do not have the staff for this now. We will look again next year.',
    reasonsEasyRead: 'We do not have the staff now.',
    decisionPlain: 'We will not do this now.',
    decisionEasyRead: 'No. Not now.',
    action: 'Put the named contact idea in next year’s budget plan',
    due: ['30', '6', '2027'],
    dueText: '30 June 2027',
  },
] as const;

const CHALLENGE =
  'People said they did not know who to call. A phone number on a leaflet is not enough.';
const REPLY = 'We will print the team’s direct number on every discharge letter from January.';
const PROGRESS =
  'The call-back service started on 1 December. Twelve people were rung back in its first week.';
const STAFF_PAGE = 'You said, we did';

/** An email the test's SMTP server took, once the mail worker has sent it. */
async function mailTo(
  smtp: TestSmtpServer,
  address: string,
  subject: string,
): Promise<ReceivedMail> {
  return vi.waitFor(
    () => {
      const mail = smtp.received.find((m) => m.to.includes(address) && m.subject === subject);
      if (mail === undefined) throw new Error(`No email to ${address}: ${subject}`);
      return mail;
    },
    { timeout: 20_000, interval: 200 },
  );
}

/** Waits for the page with this main heading, and runs axe on it: every page the journey visits. */
async function arrive(page: Page, heading: string): Promise<void> {
  await expectHeading(page, heading);
  await expectNoAxeViolations(page);
}

/** A member of the public answers on the public pages and asks to be told, by email or post. */
async function takePart(
  page: Page,
  engagement: ListeningEngagement,
  person: { easyRead: boolean; words: string; route: 'By email' | 'By post'; detail: string },
): Promise<void> {
  await page.goto('/take-part');
  await arrive(page, 'Have your say');
  await page.getByRole('link', { name: engagement.title, exact: true }).click();
  await arrive(page, engagement.title);
  if (person.easyRead) {
    await page.getByRole('link', { name: 'Easy Read', exact: true }).click();
    await page.getByText(LISTENING.purposeEasyRead).waitFor();
    await expectNoAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Answer the questions' }).click();
  await arrive(page, 'Answer the questions');
  await page.getByLabel('I use care and support').check();
  const question = LISTENING.questions[0];
  await page
    .getByLabel(person.easyRead ? question.questionEasyRead : question.questionPlain)
    .fill(person.words);
  await page.getByLabel('I agree that you can use what I said').check();
  await page.getByLabel('Yes, you can quote my words').check();
  await page.getByLabel(person.route).check();
  await page
    .getByLabel(person.route === 'By email' ? 'Email address' : 'Postal address')
    .fill(person.detail);
  // The box for the address shows once its route is chosen.
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await arrive(page, 'Check your answers before you send them');
  await page.getByRole('button', { name: 'Send' }).click();
  await arrive(page, 'Your answers have been sent');
}

/** An advocate records a session and a person who wants to be told through them. */
async function captureThroughAdvocate(page: Page, engagement: ListeningEngagement): Promise<void> {
  await page.getByRole('link', { name: engagement.title, exact: true }).click();
  await arrive(page, engagement.title);
  await page.getByRole('link', { name: 'Sessions and voices recorded by advocates' }).click();
  await arrive(page, 'Sessions');
  await page.getByRole('button', { name: 'Record a session' }).click();
  await arrive(page, 'Record a session');
  await page.getByLabel('Drop-in').check();
  await page.getByLabel('Day').fill('20');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('Where was it held?').fill('Eastvale Library');
  await page.getByLabel('People who use care and support').fill('6');
  await page.getByRole('button', { name: 'Save session' }).click();
  await arrive(page, 'Drop-in, 20 November 2026, Eastvale Library');
  await page.getByRole('button', { name: 'Add a voice' }).click();
  await arrive(page, 'Add what someone said');
  await page.getByLabel(LISTENING.questions[0].questionPlain).check();
  await page.getByLabel('What they said', { exact: true }).fill(PEOPLE.advocate.words);
  await page.getByLabel('Their words, as they said them').check();
  await page.getByLabel('Someone who uses care and support').check();
  await page.getByLabel('Wrote down their words').check();
  await page.getByLabel("The person's own view").check();
  await page.getByLabel('Yes, they agreed we can use what they said').check();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Spoken').check();
  await page.getByLabel('Through an advocate').check();
  await page.getByRole('button', { name: 'Save voice' }).click();
  await page.getByText('Voice saved.').waitFor();
  await expectNoAxeViolations(page);
}

/** The lead moves the engagement on from its overview, as the engagement page offers. */
async function moveTo(page: Page, engagement: ListeningEngagement, phase: string): Promise<void> {
  await page.goto(`/engagements/${engagement.id}`);
  await arrive(page, engagement.title);
  await page.getByRole('button', { name: `Move to ${phase}` }).click();
  await page.getByText(`The engagement is now in the ${phase} phase.`).waitFor();
  await expectNoAxeViolations(page);
}

async function openRecommendation(page: Page, number: number): Promise<void> {
  await page.getByRole('link', { name: `Open (Recommendation ${number})` }).click();
  await arrive(page, `Recommendation ${number}`);
}

async function openResponses(page: Page, engagement: ListeningEngagement): Promise<void> {
  await page.getByRole('link', { name: engagement.title, exact: true }).click();
  await arrive(page, engagement.title);
  await page.getByRole('link', { name: 'Recommendations, responses and actions' }).click();
  await arrive(page, 'Recommendations, responses and actions');
}

for (const database of testDatabases) {
  const skip = skipBrowserTests || database.skipReason !== undefined;

  describe.skipIf(skip)(
    `Acted upon: answered, acted on, challenged and told, on ${database.label} (${browserLabel})`,
    { timeout: 900_000 },
    () => {
      const heard = useHeard(database);
      let smtp: TestSmtpServer;
      let worker: MailWorker;

      // What `heard serve` starts with SMTP_URL set: the worker that sends the outbox.
      beforeAll(async () => {
        smtp = await startTestSmtpServer();
        worker = startMailWorker({
          db: heard().heard.db,
          mail: { smtpUrl: smtp.url, from: 'Heard <no-reply@heard.example>' },
          clock: heard().heard.clock,
          logger: pino({ level: 'silent' }),
          everyMs: 200,
        });
      });
      afterAll(async () => {
        await worker.stop();
        await smtp.close();
      });

      it('people ask to be told; the council answers, acts and is challenged; everyone who asked is told', async () => {
        const engagement = await startListening(heard().heard.db);

        // 1. People answer and ask to be told: by email, by post, by post in Easy Read (with
        //    JavaScript off), and through the advocate who heard them.
        await takePart(await heard().newPage(), engagement, {
          easyRead: false,
          words: PEOPLE.email.words,
          route: 'By email',
          detail: PEOPLE.email.address,
        });
        await takePart(await heard().newPage(), engagement, {
          easyRead: false,
          words: PEOPLE.post.words,
          route: 'By post',
          detail: PEOPLE.post.address,
        });
        await takePart(await heard().newPage({ javaScriptEnabled: false }), engagement, {
          easyRead: true,
          words: PEOPLE.postEasyRead.words,
          route: 'By post',
          detail: PEOPLE.postEasyRead.address,
        });
        const advocate = await heard().newPage();
        await advocate.goto('/sign-in');
        await arrive(advocate, 'Sign in');
        await signIn(advocate, DEMO.advocate);
        await arrive(advocate, 'Hello, Sam Reid');
        await captureThroughAdvocate(advocate, engagement);

        // 2. Listening ends; the lead writes four recommendations and sends them.
        const lead = await heard().newPage();
        await signIn(lead, DEMO.lead);
        await arrive(lead, 'Hello, Lena Shah');
        await moveTo(lead, engagement, 'Making sense of what we heard');
        await lead.getByRole('link', { name: 'Recommendations, responses and actions' }).click();
        await arrive(lead, 'Recommendations, responses and actions');
        for (const [index, recommendation] of RECOMMENDATIONS.entries()) {
          await lead.getByRole('button', { name: 'Write a recommendation' }).click();
          await arrive(lead, 'Write a recommendation');
          await lead
            .getByLabel('What people asked for, in plain English')
            .fill(recommendation.askedPlain);
          await lead
            .getByLabel('What people asked for, in Easy Read')
            .fill(recommendation.askedEasyRead);
          if (index === 0) {
            await lead.getByLabel(PEOPLE.email.words).check();
          }
          await lead.getByRole('button', { name: 'Save as a draft' }).click();
          await lead.getByText('Recommendation saved as a draft.').waitFor();
          await arrive(lead, `Recommendation ${index + 1}`);
          await lead.getByRole('link', { name: 'Back' }).click();
          await arrive(lead, 'Recommendations, responses and actions');
        }
        await lead.getByRole('button', { name: 'Send the drafts to the decision maker' }).click();
        await lead.getByText('4 recommendations sent to the decision maker.').waitFor();
        await expectNoAxeViolations(lead);
        // The decision maker is told by email as well as in Heard.
        await mailTo(smtp, DEMO.decisionMaker, 'Recommendations are waiting for your response');
        await moveTo(lead, engagement, 'Waiting for a response');

        // 3. The decision maker answers one of each kind, each with reasons and an action.
        const director = await heard().newPage();
        await signIn(director, DEMO.decisionMaker);
        await arrive(director, 'Hello, Dee Morgan');
        await director
          .getByRole('region', { name: 'Important' })
          .getByRole('link', { name: new RegExp(engagement.title) })
          .click();
        await arrive(director, 'Recommendations, responses and actions');
        for (const [index, recommendation] of RECOMMENDATIONS.entries()) {
          const number = index + 1;
          await openRecommendation(director, number);
          await director.getByRole('button', { name: 'Answer this recommendation' }).click();
          await arrive(director, `Answer recommendation ${number}`);
          await director.getByLabel(recommendation.decision, { exact: true }).check();
          await director
            .getByLabel('Your reasons, in plain English')
            .fill(recommendation.reasonsPlain);
          await director
            .getByLabel('Your reasons, in Easy Read')
            .fill(recommendation.reasonsEasyRead);
          await director.getByRole('button', { name: 'Publish the response' }).click();
          await director.getByText('Response published.').waitFor();
          await director.getByRole('button', { name: 'Add an action' }).click();
          await arrive(director, `Add an action to recommendation ${number}`);
          await director.getByLabel('What will be done').fill(recommendation.action);
          await director.getByLabel('Who owns it').selectOption({ label: 'Owen Price' });
          const [day, month, year] = recommendation.due;
          await director.getByLabel('Day').fill(day);
          await director.getByLabel('Month').fill(month);
          await director.getByLabel('Year').fill(year);
          await director.getByRole('button', { name: 'Add the action' }).click();
          await director.getByText('Action added.').waitFor();
          await director
            .getByText(`Answered: ${recommendation.decision.toLowerCase()}`)
            .first()
            .waitFor();
          const action = director.getByRole('heading', { name: 'Action 1' }).locator('../..');
          await action.getByText(recommendation.action).waitFor();
          await action.getByText('Owen Price', { exact: true }).waitFor();
          await action.getByText(recommendation.dueText, { exact: true }).waitFor();
          await expectNoAxeViolations(director);
          await director.getByRole('link', { name: 'Back' }).click();
          await arrive(director, 'Recommendations, responses and actions');
        }

        // 4. The advocate challenges the "not now", and the decision maker replies.
        await advocate.goto('/home');
        await openResponses(advocate, engagement);
        await openRecommendation(advocate, 4);
        await advocate.getByRole('button', { name: 'Challenge this response' }).click();
        await arrive(advocate, 'Challenge the response to recommendation 4');
        await advocate.getByLabel('Why you are challenging it').fill(CHALLENGE);
        await advocate.getByRole('button', { name: 'Send the challenge' }).click();
        await advocate.getByText('Challenge sent. The decision maker must reply.').waitFor();
        await expectNoAxeViolations(advocate);
        await mailTo(smtp, DEMO.decisionMaker, 'A response has been challenged');

        await director.goto('/home');
        await director
          .getByRole('region', { name: 'Important' })
          .getByRole('link', { name: /1 challenges to reply to/ })
          .click();
        await arrive(director, 'Recommendations, responses and actions');
        await openRecommendation(director, 4);
        await director.getByRole('link', { name: /^Reply \(Challenge from Sam Reid/ }).click();
        await arrive(director, 'Reply to a challenge');
        await director.getByLabel('Your reply').fill(REPLY);
        await director
          .getByLabel('Not upheld: the response stands, for the reasons given', { exact: true })
          .check();
        await director.getByRole('button', { name: 'Send the reply' }).click();
        await director.getByText('Reply recorded.').waitFor();
        await expectNoAxeViolations(director);

        // 5. The officer who owns the first action records it as done.
        const officer = await heard().newPage();
        await signIn(officer, DEMO.officer);
        await arrive(officer, 'Hello, Owen Price');
        await openResponses(officer, engagement);
        await openRecommendation(officer, 1);
        await officer.getByRole('link', { name: 'Record progress (Action 1)' }).click();
        await arrive(officer, 'Record progress on an action');
        await officer.getByLabel('Done', { exact: true }).check();
        await officer.getByLabel('What has happened').fill(PROGRESS);
        await officer.getByRole('button', { name: 'Save progress' }).click();
        await officer.getByText('Progress recorded.').waitFor();
        await officer.getByText('1 of 1 actions done').waitFor();
        await expectNoAxeViolations(officer);

        // 6. The lead moves on to telling people, and publishes "You said, we did".
        await moveTo(lead, engagement, 'Telling people what changed');
        await lead.getByRole('link', { name: 'Recommendations, responses and actions' }).click();
        await arrive(lead, 'Recommendations, responses and actions');
        await lead.getByRole('link', { name: 'You said, we did: publish and tell people' }).click();
        await arrive(lead, STAFF_PAGE);
        await lead.getByRole('button', { name: "Publish 'You said, we did'" }).click();
        // Four people asked to be told, each by their own route.
        await lead.getByText('The page is published. New notices: 4.').waitFor();
        await expectNoAxeViolations(lead);

        await lead.getByRole('link', { name: 'Open the public page' }).click();
        await arrive(lead, engagement.title);
        await lead.goBack();
        await expectHeading(lead, STAFF_PAGE);

        // 7. The person who asked by email gets one, with the page and a stop link that works.
        const email = await mailTo(
          smtp,
          PEOPLE.email.address,
          'What happened after you shared your views',
        );
        expect(email.text).not.toContain(PEOPLE.email.words);
        const pageLink = /https?:\/\/\S+\/you-said-we-did\/\S+/.exec(email.text)?.[0];
        const stopLink = /https?:\/\/\S+\/stop-messages\/\S+/.exec(email.text)?.[0];
        // Links lead to Heard's configured PUBLIC_URL (here not where the test's Heard listens).
        expect(pageLink).toBe(`${heard().heard.config.publicUrl}/you-said-we-did/${engagement.id}`);
        expect(stopLink, 'stop link in the email').toBeDefined();

        // The page the email leads to shows it all, in plain English and in Easy Read.
        const reader = await heard().newPage();
        await reader.goto(new URL(pageLink ?? '').pathname);
        await arrive(reader, engagement.title);
        const shown = async (texts: string[]) => {
          const main = await reader.locator('main').innerText();
          for (const text of texts) expect(main, `public page: ${text}`).toContain(text);
        };
        await shown([
          ...RECOMMENDATIONS.flatMap((r, index) => [
            r.askedPlain,
            r.decisionPlain,
            r.reasonsPlain,
            r.action,
            `${index === 0 ? 'Done' : 'Planned'}. Due by ${r.dueText}.`,
          ]),
          PEOPLE.email.words,
          PROGRESS,
          'The advocates challenged this answer',
          CHALLENGE,
          REPLY,
          'The council kept its answer, for the reasons it gave.',
        ]);
        await reader.getByRole('link', { name: 'Easy Read', exact: true }).click();
        await reader.getByText(RECOMMENDATIONS[0].askedEasyRead).waitFor();
        await shown([
          ...RECOMMENDATIONS.flatMap((r) => [
            r.askedEasyRead,
            r.decisionEasyRead,
            r.reasonsEasyRead,
            r.action,
          ]),
          PROGRESS,
          'The advocates said the answer was not good enough',
          CHALLENGE,
          REPLY,
          'The council did not change its answer.',
        ]);
        expect(await reader.getByText(RECOMMENDATIONS[0].reasonsPlain).count()).toBe(0);
        await expectNoAxeViolations(reader);

        // Letters for the two who asked by post: each in the format they read the pages in.
        await lead
          .getByRole('link', {
            name: 'Letters to print and post, each in plain English or Easy Read as the person asked',
          })
          .click();
        await arrive(lead, 'Letters to print and post');
        await lead.getByText('Letters waiting to be posted: 2.').waitFor();
        await lead
          .getByText('Letters in Easy Read, for people who asked for it: 1.', { exact: false })
          .waitFor();
        for (const line of ['12 Mill Lane', 'NT1 2AB', '3 Church Row', 'EV4 9XY'])
          await lead.getByText(line).waitFor();
        const plainLetter = lead.locator('article').filter({ hasText: '12 Mill Lane' });
        await plainLetter
          .getByText(
            `You asked to be told what happened after you shared your views about "${engagement.title}". The council has now answered.`,
          )
          .waitFor();
        const easyLetter = lead.locator('article').filter({ hasText: '3 Church Row' });
        await easyLetter
          .getByText(
            `You told us what you think about "${engagement.title}". The council has answered.`,
          )
          .waitFor();
        await easyLetter.getByText('Do you want us to stop writing to you? Go here:').waitFor();
        expect(await plainLetter.getByText('Do you want us to stop writing to you?').count()).toBe(
          0,
        );
        await expectNoAxeViolations(lead);

        // The advocate's list shows the person they heard, to tell in person.
        await advocate.goto(`/engagements/${engagement.id}/responses`);
        await advocate
          .getByRole('link', { name: 'You said, we did: publish and tell people' })
          .click();
        await arrive(advocate, STAFF_PAGE);
        await advocate.getByRole('link', { name: 'People to tell through their advocate' }).click();
        await arrive(advocate, 'Tell these people');
        // Listed under "People you heard", before the people with no named advocate.
        const tasks = await advocate.locator('main').innerText();
        const words = tasks.indexOf(PEOPLE.advocate.words);
        expect(words).toBeGreaterThan(tasks.indexOf('People you heard'));
        expect(words).toBeLessThan(tasks.indexOf('People with no named advocate'));

        // Without JavaScript: the public page in both registers, the stop link, and the advocate
        // marking the person as told (the Easy Read answers above were sent without it too).
        const noScript = await heard().newPage({ javaScriptEnabled: false });
        await noScript.goto(`/you-said-we-did/${engagement.id}?format=plain`);
        await arrive(noScript, engagement.title);
        await noScript.getByText(REPLY).waitFor();
        await noScript.getByRole('link', { name: 'Easy Read', exact: true }).click();
        await noScript.getByText(RECOMMENDATIONS[3].decisionEasyRead).waitFor();
        await expectNoAxeViolations(noScript);

        await noScript.goto(new URL(stopLink ?? '').pathname);
        await arrive(noScript, 'Stop messages from Heard');
        await noScript.getByRole('button', { name: 'Stop my messages' }).click();
        await noScript.getByRole('heading', { name: 'You will not get more messages' }).waitFor();
        await expectNoAxeViolations(noScript);

        const advocateNoScript = await heard().newPage({ javaScriptEnabled: false });
        await signIn(advocateNoScript, DEMO.advocate);
        await arrive(advocateNoScript, 'Hello, Sam Reid');
        await advocateNoScript.goto(`/engagements/${engagement.id}/you-said-we-did/tasks`);
        await arrive(advocateNoScript, 'Tell these people');
        await advocateNoScript.getByRole('button', { name: 'Mark as told: person 1' }).click();
        await arrive(advocateNoScript, 'Tell these people');
        expect(await advocateNoScript.getByText(PEOPLE.advocate.words).count()).toBe(0);
      });
    },
  );
}
