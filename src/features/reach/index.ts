export { type EqualityAnswers, equalityAnswersSchema } from './equality.schemas.ts';
export { equalityAnswersOf } from './equality.repository.ts';
export { forgetAboutThemselves, tellAboutThemselves } from './equality.service.ts';
