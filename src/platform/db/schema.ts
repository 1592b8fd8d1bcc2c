import type { Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Portable across SQLite and PostgreSQL: text ids (UUIDv7),
 * ISO-8601 UTC timestamps as text, booleans as 0/1 integers, JSON as text.
 */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  engagements: EngagementsTable;
  commitments: CommitmentsTable;
  prompts: PromptsTable;
  participants: ParticipantsTable;
  participant_contacts: ParticipantContactsTable;
  listening_sessions: ListeningSessionsTable;
  voices: VoicesTable;
  voice_versions: VoiceVersionsTable;
  triage_suggestions: TriageSuggestionsTable;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  type: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string | null;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database does not hand out sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  organisation_id: string | null;
  /** JSON; never voice text, names or contact details. */
  details: string;
}

export interface EngagementsTable {
  id: string;
  title: string;
  commissioning_organisation_id: string;
  advocacy_organisation_id: string;
  phase: string;
  created_at: string;
  updated_at: string;
  purpose_plain: string;
  purpose_easy_read: string;
  open_to_influence: string;
  already_decided: string;
  /** JSON array of perspectives. */
  audiences: string;
  /** JSON array of area names. */
  areas: string;
  starts_on: string | null;
  ends_on: string | null;
  safeguarding_lead_id: string | null;
  safeguarding_deputy_id: string | null;
  created_by_id: string | null;
}

export interface CommitmentsTable {
  id: string;
  engagement_id: string;
  version: number;
  statement: string;
  respond_by: string;
  signer_id: string;
  signer_name: string;
  signer_role: string;
  signed_at: string;
}

export interface PromptsTable {
  id: string;
  engagement_id: string;
  position: number;
  kind: string;
  question_plain: string;
  question_easy_read: string;
  influences: string;
  created_at: string;
}

export interface ParticipantsTable {
  id: string;
  engagement_id: string;
  /** SHA-256 of the normalised reference code; null for people heard only through an advocate. */
  reference_hash: string | null;
  perspective: string;
  created_at: string;
  withdrawn_at: string | null;
}

/** Identifiable: held by the advocacy organisation only, never shown to council roles. */
export interface ParticipantContactsTable {
  participant_id: string;
  route: string;
  detail: string;
  updated_at: string;
}

export interface ListeningSessionsTable {
  id: string;
  engagement_id: string;
  kind: string;
  held_on: string;
  place: string;
  /** JSON object: perspective -> number of people. */
  attendance: string;
  notes: string;
  advocate_id: string;
  created_at: string;
}

export interface VoicesTable {
  id: string;
  engagement_id: string;
  prompt_id: string;
  participant_id: string;
  channel: string;
  session_id: string | null;
  captured_by_id: string | null;
  /** JSON array of how an advocate helped. */
  help_given: string;
  whose_view: string;
  language: string;
  consent_use: number;
  consent_quote: number;
  consent_given_by: string;
  triage_state: string;
  created_at: string;
  withdrawn_at: string | null;
}

export interface VoiceVersionsTable {
  id: string;
  voice_id: string;
  version: number;
  text: string;
  is_summary: number;
  reason: string;
  written_by_id: string | null;
  created_at: string;
}

export interface TriageSuggestionsTable {
  id: string;
  voice_id: string;
  /** What is suggested: 'safeguarding' for now. */
  kind: string;
  /** 'rule' or 'model'. */
  source: string;
  version: string;
  score: number;
  /** JSON array of categories. */
  categories: string;
  created_at: string;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
