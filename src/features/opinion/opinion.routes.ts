import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { PERSPECTIVES, can, engagementFor } from '../engagements/index.ts';
import { opinionLabels } from './opinion.labels.ts';
import { opinionReport } from './opinion.report.ts';
import { latestSnapshot, statementTexts } from './opinion.repository.ts';

type EngagementParams = { Params: { engagementId: string } };

/** The opinion map report for staff: groups, common ground, perspectives and the map. */
export function opinionRoutes(app: FastifyInstance, deps: Deps): void {
  const labels = opinionLabels(deps.t);
  app.get<EngagementParams>(
    '/engagements/:engagementId/opinion',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      const snapshot = await latestSnapshot(deps.db, engagement.id);
      const seesPeople = can(actor, 'see_identifiable_voices', engagement);
      return reply.render('opinion/views/report.njk', {
        engagement,
        labels,
        seesPeople,
        report:
          snapshot &&
          opinionReport(snapshot, await statementTexts(deps.db, engagement.id), PERSPECTIVES, {
            seesPeople,
          }),
      });
    },
  );
}
