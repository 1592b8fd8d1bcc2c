import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInputError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { ORGANISATION_TYPES, ROLES } from './organisations.core.ts';
import { managesUsers } from './organisations.permissions.ts';
import { newOrganisationSchema, newUserSchema } from './organisations.schemas.ts';
import {
  addUser,
  createOrganisation,
  organisationToManage,
  organisationsFor,
  usersOf,
} from './organisations.service.ts';

const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  createdAt: z.string(),
});

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
});

const organisationParams = z.object({ organisationId: z.string().max(64) });

export function organisationsApi(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  app.get(
    '/api/v1/organisations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Organisations you can see',
        response: { 200: z.array(organisationSchema) },
      },
    },
    (request) => organisationsFor(deps, requireActor(request)),
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { access: (actor) => actor.platformAdmin },
      schema: {
        tags,
        summary: 'Add an organisation',
        body: newOrganisationSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const created = await createOrganisation(deps, requireActor(request), request.body);
      if (!created.ok) throw new InvalidInputError(created.errors, 409);
      return reply.code(201).send(created.value);
    },
  );

  app.get(
    '/api/v1/organisations/:organisationId/users',
    {
      config: { access: managesUsers },
      schema: {
        tags,
        summary: "An organisation's users",
        params: organisationParams,
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      return usersOf(deps, actor, organisation);
    },
  );

  app.post(
    '/api/v1/organisations/:organisationId/users',
    {
      config: { access: managesUsers },
      schema: {
        tags,
        summary: 'Add a user to an organisation',
        params: organisationParams,
        body: newUserSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisation = await organisationToManage(deps, actor, request.params.organisationId);
      const added = await addUser(deps, actor, organisation, request.body);
      if (!added.ok) throw new InvalidInputError(added.errors, 409);
      return reply.code(201).send(added.value);
    },
  );
}
