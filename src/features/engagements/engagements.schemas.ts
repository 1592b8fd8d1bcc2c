import { z } from 'zod';
import { asList, linesToList } from '../../platform/forms.ts';
import { PERSPECTIVES, PHASES, PROMPT_KINDS } from './engagements.core.ts';

// Messages are catalogue keys, so forms and the API explain a problem in the same plain words.

const text = (missing: string, tooLong: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

/** Optional long text: may be empty while an engagement is a draft. */
const draftText = (tooLong: string, max: number) => z.string().trim().max(max, tooLong).default('');

const isoDate = z
  .string()
  .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), 'validation.date.invalid')
  .transform((value) => (value === '' ? null : value));

export const engagementSchema = z
  .object({
    title: text('validation.engagement.titleMissing', 'validation.engagement.titleTooLong', 200),
    partnerOrganisationId: z
      .string({ error: 'validation.engagement.partnerMissing' })
      .min(1, 'validation.engagement.partnerMissing'),
    purposePlain: draftText('validation.text.tooLong', 5000),
    purposeEasyRead: draftText('validation.text.tooLong', 5000),
    openToInfluence: draftText('validation.text.tooLong', 5000),
    alreadyDecided: draftText('validation.text.tooLong', 5000),
    audiences: z.preprocess(
      asList,
      z
        .array(z.enum(PERSPECTIVES, { error: 'validation.engagement.audiencesMissing' }))
        .min(1, 'validation.engagement.audiencesMissing'),
    ),
    areas: z.preprocess(
      linesToList,
      z.array(z.string().max(100, 'validation.engagement.areaTooLong')).max(50).default([]),
    ),
    startsOn: isoDate.default(''),
    endsOn: isoDate.default(''),
    safeguardingLeadId: z
      .string()
      .default('')
      .transform((value) => (value === '' ? null : value)),
    safeguardingDeputyId: z
      .string()
      .default('')
      .transform((value) => (value === '' ? null : value)),
  })
  .refine((e) => e.startsOn === null || e.endsOn === null || e.startsOn <= e.endsOn, {
    path: ['endsOn'],
    message: 'validation.engagement.endsBeforeStart',
  })
  .refine((e) => e.safeguardingLeadId === null || e.safeguardingLeadId !== e.safeguardingDeputyId, {
    path: ['safeguardingDeputyId'],
    message: 'validation.engagement.deputySameAsLead',
  });

/** A question's words; its kind is chosen when it is added and does not change. */
export const promptWordingSchema = z.object({
  questionPlain: text('validation.prompt.plainMissing', 'validation.prompt.tooLong', 500),
  questionEasyRead: text('validation.prompt.easyReadMissing', 'validation.prompt.tooLong', 500),
  influences: text('validation.prompt.influencesMissing', 'validation.text.tooLong', 2000),
});

const promptKind = z.enum(PROMPT_KINDS, { error: 'validation.prompt.kindMissing' });

/** A new question through the API: `open` unless asked, as before kinds existed. */
export const promptSchema = promptWordingSchema.extend({
  kind: promptKind
    .default('open')
    .describe(
      "open: people answer in their own words (the default). statements: people agree or disagree with the engagement's statements, one at a time; at most one such question per engagement.",
    ),
});

/** A new question from the form, where staff choose its kind. */
export const newPromptFormSchema = promptWordingSchema.extend({ kind: promptKind });

export const commitmentSchema = z.object({
  statement: text('validation.commitment.statementMissing', 'validation.text.tooLong', 5000),
  respondBy: z
    .string({ error: 'validation.commitment.respondByMissing' })
    .min(1, 'validation.commitment.respondByMissing')
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), 'validation.date.invalid'),
  signerName: text('validation.commitment.nameMissing', 'validation.commitment.nameTooLong', 200),
  signerRole: text('validation.commitment.roleMissing', 'validation.commitment.roleTooLong', 200),
});

export const phaseSchema = z.object({
  phase: z.enum(PHASES, { error: 'validation.phase.missing' }),
});

export type EngagementInput = z.output<typeof engagementSchema>;
export type PromptWording = z.output<typeof promptWordingSchema>;
export type PromptInput = z.output<typeof promptSchema>;
export type CommitmentInput = z.output<typeof commitmentSchema>;
