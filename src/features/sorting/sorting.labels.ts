import { SAFEGUARDING_CATEGORIES } from '../../analysis/triage/safeguarding.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { labelsFor } from '../voices/index.ts';
import {
  ASKED_HOW,
  CONSENT_ANSWERS,
  SAFEGUARDING_OUTCOMES,
  SORT_OUTCOMES,
  TOLD_HOW,
  TRIAGE_STATES,
  WEIGH_AS,
} from './sorting.core.ts';

/** The words staff read for each recorded value, looked up from known lists. */
export function sortingLabels(t: Translate) {
  return {
    states: labelsFor(t, 'sorting.states', TRIAGE_STATES),
    safeguardingOutcomes: labelsFor(t, 'sorting.safeguardingOutcomes', SAFEGUARDING_OUTCOMES),
    sortOutcomes: labelsFor(t, 'sorting.sortOutcomes', SORT_OUTCOMES),
    consentAnswers: labelsFor(t, 'sorting.consentAnswers', CONSENT_ANSWERS),
    askedHow: labelsFor(t, 'sorting.askedHow', ASKED_HOW),
    toldHow: labelsFor(t, 'sorting.toldHow', TOLD_HOW),
    weighAs: labelsFor(t, 'sorting.weighAs', WEIGH_AS),
    categories: labelsFor(t, 'sorting.categories', SAFEGUARDING_CATEGORIES),
    kinds: labelsFor(t, 'sorting.record.kinds', ['safeguarding', 'individual_concern']),
    sources: labelsFor(t, 'sorting.record.sources', ['rule', 'model', 'rule+model']),
  };
}

export type SortingLabels = ReturnType<typeof sortingLabels>;
