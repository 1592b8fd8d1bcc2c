import { EQUALITY_QUESTIONS, PREFER_NOT_TO_SAY } from '../../analysis/reach/census-categories.ts';

/**
 * What the equality questions' form needs (`reach/views/equality-fields.njk`): each question asked
 * with radios and its census answers (age is asked as a number), and the "prefer not to say" value.
 */
export const equalityFormContext = {
  questions: EQUALITY_QUESTIONS.filter((question) => question.key !== 'age').map((question) => ({
    key: question.key,
    answers: question.categories.map((category) => category.key),
    hint: question.key === 'unpaidCare' || question.key === 'sexualOrientation',
  })),
  preferNot: PREFER_NOT_TO_SAY,
};
