import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionForm, voiceForm } from '../../../test/advocacy-fixtures.ts';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { equalityAnswersHeld } from '../../../test/equality-answers.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { withdrawParticipant } from '../voices/voices.repository.ts';

describe.each(testDatabases)(
  'an advocate asks the optional questions about a person, on $label',
  (database) => {
    let heard: TestApp;
    let listening: ListeningEngagement;
    let advocate: Browser;
    const skip = database.skipReason !== undefined;

    const signedIn = async (email: string): Promise<Browser> => {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
      return browser;
    };

    beforeAll(async () => {
      if (skip) return;
      heard = await startTestApp(database);
      listening = await startListening(heard.db);
      advocate = await signedIn(DEMO.advocate);
    });
    afterAll(async () => {
      if (!skip) await heard.close();
    });

    /** Records a session and one voice in it; gives the session's address and the voice's page. */
    async function recordVoice() {
      const sessions = `/engagements/${listening.id}/sessions`;
      const session = await advocate.submit(`${sessions}/new`, `${sessions}/new`, sessionForm());
      const sessionUrl = (session.headers.location ?? '').replace(/\?.*$/, '');
      const newVoice = `${sessionUrl}/voices/new`;
      const voice = await advocate.submit(
        newVoice,
        newVoice,
        voiceForm(listening.promptIds[0] ?? ''),
      );
      const location = voice.headers.location ?? '';
      const voiceId = /[?&]voice=([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
      const participant = await heard.db
        .selectFrom('voices')
        .select('participant_id')
        .where('id', '=', voiceId)
        .executeTakeFirstOrThrow();
      return {
        sessionUrl,
        location,
        participantId: participant.participant_id,
        page: `${sessionUrl}/voices/${voiceId}/about-person`,
      };
    }

    const answersOf = (participantId: string) => equalityAnswersHeld(heard.db, participantId);

    it.skipIf(skip)(
      'offers the questions after a voice is saved, saves them with the advocate on the record, and never shows them again',
      async () => {
        const { location, participantId, page } = await recordVoice();
        const saved = await advocate.get(location);
        expect(saved.body).toContain(`href="${page}"`);

        const form = await advocate.get(page);
        expect(form.statusCode).toBe(200);
        expect(visibleText(form.body)).toContain('Ask these only if the person agrees.');

        const wrong = await advocate.submit(page, page, { age: '300', sex: 'female' });
        expect(wrong.statusCode).toBe(400);
        expect(visibleText(wrong.body)).toContain(
          'Enter the age in years as a number, for example 42, or leave it blank',
        );
        expect(wrong.body).toMatch(/value="female" checked/);
        expect(await answersOf(participantId)).toEqual([]);

        const done = await advocate.submit(page, page, {
          age: '82',
          sex: 'female',
          disability: 'limited-a-lot',
        });
        expect(done.statusCode).toBe(303);
        expect(done.headers.location).toMatch(/\?recorded=aboutPerson$/);
        expect(visibleText((await advocate.get(done.headers.location ?? '')).body)).toContain(
          'Their answers about themselves are saved.',
        );
        expect(await answersOf(participantId)).toEqual([
          'age=aged-80-84',
          'disability=limited-a-lot',
          'sex=female',
        ]);
        const audit = await heard.db
          .selectFrom('audit_events')
          .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
          .select(['users.email', 'audit_events.organisation_id', 'audit_events.details'])
          .where('audit_events.action', '=', 'equality_answers_saved')
          .where('audit_events.record_id', '=', participantId)
          .executeTakeFirstOrThrow();
        expect(audit.email).toBe(DEMO.advocate);
        expect(audit.organisation_id).not.toBeNull();
        expect(JSON.parse(audit.details)).toEqual({ questions: 3 });

        // Write-only: the form comes back empty.
        const again = await advocate.get(page);
        expect(again.body).not.toMatch(/checked/);
      },
    );

    it.skipIf(skip)(
      'is only for the advocacy organisation, and only for a voice of that session still standing',
      async () => {
        const { sessionUrl, participantId, page } = await recordVoice();
        const officer = await signedIn(DEMO.officer);
        expect((await officer.get(page)).statusCode).toBe(403);

        const other = await recordVoice();
        const mismatched = page.replace(sessionUrl, other.sessionUrl);
        expect((await advocate.get(mismatched)).statusCode).toBe(404);

        await withdrawParticipant(heard.db, participantId, heard.clock().toISOString());
        expect((await advocate.get(page)).statusCode).toBe(404);
      },
    );
  },
);
