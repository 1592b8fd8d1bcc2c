import type { Translate } from '../../platform/i18n/i18n.ts';
import type { ReadingFormat } from '../participation/index.ts';
import { ACTION_STATUSES, CHALLENGE_OUTCOMES, DECISIONS } from './responses.core.ts';
import { CHANGED } from './you-said-we-did.core.ts';

// The words of the pages and letters, looked up here from known lists in the register the
// reader chose, so that every key a page shows is one the catalogue test can see.

const PAGE = [
  'intro',
  'askedHeading',
  'tookPartHeading',
  'saidHeading',
  'youSaid',
  'quotes',
  'weDid',
  'notAnswered',
  'actions',
  'challenge',
  'waitingReply',
  'themesHeading',
  'themesIntro',
  'fromThemes',
  'revised',
  'firstAnswer',
] as const;
const STOP = ['intro', 'done'] as const;
const FOLLOW_UP = [
  'title',
  'thanks',
  'intro',
  'question',
  'other',
  'which',
  'words',
  'share',
] as const;
const KINDS = ['published', 'action_done', 'follow_up'] as const;
const LETTER = [...KINDS, 'answerAt', 'readAt', 'printed', 'stop'] as const;
export const STAFF_DONE = ['published', 'followUp', 'posted', 'told'] as const;
const MESSAGE_STATES = ['failed', 'given_up'] as const;

type Params = Record<string, string | number>;

const all = <K extends string>(
  t: Translate,
  prefix: string,
  keys: readonly K[],
  params: Params = {},
): Record<K, string> =>
  Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`, params)])) as Record<K, string>;

const register = (format: ReadingFormat) => (format === 'easy-read' ? 'easy' : 'plain');

/** What a member of the public reads, in plain English or Easy Read; params fill placeholders. */
export function readerWords(t: Translate, format: ReadingFormat, params: Params = {}) {
  const w = register(format);
  return {
    page: all(t, `feedback.public.${w}`, PAGE, params),
    decisions: all(t, `feedback.decisions.${w}`, DECISIONS),
    outcomes: all(t, `feedback.outcomes.${w}`, CHALLENGE_OUTCOMES),
    statuses: all(t, 'feedback.statuses', ACTION_STATUSES),
    stop: all(t, `feedback.stop.${w}`, STOP),
    followUp: all(t, `feedback.followUp.${w}`, FOLLOW_UP),
    changed: all(t, `feedback.changed.${w}`, CHANGED),
    letters: all(t, `feedback.letters.${w}`, LETTER, params),
  };
}

/** What staff read about notices: what each asks, how an email stands, what was just done. */
export function staffWords(t: Translate, params: Params = {}) {
  return {
    kinds: all(t, 'feedback.kinds', KINDS),
    messageStates: all(t, 'feedback.messageStates', MESSAGE_STATES),
    done: all(t, 'feedback.staff.done', STAFF_DONE, params),
    changed: all(t, 'feedback.changed.plain', CHANGED),
  };
}
