import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { databaseAnswers } from '../../platform/db/database.ts';
import { pendingMigrations } from '../../platform/db/migrate.ts';

/** For load balancers and orchestrators: alive, and ready to serve (database up to date). */
export function healthRoutes(app: FastifyInstance, { db }: Deps): void {
  app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { config: { access: 'public' }, logLevel: 'warn' },
    async (_request, reply) => {
      if (!(await databaseAnswers(db)))
        return reply.code(503).send({ status: 'unavailable', database: 'not answering' });
      const pending = await pendingMigrations(db);
      if (pending.length > 0)
        return reply.code(503).send({ status: 'unavailable', database: 'migrations pending' });
      return { status: 'ready' };
    },
  );
}
