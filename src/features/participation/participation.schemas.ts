import { z } from 'zod';
import { parseForm } from '../../platform/forms.ts';
import { type FieldErrors, type Result, invalid, ok } from '../../platform/result.ts';
import { PERSPECTIVES, type Prompt } from '../engagements/index.ts';
import {
  type Answer,
  type PublicSubmission,
  VOICE_MAX_LENGTH,
  contactSchema,
  normaliseReferenceCode,
} from '../voices/index.ts';

// Messages are catalogue keys, in the plain words participants read.

/** The form field that holds the answer to a question. */
export const answerField = (promptId: string): string => `answer-${promptId}`;

/**
 * One answer box. Browsers send a line break as two characters (CR LF) while the page's
 * character count counts one, so breaks are made single before the length is checked.
 */
const answerText = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''),
  z.string().trim().max(VOICE_MAX_LENGTH, 'validation.voice.tooLong'),
);

/** Answers to an engagement's questions: one or more, in the questions' order. */
export function answersSchema(prompts: readonly Prompt[]) {
  const shape: Record<string, typeof answerText> = {};
  for (const prompt of prompts) shape[answerField(prompt.id)] = answerText;
  const first = prompts[0];
  return z
    .object(shape)
    .superRefine((fields, context) => {
      if (first !== undefined && Object.values(fields).every((text) => text === '')) {
        context.addIssue({
          code: 'custom',
          path: [answerField(first.id)],
          message: 'participation.validation.answersMissing',
        });
      }
    })
    .transform((fields): Answer[] =>
      prompts.flatMap((prompt) => {
        const text = fields[answerField(prompt.id)] ?? '';
        return text === '' ? [] : [{ promptId: prompt.id, text }];
      }),
    );
}

const aboutYouSchema = z.object({
  perspective: z.enum(PERSPECTIVES, { error: 'validation.voice.perspectiveMissing' }),
  consentUse: z.literal('yes', { error: 'validation.consent.useNeeded' }),
  consentQuote: z
    .enum(['yes', 'no'], { error: 'validation.consent.quoteMissing' })
    .transform((answer) => answer === 'yes'),
});

/**
 * The whole answer form: who the person is answering as, their answers, their consents and how
 * to tell them what happened. Every problem is found at once, each against its own field.
 */
export function parseSubmission(
  prompts: readonly Prompt[],
  body: Record<string, unknown>,
): Result<PublicSubmission> {
  const aboutYou = parseForm(aboutYouSchema, body);
  const answers = parseForm(answersSchema(prompts), body);
  const contact = parseForm(contactSchema, body);
  if (aboutYou.ok && answers.ok && contact.ok) {
    return ok({
      perspective: aboutYou.value.perspective,
      answers: answers.value,
      consentQuote: aboutYou.value.consentQuote,
      contact: contact.value,
    });
  }
  // In the order the page shows the fields, so the error summary reads from the top down.
  const aboutYouErrors: FieldErrors = aboutYou.ok ? {} : aboutYou.errors;
  const { perspective, ...consents } = aboutYouErrors;
  return invalid({
    ...(perspective === undefined ? {} : { perspective }),
    ...(answers.ok ? {} : answers.errors),
    ...consents,
    ...(contact.ok ? {} : contact.errors),
  });
}

/** The code a returning person types. Mistyped is told apart from unknown, to help them fix it. */
export const referenceSchema = z.object({
  reference: z
    .string({ error: 'participation.validation.referenceMissing' })
    .trim()
    .min(1, 'participation.validation.referenceMissing')
    .refine(
      (typed) => typed.length <= 40 && normaliseReferenceCode(typed) !== undefined,
      'participation.validation.referenceFormat',
    ),
});
