import type { Translate } from '../../platform/i18n/i18n.ts';
import { labelsFor } from '../voices/index.ts';
import { ACTION_STATUSES, CHALLENGE_OUTCOMES, DECISIONS } from './responses.core.ts';

/** What the pages confirm after a change (?done=…), each with its message. */
export const NOTICES = [
  'written',
  'changed',
  'answered',
  'drafted',
  'action',
  'updated',
  'challenged',
  'replied',
  'revised',
] as const;

/** The words staff read for each recorded value, looked up from known lists. */
export function responsesLabels(t: Translate) {
  return {
    decisions: labelsFor(t, 'responses.decisions', DECISIONS),
    decisionHints: labelsFor(t, 'responses.decisionHints', DECISIONS),
    answered: labelsFor(t, 'responses.answered', DECISIONS),
    statuses: labelsFor(t, 'responses.statuses', ACTION_STATUSES),
    outcomes: labelsFor(t, 'responses.outcomes', CHALLENGE_OUTCOMES),
    notices: labelsFor(t, 'responses.notices', NOTICES),
  };
}

export type ResponsesLabels = ReturnType<typeof responsesLabels>;
