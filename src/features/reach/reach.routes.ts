import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { can, engagementFor } from '../engagements/index.ts';
import { reachOf } from './reach.service.ts';

type EngagementParams = { Params: { engagementId: string } };

const staff = { access: 'signed-in' } as const;

/**
 * Who an engagement is reaching: the equality monitoring answers people chose to give, as
 * protected counts, beside the area's census population. For everyone who may see the voices.
 */
export function reachRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<EngagementParams>(
    '/engagements/:engagementId/reach',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      return reply.render('reach/views/reach.njk', {
        engagement,
        reach: await reachOf(deps, engagement),
        // Those who set the engagement up may bring in the area's census figures.
        populationHref: can(actor, 'edit', engagement)
          ? `/organisations/${engagement.commissioningOrganisationId}/population`
          : undefined,
      });
    },
  );
}
