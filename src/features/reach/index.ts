export { type EqualityAnswers, equalityAnswersSchema } from './equality.schemas.ts';
export { equalityAnswersOf } from './equality.repository.ts';
export { forgetAboutThemselves, tellAboutThemselves } from './equality.service.ts';
export { type Population, populationOf } from './population.repository.ts';
export { populationRoutes } from './population.routes.ts';
export { reachRoutes } from './reach.routes.ts';
export { equalityFormContext } from './equality.form.ts';
