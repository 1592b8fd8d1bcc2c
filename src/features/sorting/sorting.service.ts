import { type CampaignGroup, groupCampaigns } from '../../analysis/triage/campaigns.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { addWorkingDays } from '../../platform/working-days.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { type Voice, findContact, listVoiceWords, listVoices } from '../voices/index.ts';
import type { TriageState } from './sorting.core.ts';
import { mayDecideSafeguarding, maySort } from './sorting.permissions.ts';
import {
  type Consent,
  type Decision,
  type Handover,
  type Suggestion,
  campaignDecisionsOf,
  consentsOf,
  countByState,
  decisionsOf,
  escalationsOf,
  handoversOf,
  insertCampaignDecision,
  insertConsent,
  insertDecision,
  insertHandover,
  refreshTriageState,
  suggestionsOf,
} from './sorting.repository.ts';
import type {
  CampaignDecisionInput,
  ConsentInput,
  HandoverInput,
  SafeguardingDecisionInput,
  SortDecisionInput,
} from './sorting.schemas.ts';

/** A flag gets one working day with its named person before the leads are told. */
const FLAG_REVIEW_WORKING_DAYS = 1;

export interface Flag {
  voice: Voice;
  flaggedAt: string;
  dueAt: string;
  escalatedAt: string | undefined;
  categories: string[];
}

export interface CaseworkItem {
  voice: Voice;
  consent: Consent | undefined;
  handover: Handover | undefined;
}

export interface SortingQueue {
  /** Open safeguarding flags, oldest first; kept even if the person has since withdrawn. */
  flags: Flag[];
  /** Voices a machine thinks are a person's own case, waiting for a person to sort. */
  suggestedConcerns: Voice[];
  casework: CaseworkItem[];
  offTopic: Voice[];
  /** Decided safeguarding records (raised, already known): kept, as the law requires. */
  safeguardingRecords: Voice[];
  campaigns: (CampaignGroup & { weighAs: string | undefined })[];
  counts: Map<string, number>;
}

const flagOf = (voice: Voice, suggestions: Suggestion[], escalatedAt: string | undefined): Flag => {
  const flags = suggestions.filter((s) => s.voiceId === voice.id && s.kind === 'safeguarding');
  const flaggedAt = flags.at(-1)?.createdAt ?? voice.createdAt;
  return {
    voice,
    flaggedAt,
    dueAt: addWorkingDays(new Date(flaggedAt), FLAG_REVIEW_WORKING_DAYS).toISOString(),
    escalatedAt,
    categories: [...new Set(flags.flatMap((s) => s.categories))],
  };
};

/** The triage states of the voices the sorting queue lists. */
const QUEUE_STATES: readonly TriageState[] = [
  'safeguarding_flagged',
  'concern_suggested',
  'individual_concern',
  'off_topic',
  'safeguarding_raised',
  'safeguarding_known',
];

const inState = (voices: Voice[], ...states: TriageState[]): Voice[] =>
  voices.filter((voice) => (states as string[]).includes(voice.triageState));

/** Everything waiting to be sorted in an engagement, for the advocacy organisation. Audited. */
export async function sortingQueue(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<SortingQueue> {
  // Only the voices the lists show are read whole; campaigns need every voice's words alone.
  const [listed, words] = await Promise.all([
    listVoices(deps.db, engagement.id, { includeWithdrawn: true, triageStates: QUEUE_STATES }),
    listVoiceWords(deps.db, engagement.id),
  ]);
  const current = listed.filter((voice) => voice.withdrawnAt === null);
  const flagged = inState(listed, 'safeguarding_flagged');
  const casework = inState(current, 'individual_concern');
  const ids = [...flagged, ...casework].map((voice) => voice.id);
  const [suggestions, escalations, consents, handovers, weights] = await Promise.all([
    suggestionsOf(
      deps.db,
      flagged.map((voice) => voice.id),
    ),
    escalationsOf(
      deps.db,
      flagged.map((voice) => voice.id),
    ),
    consentsOf(deps.db, ids),
    handoversOf(deps.db, ids),
    campaignDecisionsOf(deps.db, engagement.id),
  ]);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'sorting_queue_viewed',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: { flags: flagged.length },
  });
  return {
    flags: flagged.map((voice) => flagOf(voice, suggestions, escalations.get(voice.id))),
    suggestedConcerns: inState(current, 'concern_suggested'),
    casework: casework.map((voice) => ({
      voice,
      consent: consents.get(voice.id),
      handover: handovers.get(voice.id),
    })),
    offTopic: inState(current, 'off_topic'),
    safeguardingRecords: inState(listed, 'safeguarding_raised', 'safeguarding_known'),
    campaigns: groupCampaigns(words).map((group) => ({
      ...group,
      weighAs: weights.get(group.id)?.weighAs,
    })),
    counts: await countByState(deps.db, engagement.id),
  };
}

/** What council roles see of sorting: how many voices stand where, never which. */
export async function sortingCounts(
  deps: Deps,
  engagement: Engagement,
): Promise<Map<string, number>> {
  return countByState(deps.db, engagement.id);
}

export interface SortingRecord {
  voice: Voice;
  suggestions: Suggestion[];
  decisions: Decision[];
  consent: Consent | undefined;
  handover: Handover | undefined;
  flag: Flag | undefined;
  contact: Awaited<ReturnType<typeof findContact>>;
  mayDecideSafeguarding: boolean;
  maySort: boolean;
}

async function voiceIn(db: Db, engagement: Engagement, voiceId: string): Promise<Voice> {
  const [voice] = await listVoices(db, engagement.id, { voiceId, includeWithdrawn: true });
  if (voice === undefined) throw new NotFoundError();
  return voice;
}

/** One voice's words, for a decision form; reading them is audited. */
export async function voiceToDecide(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
): Promise<Voice> {
  const voice = await voiceIn(deps.db, engagement, voiceId);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'voice_viewed',
    recordType: 'voice',
    recordId: voice.id,
    organisationId: actor.organisationId,
    details: { engagementId: engagement.id, page: 'sorting decision' },
  });
  return voice;
}

/**
 * One voice's sorting record: the person's own words, what the machine suggested, every
 * decision and by whom, and how to reach them. Reading it is audited; so is the contact.
 */
export async function sortingRecord(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
): Promise<SortingRecord> {
  const voice = await voiceIn(deps.db, engagement, voiceId);
  const [suggestions, decisions, consents, handovers, escalations] = await Promise.all([
    suggestionsOf(deps.db, [voice.id]),
    decisionsOf(deps.db, [voice.id]),
    consentsOf(deps.db, [voice.id]),
    handoversOf(deps.db, [voice.id]),
    escalationsOf(deps.db, [voice.id]),
  ]);
  const contact =
    voice.withdrawnAt === null ? await findContact(deps.db, voice.participantId) : undefined;
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: contact === undefined ? 'voice_viewed' : 'contact_viewed',
    recordType: 'voice',
    recordId: voice.id,
    organisationId: actor.organisationId,
    details: { engagementId: engagement.id, page: 'sorting' },
  });
  const escalatedAt = escalations.get(voice.id);
  return {
    voice,
    suggestions,
    decisions,
    consent: consents.get(voice.id),
    handover: handovers.get(voice.id),
    flag:
      voice.triageState === 'safeguarding_flagged'
        ? flagOf(voice, suggestions, escalatedAt)
        : undefined,
    contact,
    mayDecideSafeguarding: mayDecideSafeguarding(actor, engagement, escalatedAt !== undefined),
    maySort: maySort(actor, engagement),
  };
}

/**
 * A named person's decision on a safeguarding flag. It is the only way a flag closes. A
 * decision can be revisited by recording a newer one; none is ever deleted.
 */
export async function decideSafeguarding(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
  input: SafeguardingDecisionInput,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const voice = await voiceIn(trx, engagement, voiceId);
    const flags = (await suggestionsOf(trx, [voice.id])).filter((s) => s.kind === 'safeguarding');
    const decided = (await decisionsOf(trx, [voice.id])).some((d) => d.kind === 'safeguarding');
    if (flags.length === 0 && !decided) throw new ConflictError('sorting.errors.noFlag');
    const escalated = (await escalationsOf(trx, [voice.id])).has(voice.id);
    if (!mayDecideSafeguarding(actor, engagement, escalated))
      throw new ForbiddenError('sorting.errors.notNamedPerson');
    const at = deps.clock().toISOString();
    await insertDecision(trx, {
      voiceId: voice.id,
      kind: 'safeguarding',
      outcome: input.outcome,
      reason: input.reason,
      pointer: null,
      decidedById: actor.userId,
      decidedAt: at,
    });
    const state = await refreshTriageState(trx, voice.id);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'safeguarding_decided',
      recordType: 'voice',
      recordId: voice.id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, outcome: input.outcome, state },
    });
  });
}

/** A person sorts a voice: design input, an individual concern for casework, or off topic. */
export async function decideSort(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
  input: SortDecisionInput,
): Promise<void> {
  if (!maySort(actor, engagement)) throw new ForbiddenError('sorting.errors.mayNotSort');
  await deps.db.transaction().execute(async (trx) => {
    const voice = await voiceIn(trx, engagement, voiceId);
    if (voice.withdrawnAt !== null) throw new ConflictError('sorting.errors.withdrawn');
    await insertDecision(trx, {
      voiceId: voice.id,
      kind: 'sort',
      outcome: input.outcome,
      reason: input.reason,
      pointer: input.pointer,
      decidedById: actor.userId,
      decidedAt: deps.clock().toISOString(),
    });
    const state = await refreshTriageState(trx, voice.id);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'voice_sorted',
      recordType: 'voice',
      recordId: voice.id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, outcome: input.outcome, state },
    });
  });
}

/** Only a confirmed individual concern is a case; consent and hand-over apply to it alone. */
async function caseIn(trx: Db, engagement: Engagement, voiceId: string): Promise<Voice> {
  const voice = await voiceIn(trx, engagement, voiceId);
  if (voice.withdrawnAt !== null) throw new ConflictError('sorting.errors.withdrawn');
  const sort = (await decisionsOf(trx, [voice.id])).filter((d) => d.kind === 'sort').at(-1);
  if (sort?.outcome !== 'individual_concern') throw new ConflictError('sorting.errors.notACase');
  return voice;
}

/** The person's answer to "may we pass this on?", as the advocate heard it. */
export async function recordConsent(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
  input: ConsentInput,
): Promise<void> {
  if (!maySort(actor, engagement)) throw new ForbiddenError('sorting.errors.mayNotSort');
  await deps.db.transaction().execute(async (trx) => {
    const voice = await caseIn(trx, engagement, voiceId);
    await insertConsent(trx, voice.id, {
      answer: input.answer,
      askedHow: input.askedHow,
      recordedById: actor.userId,
      recordedAt: deps.clock().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'casework_consent_recorded',
      recordType: 'voice',
      recordId: voice.id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id, answer: input.answer },
    });
  });
}

/** A case passed on, with the person's consent, and how they were told where it went. */
export async function handOver(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
  input: HandoverInput,
): Promise<void> {
  if (!maySort(actor, engagement)) throw new ForbiddenError('sorting.errors.mayNotSort');
  await deps.db.transaction().execute(async (trx) => {
    const voice = await caseIn(trx, engagement, voiceId);
    const consent = (await consentsOf(trx, [voice.id])).get(voice.id);
    // Without the person's yes nothing identifying leaves the advocacy organisation.
    if (consent?.answer !== 'yes') throw new ConflictError('sorting.errors.noConsent');
    await insertHandover(trx, voice.id, {
      passedTo: input.passedTo,
      personToldHow: input.personToldHow,
      passedById: actor.userId,
      passedAt: deps.clock().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'casework_passed_on',
      recordType: 'voice',
      recordId: voice.id,
      organisationId: actor.organisationId,
      details: { engagementId: engagement.id },
    });
  });
}

/** One campaign group among the engagement's current voices, or not found. */
export async function campaignIn(deps: Deps, engagement: Engagement, groupId: string) {
  const words = await listVoiceWords(deps.db, engagement.id);
  const group = groupCampaigns(words).find((candidate) => candidate.id === groupId);
  if (group === undefined) throw new NotFoundError();
  return group;
}

/** A person decides how a campaign group counts in themes: as one voice, or as many. */
export async function weighCampaign(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  groupId: string,
  input: CampaignDecisionInput,
): Promise<void> {
  if (!maySort(actor, engagement)) throw new ForbiddenError('sorting.errors.mayNotSort');
  await campaignIn(deps, engagement, groupId);
  await deps.db.transaction().execute(async (trx) => {
    await insertCampaignDecision(trx, engagement.id, {
      groupId,
      weighAs: input.weighAs,
      reason: input.reason,
      decidedById: actor.userId,
      decidedAt: deps.clock().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'campaign_weighed',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { groupId, weighAs: input.weighAs },
    });
  });
}

/** Cases passed on or ready to pass on (consent given), for the casework export. Audited. */
export async function caseworkExport(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<{ item: CaseworkItem; contact: Awaited<ReturnType<typeof findContact>> }[]> {
  const cases = await listVoices(deps.db, engagement.id, {
    triageStates: ['individual_concern'],
  });
  const ids = cases.map((voice) => voice.id);
  const [consents, handovers] = await Promise.all([
    consentsOf(deps.db, ids),
    handoversOf(deps.db, ids),
  ]);
  const consented = cases.filter((voice) => consents.get(voice.id)?.answer === 'yes');
  const rows = [];
  for (const voice of consented) {
    rows.push({
      item: { voice, consent: consents.get(voice.id), handover: handovers.get(voice.id) },
      contact: await findContact(deps.db, voice.participantId),
    });
  }
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'casework_exported',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: { cases: rows.length },
  });
  return rows;
}
