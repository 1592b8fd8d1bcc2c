import { randomBytes } from 'node:crypto';
import { checkSafeguarding } from '../../analysis/triage/safeguarding-check.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type Page, pageFrom, pagePosition } from '../../platform/paging.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Engagement,
  type Perspective,
  can,
  listPrompts,
  takesVoices,
} from '../engagements/index.ts';
import {
  type Channel,
  type Contact,
  type DeidentifiedVoice,
  type Voice,
  councilMaySee,
  deidentify,
  referenceCodeFrom,
  normaliseReferenceCode,
} from './voices.core.ts';
import {
  type Participant,
  type SafeguardingCheck,
  type VoiceFilters,
  countVoices,
  findParticipant,
  hashReference,
  insertParticipant,
  insertSuggestion,
  insertVoice,
  insertVoiceVersion,
  listVoiceVersions,
  listVoices,
  replaceContact,
  withdrawParticipant,
} from './voices.repository.ts';
import type { CorrectionInput, OnBehalfInput } from './voices.schemas.ts';
import { noticeFlag } from '../sorting/safeguarding-notice.ts';
import { refreshTriageState } from '../sorting/sorting.repository.ts';

export interface Answer {
  promptId: string;
  text: string;
}

/** Throws if the engagement is not listening, or an answer is to a prompt it does not have. */
async function checkAnswers(
  deps: Deps,
  engagement: Engagement,
  answers: readonly Answer[],
): Promise<void> {
  if (!takesVoices(engagement)) throw new ConflictError('errors.notListening.body');
  const prompts = new Set((await listPrompts(deps.db, engagement.id)).map((prompt) => prompt.id));
  if (answers.length === 0 || answers.some((answer) => !prompts.has(answer.promptId)))
    throw new NotFoundError();
}

/**
 * A voice the rules flagged is a state change of its own, audited apart from the saving so the
 * safeguarding lead's trail starts here. The row says that it was flagged and in which
 * categories, never the words.
 */
/** A flag is audited and its named people told at once, in the transaction that raised it. */
export async function flagRaised(
  trx: Db,
  deps: Deps,
  engagement: Engagement,
  voiceId: string,
  check: SafeguardingCheck,
): Promise<void> {
  if (!check.flagged) return;
  await noticeFlag(trx, deps, engagement, voiceId);
  await recordAudit(trx, deps.clock, {
    actorUserId: null,
    action: 'voice_flagged_safeguarding',
    recordType: 'voice',
    recordId: voiceId,
    organisationId: engagement.advocacyOrganisationId,
    details: { engagementId: engagement.id, flagged: true, categories: check.categories },
  });
}

export interface PublicSubmission {
  perspective: Perspective;
  answers: Answer[];
  consentQuote: boolean;
  contact: Contact | null;
}

/**
 * Someone answers on the public pages. Everything is saved in one transaction, and they get a
 * reference code, shown once, to come back with. The audit row counts voices; it holds no words.
 */
export async function submitPublicVoices(
  deps: Deps,
  engagement: Engagement,
  submission: PublicSubmission,
): Promise<{ referenceCode: string; participantId: string }> {
  await checkAnswers(deps, engagement, submission.answers);
  const referenceCode = referenceCodeFrom(randomBytes(16));
  const referenceHash = hashReference(normaliseReferenceCode(referenceCode) ?? '');
  const at = deps.clock().toISOString();
  const participantId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertParticipant(
      trx,
      { engagementId: engagement.id, perspective: submission.perspective, referenceHash },
      at,
    );
    await replaceContact(trx, id, submission.contact, at);
    for (const answer of submission.answers) {
      const saved = await insertVoice(
        trx,
        {
          engagementId: engagement.id,
          promptId: answer.promptId,
          participantId: id,
          channel: 'online',
          sessionId: null,
          capturedById: null,
          helpGiven: [],
          whoseView: 'own',
          consentUse: true,
          consentQuote: submission.consentQuote,
          consentGivenBy: 'online',
          text: answer.text,
          isSummary: false,
        },
        at,
      );
      await flagRaised(trx, deps, engagement, saved.id, saved.safeguarding);
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'voices_submitted',
      recordType: 'participant',
      recordId: id,
      organisationId: engagement.advocacyOrganisationId,
      details: {
        engagementId: engagement.id,
        voices: submission.answers.length,
        channel: 'online',
      },
    });
    return id;
  });
  return { referenceCode, participantId };
}

/** The person behind a reference code, if the code is real and they have not withdrawn. */
export async function participantByReference(
  deps: Deps,
  typed: string,
): Promise<Participant | undefined> {
  const code = normaliseReferenceCode(typed);
  if (code === undefined) return undefined;
  const participant = await findParticipant(deps.db, { referenceHash: hashReference(code) });
  return participant?.withdrawnAt === null ? participant : undefined;
}

/** A returning person adds more, with the consents they gave before. */
export async function addPublicVoices(
  deps: Deps,
  engagement: Engagement,
  participant: Participant,
  answers: Answer[],
): Promise<void> {
  await checkAnswers(deps, engagement, answers);
  const [earlier] = await listVoices(deps.db, engagement.id, { participantId: participant.id });
  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const answer of answers) {
      const saved = await insertVoice(
        trx,
        {
          engagementId: engagement.id,
          promptId: answer.promptId,
          participantId: participant.id,
          channel: 'online',
          sessionId: null,
          capturedById: null,
          helpGiven: [],
          whoseView: 'own',
          consentUse: true,
          consentQuote: earlier?.consentQuote ?? false,
          consentGivenBy: 'online',
          text: answer.text,
          isSummary: false,
        },
        at,
      );
      await flagRaised(trx, deps, engagement, saved.id, saved.safeguarding);
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'voices_added',
      recordType: 'participant',
      recordId: participant.id,
      organisationId: engagement.advocacyOrganisationId,
      details: { engagementId: engagement.id, voices: answers.length },
    });
  });
}

export async function changeContact(
  deps: Deps,
  participant: Participant,
  contact: Contact | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await replaceContact(trx, participant.id, contact, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'contact_changed',
      recordType: 'participant',
      recordId: participant.id,
      organisationId: null,
      details: { route: contact?.route ?? 'none' },
    });
  });
}

export async function withdraw(deps: Deps, participant: Participant): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await withdrawParticipant(trx, participant.id, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'participant_withdrew',
      recordType: 'participant',
      recordId: participant.id,
      organisationId: null,
    });
  });
}

/** How a person asked the advocacy organisation to withdraw what they said. */
export const WITHDRAWAL_REQUESTS = ['in_person', 'in_writing', 'through_someone'] as const;
export type WithdrawalRequest = (typeof WITHDRAWAL_REQUESTS)[number];

/**
 * A person asks the advocacy organisation, not the public pages, to withdraw what they said: most
 * often someone heard in a session, who has no reference code. Everything they said leaves every
 * list and count, and their contact details and answers about themselves are deleted, as when
 * they withdraw themselves. The audit row names who did it and how the person asked.
 */
export async function withdrawOnRequest(
  deps: Deps,
  actor: Actor,
  participantId: string,
  asked: WithdrawalRequest,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await withdrawParticipant(trx, participantId, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'participant_withdrawn_on_request',
      recordType: 'participant',
      recordId: participantId,
      organisationId: actor.organisationId,
      details: { asked },
    });
  });
}

/** An advocate records what someone said, on their behalf, in a session. */
export async function recordVoiceOnBehalf(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  sessionId: string | null,
  input: OnBehalfInput,
  contact: Contact | null,
  channel: Extract<Channel, 'session' | 'paper'> = 'session',
): Promise<string> {
  await checkAnswers(deps, engagement, [{ promptId: input.promptId, text: input.text }]);
  const at = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const participantId = await insertParticipant(
      trx,
      { engagementId: engagement.id, perspective: input.perspective, referenceHash: null },
      at,
    );
    await replaceContact(trx, participantId, contact, at);
    const { id: voiceId, safeguarding } = await insertVoice(
      trx,
      {
        engagementId: engagement.id,
        promptId: input.promptId,
        participantId,
        channel,
        sessionId,
        capturedById: actor.userId,
        helpGiven: input.helpGiven,
        whoseView: input.whoseView,
        consentUse: input.consentUse,
        consentQuote: input.consentQuote,
        consentGivenBy: input.consentGivenBy,
        text: input.text,
        isSummary: input.isSummary,
      },
      at,
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'voice_recorded',
      recordType: 'voice',
      recordId: voiceId,
      organisationId: actor.organisationId,
      details: {
        engagementId: engagement.id,
        channel,
        ...(sessionId === null ? {} : { sessionId }),
      },
    });
    await flagRaised(trx, deps, engagement, voiceId, safeguarding);
    return voiceId;
  });
}

/** A correction is a new version; the earlier words are kept. */
export async function correctVoice(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voice: Voice,
  input: CorrectionInput,
): Promise<number> {
  // The next version is read inside the transaction; if two corrections still race, the
  // database's unique (voice, version) turns the second into a plain conflict, not a 500.
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const versions = await listVoiceVersions(trx, voice.id);
      const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
      const words = {
        text: input.text,
        isSummary: input.isSummary,
        reason: input.reason,
        writtenById: actor.userId,
      };
      const at = deps.clock().toISOString();
      await insertVoiceVersion(trx, voice.id, version, words, at);
      // New words are checked again. A re-check only ever adds a flag: it never clears one.
      const check = checkSafeguarding(input.text);
      if (check.flagged && voice.triageState !== 'safeguarding_flagged') {
        await insertSuggestion(trx, voice.id, { kind: 'safeguarding', ...check }, at);
        await refreshTriageState(trx, voice.id);
        await flagRaised(trx, deps, engagement, voice.id, check);
      }
      await recordAudit(trx, deps.clock, {
        actorUserId: actor.userId,
        action: 'voice_corrected',
        recordType: 'voice',
        recordId: voice.id,
        organisationId: actor.organisationId,
        details: { version },
      });
      return version;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}

export type VoicesView =
  { view: 'advocacy'; voices: Voice[] } | { view: 'council'; voices: DeidentifiedVoice[] };

export type VoicesPage =
  { view: 'advocacy'; page: Page<Voice> } | { view: 'council'; page: Page<DeidentifiedVoice> };

/** The advocacy organisation looked at the engagement's voices: how many the look matched. */
const auditViewed = (deps: Deps, actor: Actor, engagement: Engagement, count: number) =>
  recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'voices_viewed',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: { count },
  });

/**
 * The voices a staff member may see. The advocacy organisation sees everything, and each look
 * is audited; council roles see de-identified voices, only where the person agreed to their use.
 */
export async function voicesFor(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  filters: VoiceFilters,
): Promise<VoicesView> {
  const voices = await listVoices(deps.db, engagement.id, filters);
  if (can(actor, 'see_identifiable_voices', engagement)) {
    await auditViewed(deps, actor, engagement, voices.length);
    return { view: 'advocacy', voices };
  }
  return { view: 'council', voices: voices.filter(councilMaySee).map(deidentify) };
}

/**
 * What a page number past the last one gives: the last page (the staff list, where a link may
 * have outlived a voice or two), or no voices at all (the API, so a program paging through knows
 * it has reached the end).
 */
export type PastTheLastPage = 'last' | 'empty';

/**
 * One page of the voices a staff member may see, as `voicesFor` (the same rules, and the look
 * audited for the advocacy organisation), reading only that page's voices: the count and the page
 * come from the database, so a list of 100,000 voices costs what a list of 20 does.
 */
export async function voicesPageFor(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  filters: VoiceFilters,
  requested: number,
  size: number,
  pastTheLast: PastTheLastPage = 'last',
): Promise<VoicesPage> {
  const advocacy = can(actor, 'see_identifiable_voices', engagement);
  const seen = advocacy ? filters : { ...filters, councilMaySee: true };
  const total = await countVoices(deps.db, engagement.id, seen);
  const clamped = pagePosition(total, requested, size);
  const beyond = pastTheLast === 'empty' && requested > clamped.count;
  // Past the end nothing is read; the page keeps the number asked for, and shows 0 to 0.
  const position = beyond ? { ...clamped, number: requested, start: 0 } : clamped;
  const voices = beyond
    ? []
    : await listVoices(deps.db, engagement.id, seen, { offset: position.start, limit: size });
  if (!advocacy) {
    return { view: 'council', page: pageFrom(voices.map(deidentify), position, total) };
  }
  await auditViewed(deps, actor, engagement, total);
  return { view: 'advocacy', page: pageFrom(voices, position, total) };
}

/** One voice with all its versions, for the advocacy organisation. */
export async function voiceWithHistory(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
) {
  const [voice] = await listVoices(deps.db, engagement.id, { voiceId, includeWithdrawn: true });
  if (voice === undefined) throw new NotFoundError();
  const versions = await listVoiceVersions(deps.db, voice.id);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'voice_viewed',
    recordType: 'voice',
    recordId: voice.id,
    organisationId: actor.organisationId,
  });
  return { voice, versions };
}
