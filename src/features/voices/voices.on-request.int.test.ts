import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { equalityAnswersHeld } from '../../../test/equality-answers.ts';
import { DEMO_ENGAGEMENT } from '../demo/demo.engagement.ts';
import { saveEqualityAnswers } from '../reach/equality.repository.ts';

describe.each(testDatabases)(
  'the advocacy organisation acts when a person asks, on $label',
  (database) => {
    let heard: TestApp;
    let engagementId: string;
    const skip = database.skipReason !== undefined;

    beforeAll(async () => {
      if (skip) return;
      heard = await startTestApp(database);
      engagementId = (
        await heard.db
          .selectFrom('engagements')
          .select('id')
          .where('title', '=', DEMO_ENGAGEMENT.title)
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => {
      if (!skip) await heard.close();
    });

    const signedIn = async (email: string): Promise<Browser> => {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
      return browser;
    };

    /** A voice heard in one of the demo's sessions (its person has no reference code), not yet withdrawn, with answers about themselves. */
    async function sessionVoice(skipping: number) {
      const voice = await heard.db
        .selectFrom('voices')
        .select(['id', 'participant_id'])
        .where('engagement_id', '=', engagementId)
        .where('channel', '=', 'session')
        .where('withdrawn_at', 'is', null)
        .orderBy('id')
        .offset(skipping)
        .limit(1)
        .executeTakeFirstOrThrow();
      await saveEqualityAnswers(
        heard.db,
        voice.participant_id,
        new Map([
          ['age', 'aged-75-79'],
          ['sex', 'male'],
        ]),
        heard.clock().toISOString(),
      );
      return {
        participantId: voice.participant_id,
        page: `/engagements/${engagementId}/voices/${voice.id}`,
      };
    }

    const auditOf = (participantId: string, action: string) =>
      heard.db
        .selectFrom('audit_events')
        .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
        .select(['users.email', 'audit_events.details', 'audit_events.organisation_id'])
        .where('audit_events.record_id', '=', participantId)
        .where('audit_events.action', '=', action)
        .execute();

    it.skipIf(skip)(
      'withdraws everything a person said when they ask, saying how they asked, and deletes what identifies them',
      async () => {
        const { participantId, page } = await sessionVoice(0);
        const advocate = await signedIn(DEMO.advocate);
        const voicePage = visibleText((await advocate.get(page)).body);
        expect(voicePage).toContain('If the person asks');

        const form = `${page}/withdraw`;
        const unchosen = await advocate.submit(form, form, {});
        expect(unchosen.statusCode).toBe(400);
        expect(visibleText(unchosen.body)).toContain('Choose how they asked');
        const untouched = await heard.db
          .selectFrom('participants')
          .select('withdrawn_at')
          .where('id', '=', participantId)
          .executeTakeFirstOrThrow();
        expect(untouched.withdrawn_at).toBeNull();

        const done = await advocate.submit(form, form, { asked: 'through_someone' });
        expect(done.statusCode).toBe(303);
        expect(done.headers.location).toBe(page);
        const after = visibleText((await advocate.get(page)).body);
        expect(after).toMatch(/The person withdrew this voice on/);
        const voices = await heard.db
          .selectFrom('voices')
          .select('withdrawn_at')
          .where('participant_id', '=', participantId)
          .execute();
        expect(voices.every((voice) => voice.withdrawn_at !== null)).toBe(true);
        expect(await equalityAnswersHeld(heard.db, participantId)).toEqual([]);
        const contacts = await heard.db
          .selectFrom('participant_contacts')
          .select('participant_id')
          .where('participant_id', '=', participantId)
          .execute();
        expect(contacts).toEqual([]);
        const [audit] = await auditOf(participantId, 'participant_withdrawn_on_request');
        expect(audit?.email).toBe(DEMO.advocate);
        expect(audit?.organisation_id).not.toBeNull();
        expect(JSON.parse(audit?.details ?? '{}')).toEqual({ asked: 'through_someone' });

        // Already withdrawn: the form is not offered again.
        expect((await advocate.get(form)).headers.location).toBe(page);
      },
    );

    it.skipIf(skip)(
      'deletes only their answers about themselves when that is all they ask',
      async () => {
        const { participantId, page } = await sessionVoice(1);
        const lead = await signedIn(DEMO.lead);
        const response = await lead.submit(page, `${page}/delete-about-person`, {});
        expect(response.headers.location).toBe(`${page}?aboutPersonDeleted=1`);
        expect(visibleText((await lead.get(`${page}?aboutPersonDeleted=1`)).body)).toContain(
          'Any answers this person gave about themselves are deleted.',
        );
        expect(await equalityAnswersHeld(heard.db, participantId)).toEqual([]);
        const still = await heard.db
          .selectFrom('voices')
          .select('withdrawn_at')
          .where('participant_id', '=', participantId)
          .execute();
        expect(still.every((voice) => voice.withdrawn_at === null)).toBe(true);
        expect((await auditOf(participantId, 'equality_answers_deleted'))[0]?.email).toBe(
          DEMO.lead,
        );
      },
    );

    it.skipIf(skip)('is only for those who capture voices', async () => {
      const { page } = await sessionVoice(2);
      const officer = await signedIn(DEMO.officer);
      expect((await officer.get(`${page}/withdraw`)).statusCode).toBe(403);
      const admin = await signedIn(DEMO.advocacyAdmin);
      expect((await admin.get(`${page}/withdraw`)).statusCode).toBe(403);
    });
  },
);
