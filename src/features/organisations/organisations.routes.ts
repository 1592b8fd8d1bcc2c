import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { requireActor } from '../accounts/index.ts';
import { auditTrailRoutes } from './audit-trail.routes.ts';
import { ORGANISATION_TYPES, ROLES } from './organisations.core.ts';
import { can, managesUsers } from './organisations.permissions.ts';
import { changeUserSchema, newOrganisationSchema, newUserSchema } from './organisations.schemas.ts';
import {
  addUser,
  changeUser,
  createOrganisation,
  organisationToManage,
  organisationsFor,
  userToManage,
  usersOf,
} from './organisations.service.ts';

type OrganisationParams = { Params: { organisationId: string } };
type UserParams = { Params: { organisationId: string; userId: string } };

const VIEWS = 'organisations/views';
const platformAdmin = { access: (actor: { platformAdmin: boolean }) => actor.platformAdmin };
const userManager = { access: managesUsers };

/** Staff pages for organisations and their users. */
export function organisationsRoutes(app: FastifyInstance, deps: Deps): void {
  const formOptions = { organisationTypes: ORGANISATION_TYPES, roles: ROLES };
  auditTrailRoutes(app, deps);

  app.get('/organisations', { config: platformAdmin }, async (request, reply) => {
    const organisations = await organisationsFor(deps, requireActor(request));
    return reply.render(`${VIEWS}/list.njk`, { organisations });
  });

  app.get('/organisations/new', { config: platformAdmin }, (_request, reply) =>
    reply.render(`${VIEWS}/new.njk`, { ...formOptions, values: {} }),
  );

  app.post('/organisations', { config: platformAdmin }, async (request, reply) => {
    const actor = requireActor(request);
    const values = request.body ?? {};
    const parsed = parseForm(newOrganisationSchema, values);
    const created = parsed.ok ? await createOrganisation(deps, actor, parsed.value) : parsed;
    if (!created.ok) {
      return reply
        .code(400)
        .render(`${VIEWS}/new.njk`, { ...formOptions, values, errors: created.errors });
    }
    return reply.redirect(`/organisations/${created.value.id}/users?added=organisation`, 303);
  });

  app.get<OrganisationParams>(
    '/organisations/:organisationId/users',
    { config: userManager },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      const users = await usersOf(deps, actor, organisation);
      const query = request.query as { added?: string; changed?: string };
      return reply.render(`${VIEWS}/users.njk`, {
        organisation,
        users,
        added: query.added,
        changed: query.changed,
        canListOrganisations: can(actor, 'list_organisations'),
      });
    },
  );

  app.get<OrganisationParams>(
    '/organisations/:organisationId/users/new',
    { config: userManager },
    async (request, reply) => {
      const organisation = await organisationToManage(
        deps,
        requireActor(request),
        request.params.organisationId,
      );
      return reply.render(`${VIEWS}/new-user.njk`, {
        ...formOptions,
        organisation,
        values: { roles: [] },
      });
    },
  );

  app.post<OrganisationParams>(
    '/organisations/:organisationId/users',
    { config: userManager },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(newUserSchema, body);
      const added = parsed.ok ? await addUser(deps, actor, organisation, parsed.value) : parsed;
      if (!added.ok) {
        // The password is never sent back to the page.
        const values = { ...body, password: '', roles: [body.roles ?? []].flat() };
        return reply.code(400).render(`${VIEWS}/new-user.njk`, {
          ...formOptions,
          organisation,
          values,
          errors: added.errors,
        });
      }
      return reply.redirect(`/organisations/${organisation.id}/users?added=user`, 303);
    },
  );

  app.get<UserParams>(
    '/organisations/:organisationId/users/:userId',
    { config: userManager },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      const user = await userToManage(deps, actor, organisation, request.params.userId);
      const values = { roles: user.roles, access: user.disabled ? 'disabled' : 'active' };
      return reply.render(`${VIEWS}/user.njk`, { ...formOptions, organisation, user, values });
    },
  );

  app.post<UserParams>(
    '/organisations/:organisationId/users/:userId',
    { config: userManager },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      const user = await userToManage(deps, actor, organisation, request.params.userId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(changeUserSchema, body);
      const changed = parsed.ok ? await changeUser(deps, actor, user, parsed.value) : parsed;
      if (!changed.ok) {
        const values = { roles: [body.roles ?? []].flat(), access: body.access };
        return reply.code(400).render(`${VIEWS}/user.njk`, {
          ...formOptions,
          organisation,
          user,
          values,
          errors: changed.errors,
        });
      }
      return reply.redirect(`/organisations/${organisation.id}/users?changed=${user.id}`, 303);
    },
  );
}
