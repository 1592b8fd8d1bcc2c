import { z } from 'zod';
import { asList } from '../../platform/forms.ts';
import { uploadedFileSchema } from '../../platform/http/uploads.ts';
import { checkEvidenceFile, safeFilename } from './evidence.core.ts';
import { ACTION_STATUSES, CHALLENGE_OUTCOMES, DECISIONS } from './responses.core.ts';

// Messages are catalogue keys; each says what to fix.

const TEXT_MAX = 5000;
const QUOTES_MAX = 10;

const required = (missing: string, max = TEXT_MAX) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, 'responses.errors.tooLong');

const optional = (max = TEXT_MAX) =>
  z.string().trim().max(max, 'responses.errors.tooLong').default('');

export const recommendationSchema = z.object({
  askedPlain: required('responses.errors.askedPlainMissing'),
  askedEasyRead: required('responses.errors.askedEasyReadMissing'),
  quotes: z.preprocess(
    asList,
    z.array(z.string().min(1)).max(QUOTES_MAX, 'responses.errors.tooManyQuotes'),
  ),
  /** Keys of the published themes it comes from (none to choose before any are shared). */
  themes: z.preprocess(asList, z.array(z.string().min(1))),
});
export type RecommendationInput = z.output<typeof recommendationSchema>;

/**
 * A response may be saved as a draft half-written; it is published only with a decision and
 * reasons in both plain English and Easy Read.
 */
export const responseSchema = z
  .object({
    intent: z.enum(['draft', 'publish']).default('draft'),
    decision: z
      .union([z.enum(DECISIONS), z.literal('')], { error: 'responses.errors.decisionMissing' })
      .default(''),
    reasonsPlain: optional(),
    reasonsEasyRead: optional(),
  })
  .superRefine((value, context) => {
    if (value.intent !== 'publish') return;
    const missing = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (value.decision === '') missing('decision', 'responses.errors.decisionMissing');
    if (value.reasonsPlain === '') missing('reasonsPlain', 'responses.errors.reasonsPlainMissing');
    if (value.reasonsEasyRead === '')
      missing('reasonsEasyRead', 'responses.errors.reasonsEasyReadMissing');
  })
  .transform((value) => ({ ...value, decision: value.decision === '' ? null : value.decision }));
export type ResponseInput = z.output<typeof responseSchema>;

export const actionSchema = z.object({
  what: required('responses.errors.whatMissing', 1000),
  ownerId: z
    .string({ error: 'responses.errors.ownerMissing' })
    .min(1, 'responses.errors.ownerMissing'),
  // From the date input's three boxes (dateFromParts): '' when empty, 'invalid' when no such day.
  dueOn: z
    .string({ error: 'responses.errors.dueOnMissing' })
    .min(1, 'responses.errors.dueOnMissing')
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), 'responses.errors.dueOnInvalid'),
});
export type ActionInput = z.output<typeof actionSchema>;

const evidenceLink = z
  .string()
  .trim()
  .max(2000, 'responses.errors.tooLong')
  .default('')
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), {
    message: 'responses.errors.linkInvalid',
  })
  .transform((value) => (value === '' ? null : value));

/** A file as evidence: checked from its bytes and name; its name kept, its type worked out. */
const evidenceFile = uploadedFileSchema
  .optional()
  .superRefine((file, context) => {
    if (file === undefined) return;
    const check = checkEvidenceFile(file);
    if (!check.ok)
      context.addIssue({ code: 'custom', message: `responses.errors.file.${check.error}` });
  })
  .transform((file) => {
    if (file === undefined) return null;
    const check = checkEvidenceFile(file);
    return check.ok
      ? {
          filename: safeFilename(file.filename),
          contentType: check.type.contentType,
          bytes: file.bytes,
        }
      : null;
  });

export const actionUpdateSchema = z
  .object({
    status: z.enum(ACTION_STATUSES, { error: 'responses.errors.statusMissing' }),
    note: optional(2000),
    evidenceLink,
    evidenceFile,
    evidencePublic: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
  })
  .superRefine((value, context) => {
    if (value.note !== '') return;
    context.addIssue({
      code: 'custom',
      path: ['note'],
      // A dropped action must say why: people were promised it.
      message:
        value.status === 'dropped'
          ? 'responses.errors.droppedReasonMissing'
          : 'responses.errors.noteMissing',
    });
  });
export type ActionUpdateInput = z.output<typeof actionUpdateSchema>;

export const challengeSchema = z.object({
  reasons: required('responses.errors.challengeReasonsMissing'),
});
export type ChallengeInput = z.output<typeof challengeSchema>;

export const challengeReplySchema = z.object({
  reply: required('responses.errors.replyMissing'),
  outcome: z.enum(CHALLENGE_OUTCOMES, { error: 'responses.errors.outcomeMissing' }),
});
export type ChallengeReplyInput = z.output<typeof challengeReplySchema>;

export const QUOTE_LIMIT = QUOTES_MAX;
