import { z } from 'zod';
import { asList } from '../../platform/forms.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import {
  ADVOCATE_CONSENT_WAYS,
  CONTACT_ROUTES,
  HELP_GIVEN,
  VOICE_MAX_LENGTH,
  WHOSE_VIEW,
} from './voices.core.ts';

// Messages are catalogue keys: participants read them, so they are in plain words.

export const voiceText = z
  .string({ error: 'validation.voice.empty' })
  .trim()
  .min(1, 'validation.voice.empty')
  .max(VOICE_MAX_LENGTH, 'validation.voice.tooLong');

/** A UK phone number that can take a text message: 07… or +447…, spaces allowed. */
const MOBILE = /^(?:\+44\s?7|07)(?:\s?\d){9}$/;

/**
 * How to tell a person what happened. 'none' means they did not ask. The detail must suit the
 * route: an email address, a mobile number, a postal address; an advocate needs none.
 */
export const contactSchema = z
  .object({
    contactRoute: z.enum(['none', ...CONTACT_ROUTES], { error: 'validation.contact.routeMissing' }),
    contactEmail: z.string().trim().default(''),
    contactPhone: z.string().trim().default(''),
    contactAddress: z.string().trim().default(''),
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (value.contactRoute === 'email') {
      if (value.contactEmail === '') problem('contactEmail', 'validation.contact.emailMissing');
      else if (
        !z.email().safeParse(value.contactEmail).success ||
        value.contactEmail.length > 254
      ) {
        problem('contactEmail', 'validation.contact.emailFormat');
      }
    }
    if (value.contactRoute === 'text') {
      if (value.contactPhone === '') problem('contactPhone', 'validation.contact.phoneMissing');
      else if (!MOBILE.test(value.contactPhone))
        problem('contactPhone', 'validation.contact.phoneFormat');
    }
    if (value.contactRoute === 'post') {
      if (value.contactAddress === '')
        problem('contactAddress', 'validation.contact.addressMissing');
      else if (value.contactAddress.length > 500)
        problem('contactAddress', 'validation.contact.addressTooLong');
    }
  })
  .transform((value) => {
    switch (value.contactRoute) {
      case 'none':
        return null;
      case 'email':
        return { route: 'email' as const, detail: value.contactEmail.toLowerCase() };
      case 'text':
        return { route: 'text' as const, detail: value.contactPhone.replace(/\s/g, '') };
      case 'post':
        return { route: 'post' as const, detail: value.contactAddress };
      case 'advocate':
        return { route: 'advocate' as const, detail: '' };
    }
  });

const yesNo = (missing: string) =>
  z.enum(['yes', 'no'], { error: missing }).transform((answer) => answer === 'yes');

/** What a voice recorded on someone's behalf must say about how it was heard. */
export const onBehalfSchema = z.object({
  promptId: z
    .string({ error: 'validation.voice.promptMissing' })
    .min(1, 'validation.voice.promptMissing'),
  text: voiceText,
  isSummary: z
    .enum(['words', 'summary'], { error: 'validation.voice.summaryMissing' })
    .transform((v) => v === 'summary'),
  perspective: z.enum(PERSPECTIVES, { error: 'validation.voice.perspectiveMissing' }),
  helpGiven: z.preprocess(
    asList,
    z.array(z.enum(HELP_GIVEN, { error: 'validation.voice.helpUnknown' })),
  ),
  whoseView: z.enum(WHOSE_VIEW, { error: 'validation.voice.whoseViewMissing' }),
  consentUse: z.literal('yes', { error: 'validation.consent.useNeeded' }).transform(() => true),
  consentQuote: yesNo('validation.consent.quoteMissing'),
  consentGivenBy: z.enum(ADVOCATE_CONSENT_WAYS, { error: 'validation.consent.howMissing' }),
});

export const correctionSchema = z.object({
  text: voiceText,
  isSummary: z
    .enum(['words', 'summary'], { error: 'validation.voice.summaryMissing' })
    .transform((v) => v === 'summary'),
  reason: z
    .string({ error: 'validation.voice.reasonMissing' })
    .trim()
    .min(1, 'validation.voice.reasonMissing')
    .max(500, 'validation.text.tooLong'),
});

export type OnBehalfInput = z.output<typeof onBehalfSchema>;
export type CorrectionInput = z.output<typeof correctionSchema>;
export type ContactInput = z.output<typeof contactSchema>;
