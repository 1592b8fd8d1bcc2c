import type { Actor } from '../accounts/index.ts';
import { hasRole } from '../accounts/index.ts';

export type OrganisationAction = 'list_organisations' | 'create_organisation' | 'manage_users';

/**
 * A platform administrator manages organisations (and may set up any organisation's first
 * users); an organisation's admin manages that organisation's users and no other's.
 */
export function can(
  actor: Actor,
  action: OrganisationAction,
  organisation?: { id: string },
): boolean {
  switch (action) {
    case 'list_organisations':
    case 'create_organisation':
      return actor.platformAdmin;
    case 'manage_users':
      return (
        actor.platformAdmin ||
        (hasRole(actor, 'admin') &&
          organisation !== undefined &&
          actor.organisationId === organisation.id)
      );
  }
}

/** True for someone who can manage users somewhere, so the route lets them reach the page. */
export const managesUsers = (actor: Actor): boolean =>
  actor.platformAdmin || hasRole(actor, 'admin');
