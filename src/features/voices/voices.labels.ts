import type { Translate } from '../../platform/i18n/i18n.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import {
  CHANNELS,
  CONSENT_GIVEN_BY,
  CONTACT_ROUTES,
  HELP_GIVEN,
  WHOSE_VIEW,
} from './voices.core.ts';

/** Each value's words from the catalogue, in the order the values are listed. */
export const labelsFor = (
  t: Translate,
  prefix: string,
  values: readonly string[],
): Record<string, string> =>
  Object.fromEntries(values.map((value) => [value, t(`${prefix}.${value}`)]));

/**
 * The words staff read for a voice's recorded values. Built here rather than in templates, so
 * every key is looked up from a known list (and a test can check each one is in the catalogue).
 */
export function voiceLabels(t: Translate) {
  return {
    perspectives: labelsFor(t, 'voices.perspectives', PERSPECTIVES),
    channels: labelsFor(t, 'channels', CHANNELS),
    helpGiven: labelsFor(t, 'helpGiven', HELP_GIVEN),
    whoseView: labelsFor(t, 'whoseView', WHOSE_VIEW),
    consentGivenBy: labelsFor(t, 'consentGivenBy', CONSENT_GIVEN_BY),
    contactRoutes: labelsFor(t, 'contactRoutes', ['none', ...CONTACT_ROUTES]),
  };
}

export type VoiceLabels = ReturnType<typeof voiceLabels>;
