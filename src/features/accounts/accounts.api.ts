import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, ORGANISATION_TYPES } from '../organisations/index.ts';
import { requireActor } from './access.ts';

const meSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  organisationType: z.enum(ORGANISATION_TYPES).nullable(),
  roles: z.array(z.enum(ROLES)),
  platformAdmin: z.boolean(),
});

export function accountsApi(root: FastifyInstance): void {
  root.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'Who you are signed in as',
        response: { 200: meSchema },
      },
    },
    (request) => requireActor(request),
  );
}
