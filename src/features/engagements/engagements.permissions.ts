import type { Actor } from '../accounts/index.ts';
import { hasRole } from '../accounts/index.ts';
import type { Engagement } from './engagements.core.ts';

export type EngagementAction =
  | 'create'
  | 'view'
  | 'edit'
  | 'sign_commitment'
  | 'move_phase'
  | 'capture_voices'
  | 'see_identifiable_voices'
  | 'see_voices';

type Parties = Pick<Engagement, 'commissioningOrganisationId' | 'advocacyOrganisationId'>;

const inAdvocacy = (actor: Actor, engagement: Parties): boolean =>
  actor.organisationId === engagement.advocacyOrganisationId;
const inCouncil = (actor: Actor, engagement: Parties): boolean =>
  actor.organisationId === engagement.commissioningOrganisationId;

/** Can this person start an engagement at all (an advocacy lead, or a council decision maker or officer)? */
export function canCreateEngagements(actor: Actor): boolean {
  if (actor.organisationType === 'advocacy') return hasRole(actor, 'lead');
  if (actor.organisationType === 'council')
    return hasRole(actor, 'decision_maker') || hasRole(actor, 'officer');
  return false;
}

/**
 * What each role may do in an engagement. The advocacy organisation holds people's voices and
 * what identifies them; the council sees voices de-identified, and commits and responds.
 */
export function can(
  actor: Actor,
  action: Exclude<EngagementAction, 'create'>,
  engagement: Parties,
): boolean {
  const advocacyLead = inAdvocacy(actor, engagement) && hasRole(actor, 'lead');
  const advocate = inAdvocacy(actor, engagement) && hasRole(actor, 'advocate');
  const councilStaff =
    inCouncil(actor, engagement) && (hasRole(actor, 'decision_maker') || hasRole(actor, 'officer'));
  switch (action) {
    case 'view':
      return inAdvocacy(actor, engagement) || inCouncil(actor, engagement);
    case 'edit':
      return advocacyLead || councilStaff;
    case 'sign_commitment':
      return inCouncil(actor, engagement) && hasRole(actor, 'decision_maker');
    case 'move_phase':
      return advocacyLead;
    case 'capture_voices':
    case 'see_identifiable_voices':
      return advocacyLead || advocate;
    case 'see_voices':
      return advocacyLead || advocate || councilStaff;
  }
}

/** A party to the engagement sees it; anyone else is told it does not exist. */
export const isParty = (actor: Actor, engagement: Parties): boolean =>
  can(actor, 'view', engagement);
