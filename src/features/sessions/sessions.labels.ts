import { formatDate } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import { labelsFor } from '../voices/index.ts';
import { type ListeningSession, SESSION_KINDS } from './sessions.core.ts';

/** The words for a session's kinds and for who came, from known lists (see voiceLabels). */
export function sessionLabels(t: Translate) {
  return {
    kinds: labelsFor(t, 'sessions.kinds', SESSION_KINDS),
    attendance: labelsFor(t, 'sessions.attendance', PERSPECTIVES),
  };
}

/** A session in a few words, e.g. "Drop-in, 12 November 2026, Eastvale Library". */
export const sessionLabel = (t: Translate, session: ListeningSession): string =>
  t('sessions.label', {
    kind: t(`sessions.kinds.${session.kind}`),
    date: formatDate(session.heldOn),
    place: session.place,
  });
