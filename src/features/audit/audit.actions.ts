// Every action Heard records on the audit trail, by kind: a look at identifiable data, signing in
// or out, or a change. `recordAudit` takes only these, so the trail has words for each (in
// src/platform/i18n/en/audit.json).

export const AUDIT_KINDS = ['identifiable', 'signing_in', 'changes'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Looks at (or downloads of) what identifies a person: voices, contact details, cases, staff, and
 * copies of the whole database.
 */
const IDENTIFIABLE = [
  'voice_viewed',
  'voices_viewed',
  'voices_exported',
  'contact_viewed',
  'feedback_contacts_read',
  'casework_exported',
  'sorting_queue_viewed',
  'users_viewed',
  'audit_trail_viewed',
  'audit_trail_exported',
  'database_backed_up',
] as const;

const SIGNING_IN = ['signed_in', 'signed_out', 'sign_in_failed'] as const;

const CHANGES = [
  'organisation_created',
  'user_added',
  'user_changed',
  'engagement_created',
  'engagement_changed',
  'prompt_added',
  'prompt_changed',
  'commitment_signed',
  'phase_moved',
  'session_recorded',
  'voice_recorded',
  'voices_added',
  'voices_submitted',
  'voices_imported',
  'voice_corrected',
  'voice_flagged_safeguarding',
  'contact_changed',
  'participant_withdrew',
  'participant_withdrawn_on_request',
  'equality_answers_saved',
  'equality_answers_deleted',
  'population_imported',
  'safeguarding_escalated',
  'safeguarding_decided',
  'voice_sorted',
  'casework_consent_recorded',
  'casework_passed_on',
  'campaign_weighed',
  'concern_model_retrained',
  'statement_seeded',
  'statement_proposed',
  'statement_approved',
  'statement_rejected',
  'session_voter_recorded',
  'vote_recorded_on_behalf',
  'polis_imported',
  'themes_drafted',
  'themes_mapped',
  'theme_edited',
  'theme_added',
  'theme_deleted',
  'themes_merged',
  'theme_split',
  'theme_voice_coded',
  'theme_voice_moved',
  'theme_voices_moved',
  'themes_reviewed',
  'themes_published',
  'themes_taken_back',
  'recommendation_written',
  'recommendation_changed',
  'recommendations_sent',
  'response_drafted',
  'response_published',
  'response_revision_drafted',
  'response_revision_published',
  'action_added',
  'action_updated',
  'challenge_raised',
  'challenge_answered',
  'feedback_published',
  'feedback_republished',
  'feedback_told',
  'feedback_follow_up_sent',
  'feedback_stopped',
  'demo_seeded',
] as const;

export type AuditAction =
  (typeof IDENTIFIABLE)[number] | (typeof SIGNING_IN)[number] | (typeof CHANGES)[number];

/** Every action Heard records. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [...IDENTIFIABLE, ...SIGNING_IN, ...CHANGES];

/** The actions of one kind, for the trail's filter. */
export const actionsOfKind = (kind: AuditKind): readonly AuditAction[] =>
  kind === 'identifiable' ? IDENTIFIABLE : kind === 'signing_in' ? SIGNING_IN : CHANGES;

/** Whether a stored action is one Heard records today (and so has words on the trail). */
export const isAuditAction = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);
