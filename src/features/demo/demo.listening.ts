import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import type { Attendance } from '../sessions/index.ts';
import { insertSession } from '../sessions/sessions.repository.ts';
import { insertDecision, refreshTriageState } from '../sorting/sorting.repository.ts';
import { normaliseReferenceCode } from '../voices/index.ts';
import { referenceCodeFrom } from '../voices/voices.core.ts';
import {
  type VoiceToInsert,
  hashReference,
  insertParticipant,
  insertVoice,
  replaceContact,
} from '../voices/voices.repository.ts';
import { saveEqualityAnswers } from '../reach/equality.repository.ts';
import type { DemoPrompt } from './demo.engagement.ts';
import { demoEqualityAnswers } from './demo.equality.ts';
import { DECIDED_FLAGS, ONLINE, SESSIONS } from './demo.voices.ts';

export interface ListeningContext {
  engagementId: string;
  promptIds: Record<DemoPrompt, string>;
  advocateId: string;
  safeguardingLeadId: string;
  /** A moment the given number of days before the seed's clock, at an hour of that day (UTC). */
  daysAgo: (days: number, hour?: number) => Date;
}

/**
 * The demo's reference codes come from its own seed, not from chance, so the demo is the same
 * every time it is made. They open only demo data, which never runs in production.
 */
export const demoReferenceCode = (participant: number): string =>
  referenceCodeFrom(createHash('sha256').update(`heard-demo-participant:${participant}`).digest());

/** Adds the demo's voices: people answering online, and people heard in advocates' sessions. */
export async function seedVoices(
  trx: Db,
  context: ListeningContext,
): Promise<{ voices: number; sessions: number }> {
  let voices = 0;
  const flagged: { id: string; text: string; at: string }[] = [];
  for (const [index, person] of ONLINE.entries()) {
    const at = context.daysAgo(person.daysAgo, 8 + (index % 12)).toISOString();
    const code = normaliseReferenceCode(demoReferenceCode(index)) ?? '';
    const participantId = await insertParticipant(
      trx,
      {
        engagementId: context.engagementId,
        perspective: person.perspective,
        referenceHash: hashReference(code),
      },
      at,
    );
    await replaceContact(trx, participantId, person.contact, at);
    await saveEqualityAnswers(
      trx,
      participantId,
      demoEqualityAnswers(index, person.perspective),
      at,
    );
    for (const [prompt, text] of Object.entries(person.answers) as [DemoPrompt, string][]) {
      const { id, safeguarding } = await insertVoice(
        trx,
        {
          ...onlineVoice(context, prompt, participantId, text),
          consentQuote: person.consentQuote,
        },
        at,
      );
      if (safeguarding.flagged) flagged.push({ id, text, at });
      voices += 1;
    }
  }
  for (const session of SESSIONS) {
    const held = context.daysAgo(session.daysAgo, 10);
    const sessionId = await insertSession(
      trx,
      context.engagementId,
      {
        kind: session.kind,
        heldOn: held.toISOString().slice(0, 10),
        place: session.place,
        attendance: fullAttendance(session.attendance),
        notes: session.notes,
      },
      context.advocateId,
      context.daysAgo(session.daysAgo, 16).toISOString(),
    );
    for (const [index, voice] of session.voices.entries()) {
      // Written up after the session, a few minutes apart, in the order people spoke.
      const at = new Date(held.getTime() + (6 * 60 + index * 7) * 60_000).toISOString();
      const participantId = await insertParticipant(
        trx,
        { engagementId: context.engagementId, perspective: voice.perspective, referenceHash: null },
        at,
      );
      await replaceContact(trx, participantId, voice.contact ?? null, at);
      const { id, safeguarding } = await insertVoice(
        trx,
        {
          engagementId: context.engagementId,
          promptId: context.promptIds[voice.prompt],
          participantId,
          channel: 'session',
          sessionId,
          capturedById: context.advocateId,
          helpGiven: voice.helpGiven,
          whoseView: voice.whoseView ?? 'own',
          consentUse: true,
          consentQuote: voice.consentQuote,
          consentGivenBy: voice.consentGivenBy,
          text: voice.text,
          isSummary: voice.isSummary ?? false,
        },
        at,
      );
      if (safeguarding.flagged) flagged.push({ id, text: voice.text, at });
      voices += 1;
    }
  }
  await decideFlags(trx, context, flagged);
  return { voices, sessions: SESSIONS.length };
}

/** The safeguarding lead's decisions on flags raised before today, as DECIDED_FLAGS says. */
async function decideFlags(
  trx: Db,
  context: ListeningContext,
  flagged: readonly { id: string; text: string; at: string }[],
): Promise<void> {
  for (const voice of flagged) {
    const decided = DECIDED_FLAGS.find((flag) => voice.text.includes(flag.words));
    if (decided === undefined) continue;
    await insertDecision(trx, {
      voiceId: voice.id,
      kind: 'safeguarding',
      outcome: decided.outcome,
      reason: decided.reason,
      pointer: null,
      decidedById: context.safeguardingLeadId,
      decidedAt: new Date(Date.parse(voice.at) + decided.hoursLater * 3_600_000).toISOString(),
    });
    await refreshTriageState(trx, voice.id);
  }
}

/** A voice as the public pages save it: the person's own words, typed by them. */
const onlineVoice = (
  context: ListeningContext,
  prompt: DemoPrompt,
  participantId: string,
  text: string,
): Omit<VoiceToInsert, 'consentQuote'> => ({
  engagementId: context.engagementId,
  promptId: context.promptIds[prompt],
  participantId,
  channel: 'online',
  sessionId: null,
  capturedById: null,
  helpGiven: [],
  whoseView: 'own',
  consentUse: true,
  consentGivenBy: 'online',
  text,
  isSummary: false,
});

const fullAttendance = (counts: Partial<Attendance>): Attendance =>
  Object.fromEntries(
    PERSPECTIVES.map((perspective) => [perspective, counts[perspective] ?? 0]),
  ) as Attendance;
