import { type Actor, hasRole } from '../accounts/index.ts';
import { type Engagement, can } from '../engagements/index.ts';

/**
 * The advocacy organisation's leads seed and moderate statements: the organisation is the
 * custodian of what participants write, and its independence keeps moderation fair.
 */
export const mayModerate = (actor: Actor, engagement: Engagement): boolean =>
  actor.organisationId === engagement.advocacyOrganisationId && hasRole(actor, 'lead');

/** Whoever may edit the engagement may propose statements; council ones wait for a lead. */
export const mayPropose = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'edit', engagement);

/** Participants' statements, before moderation, may hold what identifies them. */
export const maySeeParticipantsWords = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement);

/** Advocates record votes on someone's behalf, in a session they ran or joined. */
export const mayRecordVotes = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement);

/** Statements can be written while an engagement is being set up and while it listens. */
export const takesStatements = (engagement: Engagement): boolean =>
  engagement.phase === 'draft' || engagement.phase === 'listening';
