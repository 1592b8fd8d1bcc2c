import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import {
  type AskedHow,
  type ConsentAnswer,
  type SafeguardingOutcome,
  type SortOutcome,
  type ToldHow,
  type TriageFacts,
  type TriageState,
  type WeighAs,
  triageState,
} from './sorting.core.ts';

export interface Suggestion {
  voiceId: string;
  kind: 'safeguarding' | 'individual_concern';
  source: string;
  version: string;
  score: number;
  categories: string[];
  createdAt: string;
}

export interface Decision {
  voiceId: string;
  kind: 'safeguarding' | 'sort';
  outcome: SafeguardingOutcome | SortOutcome;
  reason: string;
  pointer: string | null;
  decidedById: string;
  decidedByName: string;
  decidedAt: string;
}

export interface Consent {
  answer: ConsentAnswer;
  askedHow: AskedHow;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

export interface Handover {
  passedTo: string;
  personToldHow: ToldHow;
  passedById: string;
  passedByName: string;
  passedAt: string;
}

/** Every suggestion a machine made about these voices, oldest first. */
export async function suggestionsOf(db: Db, voiceIds: readonly string[]): Promise<Suggestion[]> {
  if (voiceIds.length === 0) return [];
  const rows = await db
    .selectFrom('triage_suggestions')
    .selectAll()
    .where('voice_id', 'in', [...voiceIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    voiceId: row.voice_id,
    kind: row.kind as Suggestion['kind'],
    source: row.source,
    version: row.version,
    score: row.score,
    categories: JSON.parse(row.categories) as string[],
    createdAt: row.created_at,
  }));
}

/** Every decision people made about these voices, oldest first, with who made it. */
export async function decisionsOf(db: Db, voiceIds: readonly string[]): Promise<Decision[]> {
  if (voiceIds.length === 0) return [];
  const rows = await db
    .selectFrom('triage_decisions')
    .innerJoin('users', 'users.id', 'triage_decisions.decided_by_id')
    .selectAll('triage_decisions')
    .select('users.name as decided_by_name')
    .where('triage_decisions.voice_id', 'in', [...voiceIds])
    .orderBy('triage_decisions.decided_at')
    .orderBy('triage_decisions.id')
    .execute();
  return rows.map((row) => ({
    voiceId: row.voice_id,
    kind: row.kind as Decision['kind'],
    outcome: row.outcome as Decision['outcome'],
    reason: row.reason,
    pointer: row.pointer,
    decidedById: row.decided_by_id,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
  }));
}

export async function insertDecision(
  db: Db,
  decision: Omit<Decision, 'decidedByName'>,
): Promise<void> {
  await db
    .insertInto('triage_decisions')
    .values({
      id: newId(),
      voice_id: decision.voiceId,
      kind: decision.kind,
      outcome: decision.outcome,
      reason: decision.reason,
      pointer: decision.pointer,
      decided_by_id: decision.decidedById,
      decided_at: decision.decidedAt,
    })
    .execute();
}

/** What the suggestions and decisions so far add up to for one voice. */
export function factsFrom(suggestions: Suggestion[], decisions: Decision[]): TriageFacts {
  const lastFlag = suggestions.filter((s) => s.kind === 'safeguarding').at(-1);
  const lastSafeguarding = decisions.filter((d) => d.kind === 'safeguarding').at(-1);
  const lastSort = decisions.filter((d) => d.kind === 'sort').at(-1);
  return {
    // A flag raised after the last decision (new words, checked again) is open again.
    flagOpen:
      lastFlag !== undefined &&
      (lastSafeguarding === undefined || lastFlag.createdAt > lastSafeguarding.decidedAt),
    safeguarding: lastSafeguarding?.outcome as SafeguardingOutcome | undefined,
    concernSuggested: suggestions.some((s) => s.kind === 'individual_concern'),
    sort: lastSort?.outcome as SortOutcome | undefined,
  };
}

/** Works out where a voice stands from everything recorded, and keeps it on the voice. */
export async function refreshTriageState(db: Db, voiceId: string): Promise<TriageState> {
  const [suggestions, decisions] = await Promise.all([
    suggestionsOf(db, [voiceId]),
    decisionsOf(db, [voiceId]),
  ]);
  const state = triageState(factsFrom(suggestions, decisions));
  await db.updateTable('voices').set({ triage_state: state }).where('id', '=', voiceId).execute();
  return state;
}

export async function insertConsent(
  db: Db,
  voiceId: string,
  consent: Omit<Consent, 'recordedByName'>,
): Promise<void> {
  await db
    .insertInto('casework_consents')
    .values({
      id: newId(),
      voice_id: voiceId,
      answer: consent.answer,
      asked_how: consent.askedHow,
      recorded_by_id: consent.recordedById,
      recorded_at: consent.recordedAt,
    })
    .execute();
}

/** Each voice's newest answer to "may we pass this on?". */
export async function consentsOf(
  db: Db,
  voiceIds: readonly string[],
): Promise<Map<string, Consent>> {
  if (voiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('casework_consents')
    .innerJoin('users', 'users.id', 'casework_consents.recorded_by_id')
    .selectAll('casework_consents')
    .select('users.name as recorded_by_name')
    .where('casework_consents.voice_id', 'in', [...voiceIds])
    .orderBy('casework_consents.recorded_at')
    .orderBy('casework_consents.id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.voice_id,
      {
        answer: row.answer as ConsentAnswer,
        askedHow: row.asked_how as AskedHow,
        recordedById: row.recorded_by_id,
        recordedByName: row.recorded_by_name,
        recordedAt: row.recorded_at,
      },
    ]),
  );
}

export async function insertHandover(
  db: Db,
  voiceId: string,
  handover: Omit<Handover, 'passedByName'>,
): Promise<void> {
  await db
    .insertInto('casework_handovers')
    .values({
      id: newId(),
      voice_id: voiceId,
      passed_to: handover.passedTo,
      person_told_how: handover.personToldHow,
      passed_by_id: handover.passedById,
      passed_at: handover.passedAt,
    })
    .execute();
}

/** Each voice's newest hand-over to casework. */
export async function handoversOf(
  db: Db,
  voiceIds: readonly string[],
): Promise<Map<string, Handover>> {
  if (voiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('casework_handovers')
    .innerJoin('users', 'users.id', 'casework_handovers.passed_by_id')
    .selectAll('casework_handovers')
    .select('users.name as passed_by_name')
    .where('casework_handovers.voice_id', 'in', [...voiceIds])
    .orderBy('casework_handovers.passed_at')
    .orderBy('casework_handovers.id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.voice_id,
      {
        passedTo: row.passed_to,
        personToldHow: row.person_told_how as ToldHow,
        passedById: row.passed_by_id,
        passedByName: row.passed_by_name,
        passedAt: row.passed_at,
      },
    ]),
  );
}

/** When each of these voices' flags was escalated to the advocacy organisation's leads. */
export async function escalationsOf(
  db: Db,
  voiceIds: readonly string[],
): Promise<Map<string, string>> {
  if (voiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('safeguarding_escalations')
    .selectAll()
    .where('voice_id', 'in', [...voiceIds])
    .execute();
  return new Map(rows.map((row) => [row.voice_id, row.escalated_at]));
}

/** Open flags in every engagement, oldest first, with the engagement's advocacy organisation. */
export async function openFlagsNotEscalated(db: Db) {
  return db
    .selectFrom('voices')
    .innerJoin('engagements', 'engagements.id', 'voices.engagement_id')
    .leftJoin('safeguarding_escalations', 'safeguarding_escalations.voice_id', 'voices.id')
    .select([
      'voices.id as voiceId',
      'voices.engagement_id as engagementId',
      'engagements.advocacy_organisation_id as advocacyOrganisationId',
      'engagements.title as title',
    ])
    .select((eb) =>
      eb
        .selectFrom('triage_suggestions')
        .select((inner) => inner.fn.max('triage_suggestions.created_at').as('flaggedAt'))
        .whereRef('triage_suggestions.voice_id', '=', 'voices.id')
        .where('triage_suggestions.kind', '=', 'safeguarding')
        .as('flaggedAt'),
    )
    .where('voices.triage_state', '=', 'safeguarding_flagged')
    .where('safeguarding_escalations.voice_id', 'is', null)
    .orderBy('voices.created_at')
    .execute();
}

export async function insertEscalation(db: Db, voiceId: string, at: string): Promise<void> {
  await db
    .insertInto('safeguarding_escalations')
    .values({ voice_id: voiceId, escalated_at: at })
    .execute();
}

/** How many of an engagement's voices stand in each state; withdrawn voices are not counted. */
export async function countByState(db: Db, engagementId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('voices')
    .select(['triage_state'])
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('engagement_id', '=', engagementId)
    .where('withdrawn_at', 'is', null)
    .groupBy('triage_state')
    .execute();
  return new Map(rows.map((row) => [row.triage_state, Number(row.count)]));
}

export interface CampaignDecision {
  groupId: string;
  weighAs: WeighAs;
  reason: string;
  decidedByName: string;
  decidedAt: string;
}

export async function insertCampaignDecision(
  db: Db,
  engagementId: string,
  decision: {
    groupId: string;
    weighAs: WeighAs;
    reason: string;
    decidedById: string;
    decidedAt: string;
  },
): Promise<void> {
  await db
    .insertInto('campaign_decisions')
    .values({
      id: newId(),
      engagement_id: engagementId,
      group_id: decision.groupId,
      weigh_as: decision.weighAs,
      reason: decision.reason,
      decided_by_id: decision.decidedById,
      decided_at: decision.decidedAt,
    })
    .execute();
}

/** Each campaign group's newest decision on how it counts. */
export async function campaignDecisionsOf(
  db: Db,
  engagementId: string,
): Promise<Map<string, CampaignDecision>> {
  const rows = await db
    .selectFrom('campaign_decisions')
    .innerJoin('users', 'users.id', 'campaign_decisions.decided_by_id')
    .selectAll('campaign_decisions')
    .select('users.name as decided_by_name')
    .where('campaign_decisions.engagement_id', '=', engagementId)
    .orderBy('campaign_decisions.decided_at')
    .orderBy('campaign_decisions.id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.group_id,
      {
        groupId: row.group_id,
        weighAs: row.weigh_as as WeighAs,
        reason: row.reason,
        decidedByName: row.decided_by_name,
        decidedAt: row.decided_at,
      },
    ]),
  );
}

/**
 * Open flags waiting for this person, per engagement: those where they are the named
 * safeguarding lead or deputy, and, for the advocacy organisation's leads, those escalated.
 */
export async function flagsWaitingFor(
  db: Db,
  person: { userId: string; organisationId: string | null; isAdvocacyLead: boolean },
): Promise<{ engagementId: string; title: string; count: number }[]> {
  const rows = await db
    .selectFrom('voices')
    .innerJoin('engagements', 'engagements.id', 'voices.engagement_id')
    .leftJoin('safeguarding_escalations', 'safeguarding_escalations.voice_id', 'voices.id')
    .select(['engagements.id as engagementId', 'engagements.title as title'])
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('voices.triage_state', '=', 'safeguarding_flagged')
    .where((eb) =>
      eb.or([
        eb('engagements.safeguarding_lead_id', '=', person.userId),
        eb('engagements.safeguarding_deputy_id', '=', person.userId),
        ...(person.isAdvocacyLead && person.organisationId !== null
          ? [
              eb.and([
                eb('engagements.advocacy_organisation_id', '=', person.organisationId),
                eb('safeguarding_escalations.voice_id', 'is not', null),
              ]),
            ]
          : []),
      ]),
    )
    .groupBy(['engagements.id', 'engagements.title'])
    .orderBy('engagements.title')
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/**
 * What a person may read about their own answers: where an off-topic answer can go instead,
 * and who a case was passed to with their consent. Never anything about safeguarding: the
 * page may be read on a shared phone.
 */
export async function outcomesForPerson(
  db: Db,
  voiceIds: readonly string[],
): Promise<Map<string, { pointer: string | null; passedTo: string | null }>> {
  const [decisions, handovers] = await Promise.all([
    decisionsOf(db, voiceIds),
    handoversOf(db, voiceIds),
  ]);
  const outcomes = new Map<string, { pointer: string | null; passedTo: string | null }>();
  for (const voiceId of voiceIds) {
    const sort = decisions.filter((d) => d.voiceId === voiceId && d.kind === 'sort').at(-1);
    const handover = handovers.get(voiceId);
    outcomes.set(voiceId, {
      pointer: sort?.outcome === 'off_topic' ? sort.pointer : null,
      passedTo: sort?.outcome === 'individual_concern' && handover ? handover.passedTo : null,
    });
  }
  return outcomes;
}
