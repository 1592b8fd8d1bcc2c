import { z } from 'zod';
import { PERSPECTIVES } from '../engagements/index.ts';
import { ADVOCATE_CONSENT_WAYS } from '../voices/index.ts';
import { REJECTION_REASON_MAX_LENGTH, STATEMENT_MAX_LENGTH } from './statements.core.ts';

// Messages are catalogue keys. Participants read some of them, so they are in plain words.

/** Browsers send a line break as CR LF while the character count counts one. */
const singleBreaks = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;

/** An optional box: anything but text counts as left empty. */
const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''),
    z.string().trim().max(max, tooLong),
  );

const statementText = (missing: string, tooLong: string) =>
  z.preprocess(
    singleBreaks,
    z.string({ error: missing }).trim().min(1, missing).max(STATEMENT_MAX_LENGTH, tooLong),
  );

/** A participant's own statement, held for moderation. */
export const participantStatementSchema = z.object({
  text: statementText('statements.validation.textMissing', 'statements.validation.textTooLong'),
});

/** A statement staff seed (or, from the council, propose). */
export const staffStatementSchema = z.object({
  text: statementText(
    'statements.validation.staffTextMissing',
    'statements.validation.staffTextTooLong',
  ),
  textEasyRead: optionalText(
    STATEMENT_MAX_LENGTH,
    'statements.validation.easyReadTooLong',
  ).transform((text) => (text === '' ? null : text)),
  // One checkbox: ticked sends 'yes', unticked sends nothing.
  isMeta: z
    .string()
    .optional()
    .transform((value) => value === 'yes'),
});
export type StaffStatementInput = z.output<typeof staffStatementSchema>;

export const moderationSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'statements.validation.decisionMissing' }),
    reason: optionalText(REJECTION_REASON_MAX_LENGTH, 'statements.validation.reasonTooLong'),
  })
  .superRefine((value, context) => {
    // The author reads the reason: a rejection without one leaves them guessing.
    if (value.decision === 'reject' && value.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'statements.validation.reasonMissing',
      });
    }
  });
export type ModerationInput = z.output<typeof moderationSchema>;

export const perspectiveSchema = z.object({
  perspective: z.enum(PERSPECTIVES, { error: 'statements.validation.perspectiveMissing' }),
});

/** The person an advocate records votes for: who they are and how they agreed. */
export const sessionVoterSchema = z.object({
  perspective: z.enum(PERSPECTIVES, { error: 'statements.validation.theirPerspectiveMissing' }),
  consentUse: z.literal('yes', { error: 'statements.validation.consentNeeded' }),
  consentGivenBy: z.enum(ADVOCATE_CONSENT_WAYS, {
    error: 'statements.validation.consentGivenByMissing',
  }),
});
export type SessionVoterInput = z.output<typeof sessionVoterSchema>;
