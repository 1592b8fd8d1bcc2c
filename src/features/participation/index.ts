import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { aboutYouRoutes } from './about-you.routes.ts';
import { takePartRoutes } from './take-part.routes.ts';
import { yourAnswersRoutes } from './your-answers.routes.ts';

export { type ReadingFormat, readingFormat } from './participation.cookies.ts';
export { formatContext } from './participation.pages.ts';
export { questionIn } from './participation.service.ts';

/** The public door: anyone may read an engagement that is listening, answer, and come back. */
export function participationRoutes(app: FastifyInstance, deps: Deps): void {
  takePartRoutes(app, deps);
  yourAnswersRoutes(app, deps);
  aboutYouRoutes(app, deps);
}
