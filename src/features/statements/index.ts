import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { statementsImportRoutes } from './statements.import.routes.ts';
import { statementsPublicRoutes } from './statements.public.routes.ts';
import { statementsSessionRoutes } from './statements.sessions.routes.ts';
import { statementsStaffRoutes } from './statements.staff.routes.ts';

export type { Statement, StatementState, Vote } from './statements.core.ts';
export { VOTES } from './statements.core.ts';

/** Statements to agree or disagree with: staff seed and moderate, people vote, advocates help. */
export function statementsRoutes(app: FastifyInstance, deps: Deps): void {
  statementsStaffRoutes(app, deps);
  statementsImportRoutes(app, deps);
  statementsPublicRoutes(app, deps);
  statementsSessionRoutes(app, deps);
}
