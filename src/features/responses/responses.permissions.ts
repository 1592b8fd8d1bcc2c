import { type Actor, hasRole } from '../accounts/index.ts';
import type { Engagement } from '../engagements/index.ts';

type Parties = Pick<Engagement, 'commissioningOrganisationId' | 'advocacyOrganisationId'>;

export type ResponsesAction =
  'write_recommendations' | 'respond' | 'update_actions' | 'challenge' | 'reply_to_challenge';

/**
 * Who does what once people have been heard: the advocacy lead writes and sends what people
 * asked for; the council's decision maker answers it, commits actions and replies to
 * challenges; council officers keep actions up to date; advocates challenge an answer that
 * misses what people said. Every party may read the record.
 */
export function mayDo(actor: Actor, action: ResponsesAction, engagement: Parties): boolean {
  const advocacy = actor.organisationId === engagement.advocacyOrganisationId;
  const council = actor.organisationId === engagement.commissioningOrganisationId;
  const decisionMaker = council && hasRole(actor, 'decision_maker');
  switch (action) {
    case 'write_recommendations':
      return advocacy && hasRole(actor, 'lead');
    case 'respond':
    case 'reply_to_challenge':
      return decisionMaker;
    case 'update_actions':
      return decisionMaker || (council && hasRole(actor, 'officer'));
    case 'challenge':
      return advocacy && (hasRole(actor, 'lead') || hasRole(actor, 'advocate'));
  }
}

/** Everything the pages need to know about what this person may do. */
export const mayAll = (actor: Actor, engagement: Parties) => ({
  write: mayDo(actor, 'write_recommendations', engagement),
  respond: mayDo(actor, 'respond', engagement),
  updateActions: mayDo(actor, 'update_actions', engagement),
  challenge: mayDo(actor, 'challenge', engagement),
  reply: mayDo(actor, 'reply_to_challenge', engagement),
});
