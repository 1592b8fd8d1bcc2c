import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import {
  currentTexts,
  insertParticipant,
  insertVoice,
  insertVoiceVersion,
  listVoiceFacts,
  listVoices,
  withdrawParticipant,
} from './voices.repository.ts';

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
    async function say(text: string): Promise<{ participantId: string; voiceId: string }> {
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
          consentUse: true,
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
  },
);
