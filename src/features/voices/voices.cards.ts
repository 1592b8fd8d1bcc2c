import { formatDate } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { type ListeningSession, sessionLabel } from '../sessions/index.ts';
import { type DeidentifiedVoice, type Voice, isSafeguardingFlagged } from './voices.core.ts';
import type { VoiceLabels } from './voices.labels.ts';

// What the voices page shows of each voice, worked out here so the template only lays it out.

export interface CardContext {
  t: Translate;
  labels: VoiceLabels;
  questions: Map<string, string>;
  sessions: Map<string, ListeningSession>;
  names: Map<string, string>;
}

export interface CouncilCard {
  id: string;
  date: string;
  question: string;
  text: string;
  isSummary: boolean;
  perspective: string;
  channel: string;
  quote: string;
}

export interface AdvocacyCard extends CouncilCard {
  withdrawnOn: string | null;
  session: { id: string; label: string } | null;
  consents: string;
  helpGiven: string;
  whoseView: string;
  capturedBy: string;
  version: number;
  /** Put in front of the safeguarding lead; council roles never get this card. */
  safeguardingFlagged: boolean;
}

const yesNo = (t: Translate, value: boolean): string =>
  t(value ? 'voices.fields.yes' : 'voices.fields.no');

export const councilCard = (voice: DeidentifiedVoice, c: CardContext): CouncilCard => ({
  id: voice.id,
  date: formatDate(voice.createdAt),
  question: c.questions.get(voice.promptId) ?? '',
  text: voice.text,
  isSummary: voice.isSummary,
  perspective: c.labels.perspectives[voice.perspective] ?? voice.perspective,
  channel: c.labels.channels[voice.channel] ?? voice.channel,
  quote: yesNo(c.t, voice.consentQuote),
});

/** Everything the advocacy organisation holds; a withdrawn voice's words are not shown again. */
export function advocacyCard(voice: Voice, c: CardContext): AdvocacyCard {
  const session = voice.sessionId === null ? undefined : c.sessions.get(voice.sessionId);
  return {
    ...councilCard(voice, c),
    text: voice.withdrawnAt === null ? voice.text : '',
    withdrawnOn: voice.withdrawnAt === null ? null : formatDate(voice.withdrawnAt),
    session: session === undefined ? null : { id: session.id, label: sessionLabel(c.t, session) },
    consents: c.t('voices.fields.consentsValue', {
      use: yesNo(c.t, voice.consentUse),
      quote: yesNo(c.t, voice.consentQuote),
      how: c.labels.consentGivenBy[voice.consentGivenBy] ?? voice.consentGivenBy,
    }),
    helpGiven:
      voice.helpGiven.map((help) => c.labels.helpGiven[help] ?? help).join(', ') ||
      c.t('voices.fields.noHelp'),
    whoseView: c.labels.whoseView[voice.whoseView] ?? voice.whoseView,
    capturedBy:
      voice.capturedById === null
        ? c.t('voices.fields.themselves')
        : (c.names.get(voice.capturedById) ?? ''),
    version: voice.version,
    safeguardingFlagged: isSafeguardingFlagged(voice),
  };
}
