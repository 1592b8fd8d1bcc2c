import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { hasRole, requireActor } from '../accounts/index.ts';
import { listEngagementsOf } from '../engagements/index.ts';
import { waitingForAnswer } from '../responses/index.ts';
import { flagsWaitingFor } from '../sorting/index.ts';

/** The public start page, and the staff home page: what to do next, for this person's roles. */
export function homeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/start.njk'),
  );

  app.get('/home', { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = requireActor(request);
    const engagements =
      actor.organisationId === null ? [] : await listEngagementsOf(deps.db, actor.organisationId);
    // Told in Heard at once: open safeguarding flags waiting for this person come first.
    const flags = await flagsWaitingFor(deps.db, {
      userId: actor.userId,
      organisationId: actor.organisationId,
      isAdvocacyLead: actor.organisationType === 'advocacy' && hasRole(actor, 'lead'),
    });
    // A council's decision makers: recommendations and challenges waiting for their answer.
    const toAnswer =
      actor.organisationType === 'council' &&
      hasRole(actor, 'decision_maker') &&
      actor.organisationId
        ? await waitingForAnswer(deps.db, actor.organisationId)
        : [];
    return reply.render('home/views/home.njk', { engagements, flags, toAnswer });
  });

  app.get('/accessibility', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/accessibility.njk'),
  );
  app.get('/privacy', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('home/views/privacy.njk'),
  );
}
