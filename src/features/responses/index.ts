export { responsesRoutes } from './responses.routes.ts';
export { waitingForAnswer } from './responses.repository.ts';
export type { WaitingForAnswer } from './responses.repository.ts';
