export { opinionRoutes } from './opinion.routes.ts';
export { type OpinionWorker, startOpinionWorker } from './opinion-worker.ts';
export { latestPriority } from './opinion.priority.ts';
