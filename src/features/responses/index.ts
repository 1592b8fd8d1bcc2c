export { responsesRoutes } from './responses.routes.ts';
export { tellingPeopleRoutes } from './telling-people.routes.ts';
export { youSaidWeDidRoutes } from './you-said-we-did.routes.ts';
export { waitingForAnswer } from './responses.repository.ts';
export type { WaitingForAnswer } from './responses.repository.ts';
