import { z } from 'zod';
import {
  ASKED_HOW,
  CONSENT_ANSWERS,
  SAFEGUARDING_OUTCOMES,
  SORT_OUTCOMES,
  TOLD_HOW,
  WEIGH_AS,
} from './sorting.core.ts';

// Staff read these messages; each says what to fix. Messages are catalogue keys.

const REASON_MAX = 2000;

const reason = z
  .string({ error: 'sorting.errors.reasonMissing' })
  .trim()
  .min(1, 'sorting.errors.reasonMissing')
  .max(REASON_MAX, 'sorting.errors.reasonTooLong');

export const safeguardingDecisionSchema = z.object({
  outcome: z.enum(SAFEGUARDING_OUTCOMES, { error: 'sorting.errors.safeguardingOutcomeMissing' }),
  reason,
});
export type SafeguardingDecisionInput = z.output<typeof safeguardingDecisionSchema>;

export const sortDecisionSchema = z
  .object({
    outcome: z.enum(SORT_OUTCOMES, { error: 'sorting.errors.sortOutcomeMissing' }),
    reason,
    pointer: z.string().trim().max(500, 'sorting.errors.pointerTooLong').default(''),
  })
  .superRefine((value, context) => {
    // Off topic is kept and answered: the person is told where it can go instead.
    if (value.outcome === 'off_topic' && value.pointer === '') {
      context.addIssue({
        code: 'custom',
        path: ['pointer'],
        message: 'sorting.errors.pointerMissing',
      });
    }
  })
  .transform((value) => ({
    ...value,
    pointer: value.outcome === 'off_topic' ? value.pointer : null,
  }));
export type SortDecisionInput = z.output<typeof sortDecisionSchema>;

export const consentSchema = z.object({
  answer: z.enum(CONSENT_ANSWERS, { error: 'sorting.errors.consentAnswerMissing' }),
  askedHow: z.enum(ASKED_HOW, { error: 'sorting.errors.askedHowMissing' }),
});
export type ConsentInput = z.output<typeof consentSchema>;

export const handoverSchema = z.object({
  passedTo: z
    .string({ error: 'sorting.errors.passedToMissing' })
    .trim()
    .min(1, 'sorting.errors.passedToMissing')
    .max(200, 'sorting.errors.passedToTooLong'),
  personToldHow: z.enum(TOLD_HOW, { error: 'sorting.errors.personToldHowMissing' }),
});
export type HandoverInput = z.output<typeof handoverSchema>;

export const campaignDecisionSchema = z.object({
  weighAs: z.enum(WEIGH_AS, { error: 'sorting.errors.weighAsMissing' }),
  reason,
});
export type CampaignDecisionInput = z.output<typeof campaignDecisionSchema>;
