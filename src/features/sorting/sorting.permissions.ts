import { type Actor, hasRole } from '../accounts/index.ts';
import { type Engagement, can } from '../engagements/index.ts';

/** Advocacy leads and advocates sort voices, ask for consent and pass concerns on. */
export const maySort = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement);

/**
 * Only a named person decides on a safeguarding flag: the engagement's safeguarding lead or
 * deputy, or, once an unreviewed flag has been escalated, the advocacy organisation's leads.
 */
export function mayDecideSafeguarding(
  actor: Actor,
  engagement: Engagement,
  escalated: boolean,
): boolean {
  if (actor.userId === engagement.safeguardingLeadId) return true;
  if (actor.userId === engagement.safeguardingDeputyId) return true;
  return (
    escalated &&
    actor.organisationId === engagement.advocacyOrganisationId &&
    hasRole(actor, 'lead')
  );
}
