export { sortingRoutes } from './sorting.routes.ts';
export { flagsWaitingFor, outcomesForPerson } from './sorting.repository.ts';
