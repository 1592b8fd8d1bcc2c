import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { asList } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { listUndelivered } from '../../platform/mail/outbox.ts';
import { type Actor, hasRole, requireActor } from '../accounts/index.ts';
import { type Engagement, engagementFor } from '../engagements/index.ts';
import { loadResponsesRecord } from './responses.repository.ts';
import { firstWordsOf, findPage } from './feedback.repository.ts';
import {
  EMAIL_KINDS,
  answersFor,
  isAdvocacy,
  markTold,
  mayPublish,
  noticeLinks,
  noticesFor,
  pagePath,
  publishPage,
  sendFollowUp,
  tellAboutDoneActions,
} from './telling-people.service.ts';
import { CHANGED, type NoticeRoute, tallyAnswers } from './you-said-we-did.core.ts';
import { STAFF_DONE, readerWords, staffWords } from './you-said-we-did.words.ts';

type EngagementParams = { Params: { engagementId: string } };
type NoticeParams = { Params: { engagementId: string; noticeId: string } };

const VIEWS = 'responses/views';
const staff = { access: 'signed-in' } as const;
const ROUTES: NoticeRoute[] = ['email', 'text', 'post', 'advocate'];

const strings = (value: unknown): string[] =>
  (asList(value) as unknown[]).filter((v): v is string => typeof v === 'string');

/**
 * Staff pages for telling people what happened: publishing "You said, we did", how each person
 * is being told, letters to print, advocates' lists, undelivered emails, and the answers to
 * "Did anything change for you?" beside the actions.
 */
export function tellingPeopleRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (engagement: Engagement) => `/engagements/${engagement.id}/you-said-we-did`;

  async function context(
    request: FastifyRequest<EngagementParams>,
  ): Promise<{ actor: Actor; engagement: Engagement }> {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
    return { actor, engagement };
  }

  app.get<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const advocacy = isAdvocacy(actor, engagement);
      // Makes up any notice of a done action that was missed (safe: each is made once).
      if (advocacy) await tellAboutDoneActions(deps, engagement.id);
      const [page, record, answers] = await Promise.all([
        findPage(deps.db, engagement.id),
        loadResponsesRecord(deps.db, engagement.id),
        answersFor(deps, actor, engagement),
      ]);
      const notices = advocacy ? await noticesFor(deps, actor, engagement, 'telling') : [];
      const messageIds = new Set(
        notices.flatMap((n) => (n.messageId === null ? [] : [n.messageId])),
      );
      const undelivered = advocacy
        ? (await listUndelivered(deps.db, { kinds: EMAIL_KINDS })).filter((m) =>
            messageIds.has(m.id),
          )
        : [];
      const actionWords = new Map(record.actions.map((a) => [a.id, a.what]));
      const { done, count } = request.query as { done?: string; count?: string };
      return reply.render(`${VIEWS}/telling.njk`, {
        engagement,
        advocacy,
        mayPublish: mayPublish(actor, engagement),
        published: page && formatDate(page.publishedAt),
        publicPath: pagePath(engagement.id),
        answered: record.responses.some((r) => r.state === 'published'),
        done: STAFF_DONE.find((d) => d === done),
        staffWords: staffWords(deps.t, { count: Number.parseInt(count ?? '', 10) || 0 }),
        routes: ROUTES.map((route) => {
          const of = notices.filter((n) => n.route === route);
          return {
            route,
            total: of.length,
            waiting: of.filter((n) => n.state === 'waiting' || n.state === 'queued').length,
          };
        }),
        texts: notices
          .filter((n) => n.route === 'text' && n.state === 'waiting' && !n.stopped)
          .map((n) => ({ ...n, created: formatDate(n.createdAt) })),
        undelivered: undelivered.map((m) => ({
          to: m.recipient_address,
          state: m.state,
          attempts: m.attempts,
          error: m.last_error ?? '',
          created: formatDate(m.created_at),
        })),
        followUps: answers.followUps,
        council: answers.council,
        changedOptions: CHANGED,
        tallies: tallyAnswers(answers.answers, answers.council).map((tally) => ({
          ...tally,
          what: tally.actionId === null ? '' : (actionWords.get(tally.actionId) ?? ''),
          words: answers.answers
            .filter((a) => a.actionId === tally.actionId && a.words !== '')
            .map((a) => a.words),
        })),
      });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did/publish',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const told = await publishPage(deps, actor, engagement);
      return reply.redirect(`${base(engagement)}?done=published&count=${told}`, 303);
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did/follow-up',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const told = await sendFollowUp(deps, actor, engagement);
      return reply.redirect(`${base(engagement)}?done=followUp&count=${told}`, 303);
    },
  );

  // Letters for the advocacy organisation to print and post: one a page, each in Easy Read or
  // plain English as the person asked.
  app.get<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did/letters',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const notices = (await noticesFor(deps, actor, engagement, 'letters')).filter(
        (n) => n.route === 'post' && n.state === 'waiting' && !n.stopped,
      );
      return reply.render(`${VIEWS}/letters.njk`, {
        engagement,
        words: {
          plain: readerWords(deps.t, 'plain', { title: engagement.title }),
          'easy-read': readerWords(deps.t, 'easy-read', { title: engagement.title }),
        },
        easyReadCount: notices.filter((n) => n.format === 'easy-read').length,
        today: formatDate(deps.clock().toISOString()),
        letters: notices.map((n) => ({
          id: n.id,
          kind: n.kind,
          format: n.format,
          addressLines: n.detail.split(/\r?\n|,\s*/).filter((line) => line.trim() !== ''),
          ...noticeLinks(deps, engagement.id, n.id),
        })),
      });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did/letters/posted',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const ids = strings((request.body as { notices?: unknown } | undefined)?.notices);
      const told = await markTold(deps, actor, engagement, 'post', ids);
      return reply.redirect(`${base(engagement)}?done=posted&count=${told}`, 303);
    },
  );

  // "Tell these people": each advocate's list, the people they heard first.
  app.get<EngagementParams>(
    '/engagements/:engagementId/you-said-we-did/tasks',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const tasks = (await noticesFor(deps, actor, engagement, 'tasks')).filter(
        (n) => n.route === 'advocate' && n.state === 'waiting' && !n.stopped,
      );
      const words = await firstWordsOf(
        deps.db,
        tasks.map((n) => n.participantId),
      );
      const shown = tasks.map((n) => ({
        ...n,
        created: formatDate(n.createdAt),
        words: words.get(n.participantId) ?? '',
      }));
      return reply.render(`${VIEWS}/tasks.njk`, {
        engagement,
        staffWords: staffWords(deps.t),
        mine: shown.filter((n) => n.advocateId === actor.userId),
        unassigned: shown.filter((n) => n.advocateId === null),
        others: hasRole(actor, 'lead')
          ? shown.filter((n) => n.advocateId !== null && n.advocateId !== actor.userId)
          : [],
      });
    },
  );

  app.post<NoticeParams>(
    '/engagements/:engagementId/you-said-we-did/notices/:noticeId/done',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const { route } = request.body as { route?: string };
      if (route !== 'text' && route !== 'advocate') throw new NotFoundError();
      const told = await markTold(deps, actor, engagement, route, [request.params.noticeId]);
      const back = route === 'advocate' ? `${base(engagement)}/tasks?done=told` : base(engagement);
      return reply.redirect(route === 'advocate' ? back : `${back}?done=told&count=${told}`, 303);
    },
  );
}
