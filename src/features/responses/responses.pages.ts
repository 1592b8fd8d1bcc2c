import { formatDate } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import {
  type Action,
  type Challenge,
  type Recommendation,
  type Response,
  type RollUp,
  actionOverdue,
  isPublished,
  responseOverdue,
  rollUp,
} from './responses.core.ts';
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
  updates: { status: string; note: string; link: string | null; by: string; date: string }[];
}

export interface RecommendationItem {
  recommendation: Recommendation;
  number: number;
  quotes: string[];
  status: Status;
  response: Response | undefined;
  published: boolean;
  sentOn: string;
  answeredOn: string;
  actions: ActionItem[];
  rollUp: RollUp;
  challenges: (Challenge & { raisedOn: string; repliedOn: string; outcomeText: string })[];
}

function statusOf(
  t: Translate,
  labels: ResponsesLabels,
  view: ResponsesView,
  recommendation: Recommendation,
  response: Response | undefined,
): Status {
  if (recommendation.sentAt === null)
    return { text: t('responses.status.draft'), colour: 'govuk-tag--grey' };
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
            by: u.writtenByName,
            date: formatDate(u.writtenAt),
          }))
          .reverse(),
      }));
    return {
      recommendation,
      number: index + 1,
      quotes: (view.quotes.get(recommendation.id) ?? []).flatMap(
        (voiceId) => view.quoteWords.get(voiceId) ?? [],
      ),
      status: statusOf(t, labels, view, recommendation, response),
      response,
      published: isPublished(response),
      sentOn: formatDate(recommendation.sentAt),
      answeredOn: formatDate(response?.publishedAt),
      actions,
      rollUp: rollUp(actions, view.today),
      challenges: view.challenges
        .filter((c) => response !== undefined && c.responseId === response.id)
        .map((challenge) => ({
          ...challenge,
          raisedOn: formatDate(challenge.raisedAt),
          repliedOn: formatDate(challenge.repliedAt),
          outcomeText: challenge.outcome === null ? '' : (labels.outcomes[challenge.outcome] ?? ''),
        })),
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
