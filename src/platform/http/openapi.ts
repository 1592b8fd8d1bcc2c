import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';

/** zod schemas validate API requests and responses, and describe them at /api/docs. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(swagger, {
      openapi: {
        info: { title: 'Heard API', version: '1' },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'heard_session' } },
        },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
      hideUntagged: true,
    });
    app.get('/api/docs', { config: { access: 'public' } }, () => app.swagger());
  },
  { name: 'openapi' },
);
