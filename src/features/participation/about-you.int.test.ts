import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { equalityAnswersHeld } from '../../../test/equality-answers.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import { answerAndSend, comeBack, csrfOf } from '../../../test/public-door.ts';
import { listVoices } from '../voices/index.ts';

describe.each(testDatabases)(
  'questions about a person (equality monitoring) on $label',
  (database) => {
    let heard: TestApp;
    beforeAll(async () => {
      if (database.skipReason !== undefined) return;
      heard = await startTestApp(database);
    });
    afterAll(async () => {
      if (database.skipReason === undefined) await heard.close();
    });
    const skip = database.skipReason !== undefined;

    const answersOf = (participantId: string) => equalityAnswersHeld(heard.db, participantId);

    /** A person who has just answered, with their browser, code and record. */
    async function justAnswered() {
      const engagement = await startListening(heard.db);
      const browser = new Browser(heard.app);
      const code = await answerAndSend(browser, engagement);
      const participantId = (await listVoices(heard.db, engagement.id))[0]?.participantId ?? '';
      return {
        engagement,
        browser,
        code,
        participantId,
        page: `/take-part/${engagement.id}/about-you`,
      };
    }

    let addresses = 0;

    it.skipIf(skip)(
      'offers the optional questions after sending, keeps only an age band, and forgets who it was',
      async () => {
        const { engagement, browser, participantId, page } = await justAnswered();
        const sent = await browser.get(`/take-part/${engagement.id}/sent`);
        expect(sent.body).toContain(`href="${page}"`);
        expect(visibleText(sent.body)).toContain('Answer some questions about you');

        const form = await browser.get(page);
        expect(form.statusCode).toBe(200);
        const text = visibleText(form.body);
        expect(text).toContain('These questions are optional.');
        expect(text).toContain('What is your ethnic group?');
        expect(text).toContain('I prefer not to say');

        // A mistyped age: said plainly, what was chosen kept, nothing saved.
        const wrong = await browser.submit(page, page, {
          age: 'forty',
          ethnicGroup: 'black',
          unpaidCare: 'prefer-not-to-say',
        });
        expect(wrong.statusCode).toBe(400);
        expect(visibleText(wrong.body)).toContain(
          'Enter the age in years as a number, for example 42, or leave it blank',
        );
        expect(wrong.body).toContain('value="forty"');
        expect(wrong.body).toMatch(/value="black" checked/);
        expect(await answersOf(participantId)).toEqual([]);

        const saved = await browser.submit(page, page, {
          age: ' 47 ',
          ethnicGroup: 'black',
          unpaidCare: 'prefer-not-to-say',
          religion: '',
        });
        expect(saved.statusCode).toBe(303);
        expect(saved.headers.location).toBe(`${page}/saved`);
        expect(visibleText((await browser.get(`${page}/saved`)).body)).toContain(
          'We have saved your answers about you.',
        );
        expect(await answersOf(participantId)).toEqual([
          'age=aged-45-49',
          'ethnicGroup=black',
          'unpaidCare=prefer-not-to-say',
        ]);
        const audit = await heard.db
          .selectFrom('audit_events')
          .select(['details', 'actor_user_id'])
          .where('action', '=', 'equality_answers_saved')
          .where('record_id', '=', participantId)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(audit.details)).toEqual({ questions: 3 });
        expect(audit.actor_user_id).toBeNull();

        // Saved once: the page no longer knows who this browser answered as.
        const again = await browser.get(page);
        expect(visibleText(again.body)).toContain('This page has timed out');
        expect(again.body).not.toContain('name="age"');
      },
    );

    it.skipIf(skip)(
      'takes answers only from the person who has just answered, in that engagement, within 30 minutes',
      async () => {
        const { browser, participantId, page } = await justAnswered();
        const form = await browser.get(page);
        const token = csrfOf(form.body);

        const stranger = new Browser(heard.app);
        expect(visibleText((await stranger.get(page)).body)).toContain('This page has timed out');

        // The cookie names its engagement: it does not work on another's page.
        const other = await startListening(heard.db);
        const elsewhere = await browser.get(`/take-part/${other.id}/about-you`);
        expect(visibleText(elsewhere.body)).toContain('This page has timed out');

        heard.advanceMinutes(31);
        const late = await browser.post(page, { sex: 'female', _csrf: token });
        expect(late.statusCode).toBe(409);
        expect(visibleText(late.body)).toContain('come back with your reference code');
        expect(await answersOf(participantId)).toEqual([]);
      },
    );

    it.skipIf(skip)('refuses an answer that is not one of the choices', async () => {
      const { browser, participantId, page } = await justAnswered();
      const response = await browser.submit(page, page, { sex: 'other', religion: 'jedi' });
      expect(response.statusCode).toBe(400);
      const text = visibleText(response.body);
      expect(text).toContain('There is a problem');
      expect(text).toContain('Choose one of the answers, or leave this question blank');
      expect(await answersOf(participantId)).toEqual([]);
    });

    it.skipIf(skip)(
      'lets a person who comes back change or delete what they told, and deletes it when they withdraw',
      async () => {
        // The person skipped the questions when they answered.
        const { code, participantId } = await justAnswered();
        const browser = new Browser(heard.app);
        await comeBack(heard.app, browser, code, `203.0.113.${++addresses}`);

        let mine = visibleText((await browser.get('/your-answers')).body);
        expect(mine).toContain('You have not answered the optional questions about you.');

        const own = '/your-answers/about-you';
        expect((await browser.submit(own, own, { age: '70', sex: 'male' })).headers.location).toBe(
          '/your-answers?done=aboutYou',
        );
        mine = visibleText((await browser.get('/your-answers?done=aboutYou')).body);
        expect(mine).toContain('Your answers about you are saved.');
        expect(mine).toContain('You have answered some of the optional questions about you.');

        // Their own answers come back to them; the age as the band kept, left as it is when blank.
        const form = await browser.get(own);
        expect(form.body).toMatch(/value="male" checked/);
        expect(visibleText(form.body)).toContain('You told us before that you are 70 to 74.');
        await browser.submit(own, own, { age: '', sex: 'female', disability: 'limited-a-little' });
        expect(await answersOf(participantId)).toEqual([
          'age=aged-70-74',
          'disability=limited-a-little',
          'sex=female',
        ]);

        const deleted = await browser.submit('/your-answers', `${own}/delete`, {});
        expect(deleted.headers.location).toBe('/your-answers?done=aboutYouDeleted');
        expect(await answersOf(participantId)).toEqual([]);
        const audit = await heard.db
          .selectFrom('audit_events')
          .select('action')
          .where('record_id', '=', participantId)
          .where('action', 'like', 'equality%')
          .execute();
        expect(audit.map((row) => row.action).sort()).toEqual([
          'equality_answers_deleted',
          'equality_answers_saved',
          'equality_answers_saved',
        ]);

        await browser.submit(own, own, { religion: 'sikh' });
        expect(await answersOf(participantId)).toEqual(['religion=sikh']);
        await browser.submit('/your-answers/withdraw', '/your-answers/withdraw', {});
        expect(await answersOf(participantId)).toEqual([]);
      },
    );

    it.skipIf(skip)('asks for the code before showing a person their own answers', async () => {
      const browser = new Browser(heard.app);
      const response = await browser.get('/your-answers/about-you');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/take-part/return');
    });
  },
);
