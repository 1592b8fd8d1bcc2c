import { createHash } from 'node:crypto';
import { predictConcern } from '../../analysis/triage/concern-classifier.ts';
import { checkSafeguarding } from '../../analysis/triage/safeguarding-check.ts';
import type { SafeguardingCategory } from '../../analysis/triage/safeguarding.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Perspective } from '../engagements/index.ts';
import {
  type Channel,
  type ConsentGivenBy,
  type Contact,
  type ContactRoute,
  type HelpGiven,
  type Voice,
  type WhoseView,
} from './voices.core.ts';
import { currentConcernModel } from '../sorting/concern-model.ts';
import { COUNCIL_READABLE, triageState } from '../sorting/sorting.core.ts';

/** Reference codes are stored only as hashes, like passwords' cousins: a leak does not reveal them. */
export const hashReference = (normalisedCode: string): string =>
  createHash('sha256').update(`heard-reference:${normalisedCode}`).digest('hex');

export interface Participant {
  id: string;
  engagementId: string;
  perspective: Perspective;
  createdAt: string;
  withdrawnAt: string | null;
}

export async function insertParticipant(
  db: Db,
  participant: { engagementId: string; perspective: Perspective; referenceHash: string | null },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('participants')
    .values({
      id,
      engagement_id: participant.engagementId,
      perspective: participant.perspective,
      reference_hash: participant.referenceHash,
      created_at: at,
      withdrawn_at: null,
    })
    .execute();
  return id;
}

/** A participant by their reference code's hash, or by id. */
export async function findParticipant(
  db: Db,
  by: { referenceHash: string } | { id: string },
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where((eb) =>
      'id' in by ? eb('id', '=', by.id) : eb('reference_hash', '=', by.referenceHash),
    )
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      engagementId: row.engagement_id,
      perspective: row.perspective as Perspective,
      createdAt: row.created_at,
      withdrawnAt: row.withdrawn_at,
    }
  );
}

/** Identifiable: call only for the advocacy organisation, and audit the read. */
export async function findContact(db: Db, participantId: string): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('participant_contacts')
    .select(['route', 'detail'])
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row && { route: row.route as ContactRoute, detail: row.detail };
}

export async function replaceContact(
  db: Db,
  participantId: string,
  contact: Contact | null,
  at: string,
): Promise<void> {
  await db.deleteFrom('participant_contacts').where('participant_id', '=', participantId).execute();
  if (contact !== null) {
    await db
      .insertInto('participant_contacts')
      .values({
        participant_id: participantId,
        route: contact.route,
        detail: contact.detail,
        updated_at: at,
        format: contact.format ?? 'plain',
      })
      .execute();
  }
}

export interface VoiceToInsert {
  engagementId: string;
  promptId: string;
  participantId: string;
  channel: Channel;
  sessionId: string | null;
  capturedById: string | null;
  helpGiven: HelpGiven[];
  whoseView: WhoseView;
  consentUse: boolean;
  consentQuote: boolean;
  consentGivenBy: ConsentGivenBy;
  text: string;
  isSummary: boolean;
}

/** What the safeguarding rules made of a new voice; never its words. */
export interface SafeguardingCheck {
  flagged: boolean;
  categories: SafeguardingCategory[];
}

/**
 * A new voice and its first version, as said. Every door (public pages, advocates, the demo)
 * comes through here, so every voice is checked for a possible safeguarding disclosure before
 * anything else happens to it, in the caller's transaction: a flagged voice is never saved
 * without its flag. Whether it reads like a person's own case is suggested too, by the
 * deployment's current individual-concern model.
 */
export async function insertVoice(
  db: Db,
  voice: VoiceToInsert,
  at: string,
): Promise<{ id: string; safeguarding: SafeguardingCheck }> {
  const id = newId();
  const safeguarding = checkSafeguarding(voice.text);
  const concern = predictConcern(await currentConcernModel(db), voice.text);
  await db
    .insertInto('voices')
    .values({
      id,
      engagement_id: voice.engagementId,
      prompt_id: voice.promptId,
      participant_id: voice.participantId,
      channel: voice.channel,
      session_id: voice.sessionId,
      captured_by_id: voice.capturedById,
      help_given: JSON.stringify(voice.helpGiven),
      whose_view: voice.whoseView,
      language: 'en',
      consent_use: voice.consentUse ? 1 : 0,
      consent_quote: voice.consentQuote ? 1 : 0,
      consent_given_by: voice.consentGivenBy,
      triage_state: triageState({
        flagOpen: safeguarding.flagged,
        safeguarding: undefined,
        concernSuggested: concern.suggested,
        sort: undefined,
      }),
      created_at: at,
      withdrawn_at: null,
    })
    .execute();
  await insertVoiceVersion(
    db,
    id,
    1,
    { text: voice.text, isSummary: voice.isSummary, reason: '', writtenById: voice.capturedById },
    at,
  );
  if (safeguarding.flagged) {
    await insertSuggestion(db, id, { kind: 'safeguarding', ...safeguarding }, at);
  }
  if (concern.suggested) {
    await insertSuggestion(db, id, { kind: 'individual_concern', ...concern, categories: [] }, at);
  }
  return {
    id,
    safeguarding: { flagged: safeguarding.flagged, categories: safeguarding.categories },
  };
}

/** A machine's suggestion about a voice, saying which rules or model made it and how sure. */
export async function insertSuggestion(
  db: Db,
  voiceId: string,
  suggestion: {
    kind: 'safeguarding' | 'individual_concern';
    version: string;
    score: number;
    categories: readonly string[];
  },
  at: string,
): Promise<void> {
  await db
    .insertInto('triage_suggestions')
    .values({
      id: newId(),
      voice_id: voiceId,
      kind: suggestion.kind,
      // `rules-2` alone: the rules; `rules-2+sg-lr-1:…`: the rules or the model; else a model.
      source: !suggestion.version.startsWith('rules')
        ? 'model'
        : suggestion.version.includes('+')
          ? 'rule+model'
          : 'rule',
      version: suggestion.version,
      score: suggestion.score,
      categories: JSON.stringify(suggestion.categories),
      created_at: at,
    })
    .execute();
}

export async function insertVoiceVersion(
  db: Db,
  voiceId: string,
  version: number,
  words: { text: string; isSummary: boolean; reason: string; writtenById: string | null },
  at: string,
): Promise<void> {
  await db
    .insertInto('voice_versions')
    .values({
      id: newId(),
      voice_id: voiceId,
      version,
      text: words.text,
      is_summary: words.isSummary ? 1 : 0,
      reason: words.reason,
      written_by_id: words.writtenById,
      created_at: at,
    })
    .execute();
}

export interface VoiceFilters {
  promptId?: string | undefined;
  perspective?: Perspective | undefined;
  channel?: Channel | undefined;
  sessionId?: string | undefined;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  participantId?: string | undefined;
  voiceId?: string | undefined;
  includeWithdrawn?: boolean | undefined;
  /** Only voices council roles may see (the person agreed, and no triage state keeps them out). */
  councilMaySee?: boolean | undefined;
  /** Only voices in one of these triage states (the sorting queue's lists). */
  triageStates?: readonly string[] | undefined;
}

/** Where a page shows only some of the voices: how many to skip, and how many to take. */
export interface VoiceSlice {
  offset: number;
  limit: number;
}

/** The engagement's voices matching the filters, with their participant (no words yet). */
function matchingVoices(db: Db, engagementId: string, filters: VoiceFilters) {
  let query = db
    .selectFrom('voices')
    .innerJoin('participants', 'participants.id', 'voices.participant_id')
    .where('voices.engagement_id', '=', engagementId);
  if (filters.includeWithdrawn !== true) query = query.where('voices.withdrawn_at', 'is', null);
  // The rule of `councilMaySee` (voices.core.ts), in SQL: a test checks the two agree.
  if (filters.councilMaySee === true)
    query = query
      .where('voices.consent_use', '=', 1)
      .where('voices.withdrawn_at', 'is', null)
      .where('voices.triage_state', 'in', [...COUNCIL_READABLE]);
  if (filters.triageStates !== undefined)
    query = query.where('voices.triage_state', 'in', [...filters.triageStates]);
  if (filters.promptId !== undefined)
    query = query.where('voices.prompt_id', '=', filters.promptId);
  if (filters.perspective !== undefined)
    query = query.where('participants.perspective', '=', filters.perspective);
  if (filters.channel !== undefined) query = query.where('voices.channel', '=', filters.channel);
  if (filters.sessionId !== undefined)
    query = query.where('voices.session_id', '=', filters.sessionId);
  if (filters.participantId !== undefined)
    query = query.where('voices.participant_id', '=', filters.participantId);
  if (filters.voiceId !== undefined) query = query.where('voices.id', '=', filters.voiceId);
  if (filters.from !== undefined) query = query.where('voices.created_at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('voices.created_at', '<', nextDay(filters.to));
  return query;
}

/** How many voices match the filters (as `listVoices` would list them). */
export async function countVoices(
  db: Db,
  engagementId: string,
  filters: VoiceFilters = {},
): Promise<number> {
  const row = await matchingVoices(db, engagementId, filters)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The matching voices joined with their current (latest) version's words. */
function matchingVoicesWithWords(db: Db, engagementId: string, filters: VoiceFilters) {
  return matchingVoices(db, engagementId, filters).innerJoin('voice_versions', (join) =>
    join
      .onRef('voice_versions.voice_id', '=', 'voices.id')
      .on('voice_versions.version', '=', (eb) =>
        eb
          .selectFrom('voice_versions as latest')
          .select((inner) => inner.fn.max('latest.version').as('version'))
          .whereRef('latest.voice_id', '=', 'voices.id'),
      ),
  );
}

/**
 * Voices with their current words, oldest first; only a slice of them when given (a page of a
 * long list, so that only its voices are read). Withdrawn voices are left out unless asked for.
 */
export async function listVoices(
  db: Db,
  engagementId: string,
  filters: VoiceFilters = {},
  slice?: VoiceSlice,
): Promise<Voice[]> {
  let query = matchingVoicesWithWords(db, engagementId, filters)
    .selectAll('voices')
    .select([
      'participants.perspective',
      'voice_versions.text',
      'voice_versions.is_summary',
      'voice_versions.version',
    ])
    .orderBy('voices.created_at')
    .orderBy('voices.id');
  if (slice !== undefined) query = query.limit(slice.limit).offset(slice.offset);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    promptId: row.prompt_id,
    participantId: row.participant_id,
    perspective: row.perspective as Perspective,
    channel: row.channel as Channel,
    sessionId: row.session_id,
    capturedById: row.captured_by_id,
    helpGiven: JSON.parse(row.help_given) as HelpGiven[],
    whoseView: row.whose_view as WhoseView,
    language: row.language,
    consentUse: row.consent_use === 1,
    consentQuote: row.consent_quote === 1,
    consentGivenBy: row.consent_given_by as ConsentGivenBy,
    triageState: row.triage_state,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
    text: row.text,
    isSummary: row.is_summary === 1,
    version: row.version,
  }));
}

/**
 * What a voice is counted and sorted by, without its words: the themes pages count every voice
 * of an engagement but show the words of few, and reading 100,000 voices' words takes most of a
 * second (`bench/themes-page.ts`). Current voices only, oldest first.
 */
export type VoiceFacts = Pick<
  Voice,
  | 'id'
  | 'participantId'
  | 'perspective'
  | 'channel'
  | 'consentUse'
  | 'consentQuote'
  | 'triageState'
  | 'withdrawnAt'
>;

export async function listVoiceFacts(db: Db, engagementId: string): Promise<VoiceFacts[]> {
  const rows = await matchingVoices(db, engagementId, {})
    .select([
      'voices.id',
      'voices.participant_id',
      'participants.perspective',
      'voices.channel',
      'voices.consent_use',
      'voices.consent_quote',
      'voices.triage_state',
      'voices.withdrawn_at',
    ])
    .orderBy('voices.created_at')
    .orderBy('voices.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    participantId: row.participant_id,
    perspective: row.perspective as Perspective,
    channel: row.channel as Channel,
    consentUse: row.consent_use === 1,
    consentQuote: row.consent_quote === 1,
    triageState: row.triage_state,
    withdrawnAt: row.withdrawn_at,
  }));
}

/**
 * Each current voice's id and words, oldest first (the order of `listVoices`), and nothing else:
 * what finding campaigns needs, read in a fifth of the time of whole voices at 100,000.
 */
export async function listVoiceWords(
  db: Db,
  engagementId: string,
): Promise<{ id: string; text: string }[]> {
  return matchingVoicesWithWords(db, engagementId, {})
    .select(['voices.id', 'voice_versions.text'])
    .orderBy('voices.created_at')
    .orderBy('voices.id')
    .execute();
}

/** Most ids one query asks for: well inside both databases' limits on parameters. */
const MOST_IDS_PER_QUERY = 500;

/** The current words of each of these voices, by id. */
export async function currentTexts(
  db: Db,
  voiceIds: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const ids = [...new Set(voiceIds)];
  for (let from = 0; from < ids.length; from += MOST_IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('voice_versions')
      .select(['voice_versions.voice_id', 'voice_versions.text'])
      .where('voice_versions.voice_id', 'in', ids.slice(from, from + MOST_IDS_PER_QUERY))
      .where('voice_versions.version', '=', (eb) =>
        eb
          .selectFrom('voice_versions as latest')
          .select((inner) => inner.fn.max('latest.version').as('version'))
          .whereRef('latest.voice_id', '=', 'voice_versions.voice_id'),
      )
      .execute();
    for (const row of rows) texts.set(row.voice_id, row.text);
  }
  return texts;
}

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface VoiceVersion {
  version: number;
  text: string;
  isSummary: boolean;
  reason: string;
  writtenById: string | null;
  createdAt: string;
}

/** Every version of a voice's words, oldest first. */
export async function listVoiceVersions(db: Db, voiceId: string): Promise<VoiceVersion[]> {
  const rows = await db
    .selectFrom('voice_versions')
    .selectAll()
    .where('voice_id', '=', voiceId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    text: row.text,
    isSummary: row.is_summary === 1,
    reason: row.reason,
    writtenById: row.written_by_id,
    createdAt: row.created_at,
  }));
}

/**
 * A person withdraws: they and their voices leave every list and count, and their contact
 * details and what they told about themselves (equality monitoring) are deleted. Safeguarding
 * records raised from their words are kept elsewhere.
 */
export async function withdrawParticipant(
  db: Db,
  participantId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('participants')
    .set({ withdrawn_at: at })
    .where('id', '=', participantId)
    .execute();
  await db
    .updateTable('voices')
    .set({ withdrawn_at: at })
    .where('participant_id', '=', participantId)
    .where('withdrawn_at', 'is', null)
    .execute();
  await db.deleteFrom('participant_contacts').where('participant_id', '=', participantId).execute();
  await db.deleteFrom('equality_answers').where('participant_id', '=', participantId).execute();
}

/** Identifiable: every contact detail given in an engagement, by participant. Audit the read. */
export async function listContactsOf(db: Db, engagementId: string): Promise<Map<string, Contact>> {
  const rows = await db
    .selectFrom('participant_contacts')
    .innerJoin('participants', 'participants.id', 'participant_contacts.participant_id')
    .select([
      'participant_contacts.participant_id',
      'participant_contacts.route',
      'participant_contacts.detail',
    ])
    .where('participants.engagement_id', '=', engagementId)
    .execute();
  return new Map(
    rows.map((row) => [
      row.participant_id,
      { route: row.route as ContactRoute, detail: row.detail },
    ]),
  );
}

/** The names of the staff who captured or corrected voices, for the advocacy organisation. */
export async function staffNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
