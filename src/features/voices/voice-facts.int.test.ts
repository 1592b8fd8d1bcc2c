import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { pageOf } from '../../platform/paging.ts';
import { loadActor } from '../accounts/accounts.repository.ts';
import { findEngagement } from '../engagements/index.ts';
import {
  currentTexts,
  insertParticipant,
  insertVoice,
  insertVoiceVersion,
  listVoiceFacts,
  listVoiceWords,
  listVoices,
  withdrawParticipant,
} from './voices.repository.ts';
import { voicesFor, voicesPageFor } from './voices.service.ts';

const AT = '2026-11-26T10:00:00.000Z';

// The themes pages count voices from their facts and read the words of only those they show.
describe.each(testDatabases)(
  'voices without their words, and the words of a few, on $label',
  (database) => {
    const skip = database.skipReason !== undefined;
    let heard: TestApp;
    let engagementId = '';
    let promptId = '';

    /** One person's voice, online. */
    async function say(
      text: string,
      consentUse = true,
    ): Promise<{ participantId: string; voiceId: string }> {
      const participantId = await insertParticipant(
        heard.db,
        { engagementId, perspective: 'family_carer', referenceHash: null },
        AT,
      );
      const { id } = await insertVoice(
        heard.db,
        {
          engagementId,
          promptId,
          participantId,
          channel: 'online',
          sessionId: null,
          capturedById: null,
          helpGiven: [],
          whoseView: 'own',
          consentUse,
          consentQuote: false,
          consentGivenBy: 'online',
          text,
          isSummary: false,
        },
        AT,
      );
      return { participantId, voiceId: id };
    }

    beforeAll(async () => {
      if (skip) return;
      heard = await startTestApp(database);
      const listening = await startListening(heard.db);
      engagementId = listening.id;
      promptId = listening.promptIds[0] ?? '';
    });
    afterAll(async () => {
      if (!skip) await heard.close();
    });

    it.skipIf(skip)(
      'facts are the current voices as listVoices has them, without their words',
      async () => {
        await say('The bus to the day centre stopped running');
        const gone = await say('Nobody told me the centre had closed');
        await withdrawParticipant(heard.db, gone.participantId, AT);
        await heard.db
          .updateTable('voices')
          .set({ withdrawn_at: AT })
          .where('id', '=', gone.voiceId)
          .execute();
        const facts = await listVoiceFacts(heard.db, engagementId);
        const voices = await listVoices(heard.db, engagementId);
        expect(facts).toEqual(
          voices.map((voice) => ({
            id: voice.id,
            participantId: voice.participantId,
            perspective: voice.perspective,
            channel: voice.channel,
            consentUse: voice.consentUse,
            consentQuote: voice.consentQuote,
            triageState: voice.triageState,
            withdrawnAt: voice.withdrawnAt,
          })),
        );
        expect(facts.map((fact) => fact.id)).not.toContain(gone.voiceId);
        expect(facts[0]).toMatchObject({ perspective: 'family_carer', consentQuote: false });
      },
    );

    it.skipIf(skip)(
      'the words of the voices asked for, as last corrected, however many',
      async () => {
        const corrected = await say('The carers come at diffrent times each day');
        await insertVoiceVersion(
          heard.db,
          corrected.voiceId,
          2,
          {
            text: 'The carers come at different times each day',
            isSummary: false,
            reason: 'spelling',
            writtenById: null,
          },
          AT,
        );
        const many: string[] = [];
        for (let i = 0; i < 510; i++) many.push((await say(`Voice number ${i}`)).voiceId);
        const texts = await currentTexts(heard.db, [corrected.voiceId, ...many, corrected.voiceId]);
        expect(texts.size).toBe(511);
        expect(texts.get(corrected.voiceId)).toBe('The carers come at different times each day');
        expect(texts.get(many[509] ?? '')).toBe('Voice number 509');
        expect(await currentTexts(heard.db, [])).toEqual(new Map());
      },
    );

    it.skipIf(skip)(
      'a page of the staff list read from the database is that page of the whole list, for the advocacy organisation and for the council',
      async () => {
        // Some the council may not see: no consent to use them, and one flagged as a safeguarding matter.
        for (let i = 0; i < 7; i++) await say(`Not to be used, number ${i}`, false);
        await say('He hits me when the carers have gone');
        const deps = {
          config: heard.config,
          db: heard.db,
          clock: heard.clock,
          t: translator('en'),
        };
        const engagement = await findEngagement(heard.db, engagementId);
        if (engagement === undefined) throw new Error('no engagement');
        for (const email of [DEMO.lead, DEMO.officer]) {
          const user = await heard.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow();
          const actor = await loadActor(heard.db, user.id);
          if (actor === undefined) throw new Error('no actor');
          const whole = await voicesFor(deps, actor, engagement, {});
          const size = 50;
          expect(whole.voices.length).toBeGreaterThan(2 * size);
          for (const requested of [1, 2, 3, 99]) {
            const { view, page } = await voicesPageFor(
              deps,
              actor,
              engagement,
              {},
              requested,
              size,
            );
            expect(view).toBe(whole.view);
            expect(page).toEqual(pageOf<unknown>(whole.voices, requested, size));
          }
        }
      },
    );

    it.skipIf(skip)(
      "the sorting queue's reads: every current voice's words alone, and whole voices in the states asked for",
      async () => {
        const everyVoice = await listVoices(heard.db, engagementId);
        expect(await listVoiceWords(heard.db, engagementId)).toEqual(
          everyVoice.map((voice) => ({ id: voice.id, text: voice.text })),
        );
        const flagged = everyVoice.filter((voice) => voice.triageState === 'safeguarding_flagged');
        expect(flagged.length).toBeGreaterThan(0);
        expect(
          await listVoices(heard.db, engagementId, { triageStates: ['safeguarding_flagged'] }),
        ).toEqual(flagged);
        expect(
          await listVoices(heard.db, engagementId, {
            triageStates: ['safeguarding_flagged', 'new'],
          }),
        ).toEqual(
          everyVoice.filter((voice) => ['safeguarding_flagged', 'new'].includes(voice.triageState)),
        );
      },
    );
  },
);
