import { formatDate } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import {
  type Action,
  type Challenge,
  type Recommendation,
  type RecommendationTheme,
  type Response,
  type Revision,
  type RollUp,
  actionOverdue,
  isPublished,
  responseOverdue,
  revisionDueOn,
  revisionOverdue,
  rollUp,
} from './responses.core.ts';
import type { PublishedThemes } from '../themes/index.ts';
import type { Voice } from '../voices/index.ts';
import type { ResponsesLabels } from './responses.labels.ts';
import type { ResponsesView } from './responses.service.ts';

// What the pages show, worked out from the record: status words, overdue states, roll-ups.

export interface Status {
  text: string;
  /** A govuk-tag colour class. */
  colour: string;
}

export interface ActionItem extends Action {
  statusText: string;
  due: string;
  overdue: boolean;
  updates: {
    status: string;
    note: string;
    link: string | null;
    file: { id: string; name: string; size: string } | null;
    by: string;
    date: string;
  }[];
}

export interface ChallengeItem extends Challenge {
  raisedOn: string;
  repliedOn: string;
  outcomeText: string;
  /** The revised answer this challenge led to, as far as this person may see it. */
  revision: (Revision & { publishedOn: string }) | undefined;
  /** Upheld, and the revised answer is not yet published. */
  revisionWaiting: boolean;
  revisionDue: string;
  revisionOverdue: boolean;
}

/** The answer that stands: the newest published revision, else the first answer. */
export interface StandingAnswer {
  decision: Response['decision'];
  reasonsPlain: string;
  reasonsEasyRead: string;
  /** Set when it is a revision: the day the challenge behind it was raised, and it was published. */
  revised: { challengeRaisedOn: string; publishedOn: string } | undefined;
}

export interface RecommendationItem {
  recommendation: Recommendation;
  number: number;
  quotes: string[];
  themes: RecommendationTheme[];
  status: Status;
  response: Response | undefined;
  /** What stands now, once published; the first answer stays on the record as `response`. */
  answer: StandingAnswer | undefined;
  published: boolean;
  sentOn: string;
  answeredOn: string;
  actions: ActionItem[];
  rollUp: RollUp;
  challenges: ChallengeItem[];
}

/** 1.2 MB, 340 KB: a file's size for people. */
const sizeText = (bytes: number): string =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;

function statusOf(
  t: Translate,
  labels: ResponsesLabels,
  view: ResponsesView,
  recommendation: Recommendation,
  response: Response | undefined,
  challenges: readonly ChallengeItem[],
): Status {
  if (recommendation.sentAt === null)
    return { text: t('responses.status.draft'), colour: 'govuk-tag--grey' };
  if (challenges.some((c) => c.revisionOverdue))
    return { text: t('responses.status.revisionOverdue'), colour: 'govuk-tag--red' };
  if (challenges.some((c) => c.revisionWaiting))
    return { text: t('responses.status.revisionDue'), colour: 'govuk-tag--yellow' };
  if (isPublished(response) && response?.decision)
    return { text: labels.answered[response.decision] ?? '', colour: 'govuk-tag--green' };
  if (responseOverdue(recommendation, response, view.commitment?.respondBy, view.today))
    return { text: t('responses.status.overdue'), colour: 'govuk-tag--red' };
  if (response !== undefined)
    return { text: t('responses.status.drafted'), colour: 'govuk-tag--yellow' };
  return { text: t('responses.status.waiting'), colour: 'govuk-tag--blue' };
}

/** Every recommendation this person may see, numbered, with its answer, actions and challenges. */
export function recommendationItems(
  t: Translate,
  labels: ResponsesLabels,
  view: ResponsesView,
): RecommendationItem[] {
  return view.recommendations.map((recommendation, index) => {
    const response = view.responses.find((r) => r.recommendationId === recommendation.id);
    const actions = view.actions
      .filter((a) => response !== undefined && a.responseId === response.id)
      .map((action) => ({
        ...action,
        statusText: labels.statuses[action.status] ?? action.status,
        due: formatDate(action.dueOn),
        overdue: actionOverdue(action, view.today),
        updates: view.updates
          .filter((u) => u.actionId === action.id)
          .map((u) => ({
            status: labels.statuses[u.status] ?? u.status,
            note: u.note,
            link: u.evidenceLink,
            file: u.evidenceFile && {
              id: u.evidenceFile.id,
              name: u.evidenceFile.filename,
              size: sizeText(u.evidenceFile.size),
            },
            by: u.writtenByName,
            date: formatDate(u.writtenAt),
          }))
          .reverse(),
      }));
    const respondBy = view.commitment?.respondBy;
    const challenges = view.challenges
      .filter((c) => response !== undefined && c.responseId === response.id)
      .map((challenge): ChallengeItem => {
        const revision = view.revisions.find((r) => r.challengeId === challenge.id);
        const upheld = challenge.outcome === 'upheld' && challenge.repliedAt !== null;
        return {
          ...challenge,
          raisedOn: formatDate(challenge.raisedAt),
          repliedOn: formatDate(challenge.repliedAt),
          outcomeText: challenge.outcome === null ? '' : (labels.outcomes[challenge.outcome] ?? ''),
          revision: revision && { ...revision, publishedOn: formatDate(revision.publishedAt) },
          revisionWaiting: upheld && !isPublished(revision),
          revisionDue:
            upheld && challenge.repliedAt !== null
              ? formatDate(revisionDueOn(challenge.repliedAt, respondBy))
              : '',
          revisionOverdue: revisionOverdue(challenge, revision, respondBy, view.today),
        };
      });
    const revised = challenges.filter((c) => c.revision?.state === 'published').at(-1);
    const answer: StandingAnswer | undefined = !isPublished(response)
      ? undefined
      : revised?.revision
        ? {
            decision: revised.revision.decision,
            reasonsPlain: revised.revision.reasonsPlain,
            reasonsEasyRead: revised.revision.reasonsEasyRead,
            revised: {
              challengeRaisedOn: revised.raisedOn,
              publishedOn: revised.revision.publishedOn,
            },
          }
        : response && {
            decision: response.decision,
            reasonsPlain: response.reasonsPlain,
            reasonsEasyRead: response.reasonsEasyRead,
            revised: undefined,
          };
    return {
      recommendation,
      number: index + 1,
      quotes: (view.quotes.get(recommendation.id) ?? []).flatMap(
        (voiceId) => view.quoteWords.get(voiceId) ?? [],
      ),
      themes: view.themes.get(recommendation.id) ?? [],
      status: statusOf(t, labels, view, recommendation, response, challenges),
      response,
      answer,
      published: isPublished(response),
      sentOn: formatDate(recommendation.sentAt),
      answeredOn: formatDate(response?.publishedAt),
      actions,
      rollUp: rollUp(actions, view.today),
      challenges,
    };
  });
}

/** "2 of 3 done, 1 overdue": a roll-up in words. */
export function rollUpText(t: Translate, actions: RollUp): string {
  if (actions.total === 0) return t('responses.rollUp.none');
  const parts = [
    t('responses.rollUp.done', { done: actions.done, total: actions.total - actions.dropped }),
  ];
  if (actions.inProgress > 0)
    parts.push(t('responses.rollUp.inProgress', { count: actions.inProgress }));
  if (actions.overdue > 0) parts.push(t('responses.rollUp.overdue', { count: actions.overdue }));
  if (actions.dropped > 0) parts.push(t('responses.rollUp.dropped', { count: actions.dropped }));
  return parts.join(', ');
}

/**
 * What the recommendation form offers: the published themes to tick, and quotes to choose. Once
 * themes are published, quotes come from them (each saying which theme); before, from every
 * voice that may be quoted.
 */
export function writeChoices(
  t: Translate,
  quotable: readonly Voice[],
  shared: PublishedThemes | undefined,
  values: Record<string, unknown>,
) {
  const picked = (name: string) =>
    new Set([values[name] ?? []].flat().filter((v): v is string => typeof v === 'string'));
  const chosenQuotes = picked('quotes');
  const chosenThemes = picked('themes');
  const byId = new Map(quotable.map((voice) => [voice.id, voice]));
  const offered =
    shared === undefined
      ? quotable.map((voice) => ({ voice, hint: formatDate(voice.createdAt) }))
      : shared.themes.flatMap((theme) =>
          theme.quotes.flatMap((quote) => {
            const voice = byId.get(quote.voiceId);
            return voice === undefined
              ? []
              : [{ voice, hint: t('responses.write.fromTheme', { theme: theme.label }) }];
          }),
        );
  return {
    themes: shared?.themes.map((theme) => ({
      value: theme.key,
      text: theme.label,
      hint: theme.description === undefined ? undefined : { text: theme.description },
      checked: chosenThemes.has(theme.key),
    })),
    // A voice quoted in two themes is offered once.
    voices: [...new Map(offered.map((quote) => [quote.voice.id, quote])).values()].map(
      ({ voice, hint }) => ({
        value: voice.id,
        text: voice.text,
        hint: { text: hint },
        checked: chosenQuotes.has(voice.id),
      }),
    ),
  };
}
