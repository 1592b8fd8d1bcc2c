import { z } from 'zod';
import {
  EQUALITY_QUESTIONS,
  type EqualityQuestionKey,
  PREFER_NOT_TO_SAY,
  ageBand,
} from '../../analysis/reach/census-categories.ts';

// Messages are catalogue keys, in the plain words participants read.

/** The oldest age the form takes: anyone older has mistyped. */
const OLDEST = 120;

/** An age in whole years, kept only as its census band; blank when the person left it out. */
const age = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z
    .string()
    .refine(
      (typed) => typed === '' || (/^\d{1,3}$/.test(typed) && Number(typed) <= OLDEST),
      'reach.validation.age',
    )
    .transform((typed) => (typed === '' ? undefined : ageBand(Number(typed)))),
);

/** One of a question's census categories, "prefer not to say", or blank (not answered). */
const choiceOf = (keys: readonly string[]) =>
  z.preprocess(
    (value) => (value === undefined ? '' : value),
    z
      .string({ error: 'reach.validation.choice' })
      .refine((chosen) => chosen === '' || keys.includes(chosen), 'reach.validation.choice')
      .transform((chosen) => (chosen === '' ? undefined : chosen)),
  );

const choices = Object.fromEntries(
  EQUALITY_QUESTIONS.filter((question) => question.key !== 'age').map((question) => [
    question.key,
    choiceOf([...question.categories.map((category) => category.key), PREFER_NOT_TO_SAY]),
  ]),
);

/**
 * The "about you" form: every question optional. Gives each answered question's answer, keyed
 * by question; an age is kept as its census band, never as typed.
 */
export const equalityAnswersSchema = z
  .object({ age, ...choices })
  .transform(
    (fields) =>
      new Map(
        Object.entries(fields).filter(
          (entry): entry is [EqualityQuestionKey, string] => entry[1] !== undefined,
        ),
      ),
  );

export type EqualityAnswers = z.output<typeof equalityAnswersSchema>;
