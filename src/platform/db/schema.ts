import type { Generated, Insertable, Selectable } from 'kysely';

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
  messages: MessagesTable;
  triage_decisions: TriageDecisionsTable;
  casework_consents: CaseworkConsentsTable;
  casework_handovers: CaseworkHandoversTable;
  safeguarding_escalations: SafeguardingEscalationsTable;
  campaign_decisions: CampaignDecisionsTable;
  triage_models: TriageModelsTable;
  statements: StatementsTable;
  statement_votes: StatementVotesTable;
  session_voters: SessionVotersTable;
  opinion_snapshots: OpinionSnapshotsTable;
  recommendations: RecommendationsTable;
  recommendation_quotes: RecommendationQuotesTable;
  responses: ResponsesTable;
  response_actions: ResponseActionsTable;
  action_updates: ActionUpdatesTable;
  response_challenges: ResponseChallengesTable;
  recommendation_themes: RecommendationThemesTable;
  action_evidence_files: ActionEvidenceFilesTable;
  response_revisions: ResponseRevisionsTable;
  feedback_pages: FeedbackPagesTable;
  feedback_follow_ups: FeedbackFollowUpsTable;
  feedback_notices: FeedbackNoticesTable;
  feedback_stops: FeedbackStopsTable;
  feedback_answers: FeedbackAnswersTable;
  theme_snapshots: ThemeSnapshotsTable;
  theme_edits: ThemeEditsTable;
  theme_assignments: ThemeAssignmentsTable;
  theme_publications: ThemePublicationsTable;
  theme_reviews: ThemeReviewsTable;
  theme_take_backs: ThemeTakeBacksTable;
  theme_runs: ThemeRunsTable;
  rate_limit_counts: RateLimitCountsTable;
  voice_imports: VoiceImportsTable;
  equality_answers: EqualityAnswersTable;
  population_baselines: PopulationBaselinesTable;
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
  /** The voter-id in the Polis export this person was imported from; null otherwise. */
  external_id: string | null;
}

/** Identifiable: held by the advocacy organisation only, never shown to council roles. */
export interface ParticipantContactsTable {
  participant_id: string;
  route: string;
  detail: string;
  updated_at: string;
  /** How a letter reaches them: 'plain' or 'easy-read' (0019; 'plain' unless they asked). */
  format: Generated<string>;
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

/** The email outbox: one row per message Heard means to send (see platform/mail). */
export interface MessagesTable {
  id: string;
  /** What the message is about, e.g. 'safeguarding_flag'. */
  kind: string;
  /** Unique: the same notice is never queued twice. */
  dedupe_key: string;
  recipient_address: string;
  recipient_user_id: string | null;
  subject: string;
  /** Plain text. The link, when there is one, is sent after it. */
  body: string;
  link: string | null;
  /** 'queued' | 'sending' | 'sent' | 'failed' | 'given_up'. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** When a sender took it; a claim far in the past means that sender died. */
  claimed_at: string | null;
  /** Error code, SMTP reply code and short reason, with any address removed. */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;

/** A person's decision on a voice; add-only, the newest per voice and kind stands. */
export interface TriageDecisionsTable {
  id: string;
  voice_id: string;
  /** 'safeguarding' or 'sort'. */
  kind: string;
  outcome: string;
  reason: string;
  pointer: string | null;
  decided_by_id: string;
  decided_at: string;
}

/** The person's answer to "may we pass this on?"; add-only, the newest stands. */
export interface CaseworkConsentsTable {
  id: string;
  voice_id: string;
  /** 'yes' or 'no'. */
  answer: string;
  /** 'contact_route' or 'session'. */
  asked_how: string;
  recorded_by_id: string;
  recorded_at: string;
}

/** An individual concern passed on, with consent, and how the person was told where it went. */
export interface CaseworkHandoversTable {
  id: string;
  voice_id: string;
  passed_to: string;
  person_told_how: string;
  passed_by_id: string;
  passed_at: string;
}

export interface SafeguardingEscalationsTable {
  voice_id: string;
  escalated_at: string;
}

/** How a campaign group counts in themes: as one voice or as many; add-only. */
export interface CampaignDecisionsTable {
  id: string;
  engagement_id: string;
  group_id: string;
  weigh_as: string;
  reason: string;
  decided_by_id: string;
  decided_at: string;
}

/** A model retrained on this deployment's decisions; the newest of its kind is used. */
export interface TriageModelsTable {
  id: string;
  /** 'individual_concern'. */
  kind: string;
  version: string;
  /** How many people's decisions it learnt from. */
  decisions: number;
  /** The model as JSON. */
  model: string;
  trained_at: string;
}

/** What people asked for, written by the advocacy lead; a draft until sent (sent_at). */
export interface RecommendationsTable {
  id: string;
  engagement_id: string;
  asked_plain: string;
  asked_easy_read: string;
  written_by_id: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  sent_by_id: string | null;
}

/** A voice quoted behind a recommendation: only ever one whose person consented to be quoted. */
export interface RecommendationQuotesTable {
  recommendation_id: string;
  voice_id: string;
  position: number;
}

/** The decision maker's answer to one recommendation; never edited once published. */
export interface ResponsesTable {
  id: string;
  recommendation_id: string;
  /** 'adopt' | 'adapt' | 'explore' | 'not_now'; null in a draft not yet decided. */
  decision: string | null;
  reasons_plain: string;
  reasons_easy_read: string;
  /** 'draft' | 'published'. */
  state: string;
  written_by_id: string;
  updated_at: string;
  published_at: string | null;
  published_by_id: string | null;
}

export interface ResponseActionsTable {
  id: string;
  response_id: string;
  what: string;
  owner_id: string;
  /** YYYY-MM-DD. */
  due_on: string;
  /** 'planned' | 'in_progress' | 'done' | 'dropped': the newest update's. */
  status: string;
  created_by_id: string;
  created_at: string;
  updated_at: string;
}

/** A dated progress update on an action; add-only. */
export interface ActionUpdatesTable {
  id: string;
  action_id: string;
  status: string;
  note: string;
  evidence_link: string | null;
  written_by_id: string;
  written_at: string;
}

/** A published theme a recommendation comes from; add-only, the newest set (choice_id) stands. */
export interface RecommendationThemesTable {
  id: string;
  recommendation_id: string;
  /** One id for the themes chosen in one save (UUIDv7: the newest sorts last). */
  choice_id: string;
  snapshot_id: string;
  theme_key: string;
  /** The theme's name when it was chosen. */
  theme_label: string;
  position: number;
  chosen_by_id: string;
  chosen_at: string;
}

/** A file attached to an action's progress update; add-only. */
export interface ActionEvidenceFilesTable {
  id: string;
  update_id: string;
  filename: string;
  /** Worked out from the bytes. */
  content_type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  /** 1 when it may be shown on the public page. */
  public: number;
}

/** The decision maker's revised answer after a challenge was upheld; the answer it revises stays. */
export interface ResponseRevisionsTable {
  id: string;
  response_id: string;
  challenge_id: string;
  decision: string | null;
  reasons_plain: string;
  reasons_easy_read: string;
  /** 'draft' | 'published'. */
  state: string;
  written_by_id: string;
  updated_at: string;
  published_at: string | null;
}

/** An advocate's challenge to a published response, and the decision maker's reply. */
export interface ResponseChallengesTable {
  id: string;
  response_id: string;
  reasons: string;
  raised_by_id: string;
  raised_at: string;
  reply: string | null;
  /** 'upheld' | 'not_upheld', once replied. */
  outcome: string | null;
  replied_by_id: string | null;
  replied_at: string | null;
}

/** A statement to agree or disagree with (opinion map). */
export interface StatementsTable {
  id: string;
  engagement_id: string;
  text: string;
  text_easy_read: string | null;
  /** 'approved' | 'pending' | 'rejected'. */
  state: string;
  is_meta: number;
  author_participant_id: string | null;
  author_user_id: string | null;
  rejection_reason: string | null;
  moderated_by_id: string | null;
  moderated_at: string | null;
  created_at: string;
  /** The comment-id in the Polis export this statement was imported from; null otherwise. */
  external_id: string | null;
}

/** The latest vote of one participant on one statement: 1 agree, -1 disagree, 0 pass. */
export interface StatementVotesTable {
  participant_id: string;
  statement_id: string;
  value: number;
  voted_at: string;
  recorded_by_id: string | null;
  session_id: string | null;
}

/** A person an advocate records votes for in a session, with how they consented. */
export interface SessionVotersTable {
  participant_id: string;
  session_id: string;
  consent_given_by: string;
  recorded_by_id: string;
  recorded_at: string;
}

/** One computed version of an engagement's opinion map; add-only, the newest is shown. */
export interface OpinionSnapshotsTable {
  id: string;
  engagement_id: string;
  version: number;
  votes: number;
  participants: number;
  last_vote_at: string | null;
  /** JSON: see features/opinion/opinion.result.ts. */
  result: string;
  computed_at: string;
}

/** A published "You said, we did" page: public from then on. */
export interface FeedbackPagesTable {
  engagement_id: string;
  published_at: string;
  published_by_id: string;
}

/** A "Did anything change for you?" question sent to the people who asked to be told. */
export interface FeedbackFollowUpsTable {
  id: string;
  engagement_id: string;
  sent_at: string;
  sent_by_id: string;
}

/** One person told of one event by their route; unique per participant and event. */
export interface FeedbackNoticesTable {
  id: string;
  engagement_id: string;
  participant_id: string;
  /** 'published' | 'action_done' | 'follow_up'. */
  kind: string;
  /** 'published', 'action_done:<action id>' or 'follow_up:<follow-up id>'. */
  event: string;
  route: string;
  /** 'queued' (email, in the outbox) | 'waiting' (text, post, advocate) | 'done'. */
  state: string;
  message_id: string | null;
  advocate_id: string | null;
  created_at: string;
  sent_at: string | null;
  done_at: string | null;
  done_by_id: string | null;
}

/** A person who asked for no more messages. */
export interface FeedbackStopsTable {
  participant_id: string;
  notice_id: string;
  stopped_at: string;
}

/** An answer to "Did anything change for you?". */
export interface FeedbackAnswersTable {
  notice_id: string;
  follow_up_id: string;
  /** 'yes' | 'a_little' | 'no' | 'not_sure'. */
  changed: string;
  action_id: string | null;
  words: string;
  /** 1 when the person agreed the council may read their words. */
  share_words: number;
  answered_at: string;
}

/** One draft of an engagement's themes, numbered from 1; never changed once saved. */
export interface ThemeSnapshotsTable {
  id: string;
  engagement_id: string;
  /** The question these themes are of (0018); null for the whole engagement. */
  prompt_id: string | null;
  version: number;
  created_at: string;
  created_by_id: string;
  pipeline_version: string;
  /** JSON: the themes, with key, label, quotes and counts. */
  themes: string;
  /** JSON: each voice that went in and its themes with confidence. */
  assignments: string;
  /** JSON: how many voices went in and how many were kept out, by reason. */
  inputs: string;
}

/** A person's change to a theme (label, description, locked); add-only, the newest stands. */
export interface ThemeEditsTable {
  id: string;
  engagement_id: string;
  /** The question these themes are of (0018); null for the whole engagement. */
  prompt_id: string | null;
  theme_key: string;
  snapshot_id: string;
  field: string;
  value: string;
  edited_by_id: string;
  edited_at: string;
}

/** A person's coding of one voice to themes (JSON keys, main first); add-only, the newest stands. */
export interface ThemeAssignmentsTable {
  id: string;
  engagement_id: string;
  /** The question these themes are of (0018); null for the whole engagement. */
  prompt_id: string | null;
  voice_id: string;
  theme_keys: string;
  snapshot_id: string;
  assigned_by_id: string;
  assigned_at: string;
}

export interface ThemePublicationsTable {
  id: string;
  engagement_id: string;
  /** The question these themes are of (0018); null for the whole engagement. */
  prompt_id: string | null;
  snapshot_id: string;
  published_by_id: string;
  published_at: string;
}

/** A person checked one snapshot of the themes and marked it reviewed; add-only. */
export interface ThemeReviewsTable {
  id: string;
  engagement_id: string;
  snapshot_id: string;
  reviewed_by_id: string;
  reviewed_at: string;
}

/** The advocacy lead took one publication back, with a reason; at most one per publication. */
export interface ThemeTakeBacksTable {
  id: string;
  publication_id: string;
  reason: string;
  taken_back_by_id: string;
  taken_back_at: string;
}

/**
 * A draft or mapping of themes in the background: its progress while it runs (the heartbeat says
 * its process is still there), and its failure if it had one. `running_for` is the engagement's id
 * until the run ends, and unique, so an engagement has one run at a time across processes.
 */
export interface ThemeRunsTable {
  id: string;
  engagement_id: string;
  prompt_id: string | null;
  started_by_id: string;
  started_at: string;
  stage: string;
  done: number;
  total: number;
  heartbeat_at: string;
  outcome: 'running' | 'saved' | 'failed' | 'stopped';
  finished_at: string | null;
  failure: string | null;
  running_for: string | null;
}

/**
 * Requests from one address to one rate-limited route in the current window, shared by every
 * process. `key_hash` is an HMAC of the route and address (never the address itself).
 */
export interface RateLimitCountsTable {
  key_hash: string;
  hits: number;
  window_ends: string;
}

/**
 * A CSV row imported as a voice: `import_key` is a SHA-256 hash of the row's key (its id in the
 * survey, or its text and line), never the key, so the same file imported again is skipped.
 */
export interface VoiceImportsTable {
  engagement_id: string;
  import_key: string;
  voice_id: string;
  imported_at: string;
}

/**
 * Special category data: what a person chose to tell about themselves for equality monitoring
 * (0024). Read only as counts; never shown beside their voices, never to council roles as rows.
 */
export interface EqualityAnswersTable {
  participant_id: string;
  /** One of `EQUALITY_QUESTION_KEYS`. */
  question: string;
  /** A census category's key, or `prefer-not-to-say`. */
  answer: string;
  recorded_at: string;
}

/** How many people in a council's area are in one census category (0025); one area per question. */
export interface PopulationBaselinesTable {
  /** The council whose area it is. */
  organisation_id: string;
  /** One of `EQUALITY_QUESTION_KEYS`. */
  question: string;
  /** A census category's key. */
  category: string;
  people: number;
  /** The area's ONS code, such as E08000035. */
  area_code: string;
  area_name: string;
  /** The Nomis file's `date` column, such as 2021. */
  census_date: string;
  imported_by_id: string;
  imported_at: string;
}
