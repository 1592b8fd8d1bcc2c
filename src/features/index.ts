import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import { accountsApi, accountsRoutes } from './accounts/index.ts';
import { engagementsApi, engagementsRoutes } from './engagements/index.ts';
import { healthRoutes } from './health/health.routes.ts';
import { homeRoutes } from './home/home.routes.ts';
import { organisationsApi, organisationsRoutes } from './organisations/index.ts';
import { opinionRoutes } from './opinion/index.ts';
import { participationRoutes } from './participation/index.ts';
import { populationRoutes, reachRoutes } from './reach/index.ts';
import { responsesRoutes, tellingPeopleRoutes, youSaidWeDidRoutes } from './responses/index.ts';
import { sessionsApi, sessionsRoutes } from './sessions/index.ts';
import { sortingRoutes } from './sorting/index.ts';
import { statementsRoutes } from './statements/index.ts';
import { themesRoutes } from './themes/index.ts';
import { voicesApi } from './voices/voices.api.ts';
import { voicesImportRoutes } from './voices/voices.import.routes.ts';
import { voicesRoutes } from './voices/voices.routes.ts';

/** The one list of features. Each adds its pages and API routes; each route states its access. */
export const features: ((app: FastifyInstance, deps: Deps) => void)[] = [
  healthRoutes,
  homeRoutes,
  accountsRoutes,
  accountsApi,
  organisationsRoutes,
  organisationsApi,
  engagementsRoutes,
  engagementsApi,
  participationRoutes,
  sessionsRoutes,
  sessionsApi,
  voicesRoutes,
  voicesImportRoutes,
  voicesApi,
  sortingRoutes,
  statementsRoutes,
  opinionRoutes,
  themesRoutes,
  responsesRoutes,
  tellingPeopleRoutes,
  youSaidWeDidRoutes,
  reachRoutes,
  populationRoutes,
];
