import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { listEngagementsOf } from '../engagements/index.ts';

/** The public start page, and the staff home page: what to do next, for this person's roles. */
export function homeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/start.njk'),
  );

  app.get('/home', { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = requireActor(request);
    const engagements =
      actor.organisationId === null ? [] : await listEngagementsOf(deps.db, actor.organisationId);
    return reply.render('home/views/home.njk', { engagements });
  });

  app.get('/accessibility', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/accessibility.njk'),
  );
  app.get('/privacy', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/privacy.njk'),
  );
}
