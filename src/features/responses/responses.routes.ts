import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { dateFromParts, parseForm } from '../../platform/forms.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { type Engagement, engagementFor } from '../engagements/index.ts';
import { publishedThemes } from '../themes/index.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { type PhaseStep, accountabilityFigures, phaseAllows, rollUp } from './responses.core.ts';
import { NOTICES, responsesLabels } from './responses.labels.ts';
import {
  type RecommendationItem,
  recommendationItems,
  rollUpText,
  writeChoices,
} from './responses.pages.ts';
import { type ResponsesAction, mayAll } from './responses.permissions.ts';
import {
  QUOTE_LIMIT,
  actionSchema,
  actionUpdateSchema,
  challengeReplySchema,
  challengeSchema,
  recommendationSchema,
  responseSchema,
} from './responses.schemas.ts';
import {
  actionOwners,
  addAction,
  answerChallenge,
  answerRecommendation,
  quotableVoices,
  raiseChallenge,
  recommendationIn,
  requireMay,
  type ResponsesView,
  responsesView,
  sendRecommendations,
  updateAction,
  writeRecommendation,
} from './responses.service.ts';
import { reviseAnswer } from './revisions.service.ts';
import { tellAboutDoneActions } from './telling-people.service.ts';

type EngagementParams = { Params: { engagementId: string } };
type RecommendationParams = { Params: { engagementId: string; recommendationId: string } };
type ChallengeParams = {
  Params: { engagementId: string; recommendationId: string; challengeId: string };
};
type ItemParams = {
  Params: { engagementId: string; recommendationId: string; itemId?: string };
};

const VIEWS = 'responses/views';
const staff = { access: 'signed-in' } as const;

/** The change just made, from ?done=, if it is one the page has words for. */
const noticeFrom = (request: FastifyRequest, allowed: readonly string[]): string | undefined => {
  const { done } = request.query as { done?: string };
  return done !== undefined && allowed.includes(done) ? done : undefined;
};

type Body = Record<string, unknown>;

/** A page's starting point: who asks, the engagement, and the record as they may see it. */
interface Found {
  actor: Actor;
  engagement: Engagement;
  view: ResponsesView;
  items: RecommendationItem[];
}
interface FoundItem extends Found {
  item: RecommendationItem;
}

/**
 * Staff pages for what happens after people are heard: recommendations, the decision maker's
 * responses, actions and their progress, challenges, and the figures the council is held to.
 */
export function responsesRoutes(app: FastifyInstance, deps: Deps): void {
  const { t } = deps;
  const labels = responsesLabels(t);
  const base = (engagement: Engagement) => `/engagements/${engagement.id}/responses`;
  /** Which steps the engagement's phase allows now, for the pages to offer or explain. */
  const phaseOf = (engagement: Engagement) => ({
    send: phaseAllows('send', engagement.phase),
    answer: phaseAllows('answer', engagement.phase),
    change: phaseAllows('change', engagement.phase),
  });
  evidenceRoutes(app, deps);

  async function context(request: FastifyRequest<EngagementParams>): Promise<Found> {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
    const view = await responsesView(deps, actor, engagement);
    return { actor, engagement, view, items: recommendationItems(t, labels, view) };
  }

  async function itemContext(request: FastifyRequest<RecommendationParams>): Promise<FoundItem> {
    const found = await context(request);
    recommendationIn(found.view, request.params.recommendationId);
    const item = found.items.find((i) => i.recommendation.id === request.params.recommendationId);
    if (item === undefined) throw new Error('a visible recommendation has no item');
    return { ...found, item };
  }

  /**
   * A form page the phase does not allow: the 409 and message that saving it would get, with a
   * way back to the recommendation.
   */
  function requirePhaseAllows(found: FoundItem, step: PhaseStep): void {
    if (phaseAllows(step, found.engagement.phase)) return;
    throw new ConflictError(`responses.errors.phase.${step}`, {
      href: `${base(found.engagement)}/${found.item.recommendation.id}`,
      label: t('responses.recommendation.backTo', { number: found.item.number }),
    });
  }

  app.get<EngagementParams>(
    '/engagements/:engagementId/responses',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, view, items } = await context(request);
      const actions = view.actions.filter((a) => view.responses.some((r) => r.id === a.responseId));
      return reply.render(`${VIEWS}/list.njk`, {
        engagement,
        may: mayAll(actor, engagement),
        phase: phaseOf(engagement),
        items: items.map((item) => ({ ...item, rollUpText: rollUpText(t, item.rollUp) })),
        drafts: items.filter((item) => item.recommendation.sentAt === null).length,
        commitment: view.commitment,
        engagementRollUp: rollUpText(t, rollUp(actions, view.today)),
        sentCount:
          noticeFrom(request, ['sent']) === undefined
            ? undefined
            : Number.parseInt((request.query as { count?: string }).count ?? '', 10) || undefined,
      });
    },
  );

  app.get<EngagementParams>(
    '/engagements/:engagementId/responses/figures',
    { config: staff },
    async (request, reply) => {
      const { engagement, view } = await context(request);
      // Figures count published answers only, for every party alike.
      const published = view.responses.filter((r) => r.state === 'published');
      const figures = accountabilityFigures(
        {
          recommendations: view.recommendations.filter((r) => r.sentAt !== null),
          responses: published,
          actions: view.actions.filter((a) => published.some((r) => r.id === a.responseId)),
          challenges: view.challenges,
          respondBy: view.commitment?.respondBy,
        },
        view.today,
      );
      return reply.render(`${VIEWS}/figures.njk`, {
        engagement,
        figures,
        respondBy: view.commitment && formatDate(view.commitment.respondBy),
      });
    },
  );

  // Writing a recommendation, or changing a draft.

  async function writePage(
    reply: FastifyReply,
    found: { engagement: Engagement; item?: RecommendationItem },
    values: Body,
    errors?: FieldErrors,
  ) {
    const [voices, shared] = await Promise.all([
      quotableVoices(deps.db, found.engagement.id),
      publishedThemes(deps.db, found.engagement.id, { suppress: false }),
    ]);
    return reply.render(`${VIEWS}/write.njk`, {
      engagement: found.engagement,
      item: found.item,
      values,
      errors,
      quoteLimit: QUOTE_LIMIT,
      ...writeChoices(t, voices, shared, values),
    });
  }

  async function saveWritten(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { actor: Actor; engagement: Engagement; item?: RecommendationItem },
  ) {
    const body = (request.body ?? {}) as Body;
    const parsed = parseForm(recommendationSchema, body);
    if (!parsed.ok) return writePage(reply.code(400), found, body, parsed.errors);
    let id: string;
    try {
      id = await writeRecommendation(
        deps,
        found.actor,
        found.engagement,
        parsed.value,
        found.item?.recommendation.id,
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return writePage(reply.code(error.statusCode), found, body, error.errors);
    }
    const done = found.item === undefined ? 'written' : 'changed';
    return reply.redirect(`${base(found.engagement)}/${id}?done=${done}`, 303);
  }

  const newPath = '/engagements/:engagementId/responses/new';
  app.get<EngagementParams>(newPath, { config: staff }, async (request, reply) => {
    const found = await context(request);
    requireMay(found.actor, 'write_recommendations', found.engagement);
    return writePage(reply, found, {});
  });
  app.post<EngagementParams>(newPath, { config: staff }, async (request, reply) => {
    const found = await context(request);
    requireMay(found.actor, 'write_recommendations', found.engagement);
    return saveWritten(request, reply, found);
  });

  const editPath = '/engagements/:engagementId/responses/:recommendationId/edit';
  app.get<RecommendationParams>(editPath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'write_recommendations', found.engagement);
    const { recommendation } = found.item;
    if (recommendation.sentAt !== null) throw new ConflictError('responses.errors.alreadySent');
    return writePage(reply, found, {
      askedPlain: recommendation.askedPlain,
      askedEasyRead: recommendation.askedEasyRead,
      quotes: found.view.quotes.get(recommendation.id) ?? [],
      themes: (found.view.themes.get(recommendation.id) ?? []).map((theme) => theme.key),
    });
  });
  app.post<RecommendationParams>(editPath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'write_recommendations', found.engagement);
    return saveWritten(request, reply, found);
  });

  app.post<EngagementParams>(
    '/engagements/:engagementId/responses/send',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await context(request);
      const count = await sendRecommendations(deps, actor, engagement);
      return reply.redirect(`${base(engagement)}?done=sent&count=${count}`, 303);
    },
  );

  app.get<RecommendationParams>(
    '/engagements/:engagementId/responses/:recommendationId',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, item } = await itemContext(request);
      return reply.render(`${VIEWS}/recommendation.njk`, {
        engagement,
        item,
        labels,
        rollUpText: rollUpText(t, item.rollUp),
        may: mayAll(actor, engagement),
        phase: phaseOf(engagement),
        notice: labels.notices[noticeFrom(request, NOTICES) ?? ''],
      });
    },
  );

  // The answer: a draft, or published with its reasons.

  const answerPath = '/engagements/:engagementId/responses/:recommendationId/answer';
  const answerPage = (
    found: FoundItem,
    values: Body,
    errors?: FieldErrors,
    revising?: RecommendationItem['challenges'][number],
  ) => ({
    engagement: found.engagement,
    item: found.item,
    revising,
    labels,
    respondBy: found.view.commitment && formatDate(found.view.commitment.respondBy),
    values,
    errors,
  });
  app.get<RecommendationParams>(answerPath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'respond', found.engagement);
    requirePhaseAllows(found, 'answer');
    const draft = found.item.response;
    return reply.render(
      `${VIEWS}/answer.njk`,
      answerPage(found, {
        decision: draft?.decision ?? '',
        reasonsPlain: draft?.reasonsPlain ?? '',
        reasonsEasyRead: draft?.reasonsEasyRead ?? '',
      }),
    );
  });
  app.post<RecommendationParams>(answerPath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'respond', found.engagement);
    const body = (request.body ?? {}) as Body;
    const parsed = parseForm(responseSchema, body);
    if (!parsed.ok)
      return reply.code(400).render(`${VIEWS}/answer.njk`, answerPage(found, body, parsed.errors));
    await answerRecommendation(
      deps,
      found.actor,
      found.engagement,
      found.item.recommendation.id,
      parsed.value,
    );
    const done = parsed.value.intent === 'publish' ? 'answered' : 'drafted';
    return reply.redirect(
      `${base(found.engagement)}/${found.item.recommendation.id}?done=${done}`,
      303,
    );
  });

  // A revised answer, after the decision maker upheld a challenge to the first one.

  const revisePath =
    '/engagements/:engagementId/responses/:recommendationId/challenges/:challengeId/revise';
  const upheldChallenge = (found: FoundItem, challengeId: string) => {
    const challenge = found.item.challenges.find((c) => c.id === challengeId);
    if (challenge === undefined) throw new NotFoundError();
    if (challenge.outcome !== 'upheld') throw new ConflictError('responses.errors.notUpheld');
    return challenge;
  };
  app.get<ChallengeParams>(revisePath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'respond', found.engagement);
    requirePhaseAllows(found, 'answer');
    const challenge = upheldChallenge(found, request.params.challengeId);
    const draft = challenge.revision;
    return reply.render(
      `${VIEWS}/answer.njk`,
      answerPage(
        found,
        {
          decision: draft?.decision ?? '',
          reasonsPlain: draft?.reasonsPlain ?? '',
          reasonsEasyRead: draft?.reasonsEasyRead ?? '',
        },
        undefined,
        challenge,
      ),
    );
  });
  app.post<ChallengeParams>(revisePath, { config: staff }, async (request, reply) => {
    const found = await itemContext(request);
    requireMay(found.actor, 'respond', found.engagement);
    const challenge = upheldChallenge(found, request.params.challengeId);
    const body = (request.body ?? {}) as Body;
    const parsed = parseForm(responseSchema, body);
    if (!parsed.ok)
      return reply
        .code(400)
        .render(`${VIEWS}/answer.njk`, answerPage(found, body, parsed.errors, challenge));
    await reviseAnswer(
      deps,
      found.actor,
      found.engagement,
      found.item.recommendation.id,
      challenge.id,
      parsed.value,
    );
    const done = parsed.value.intent === 'publish' ? 'revised' : 'drafted';
    return reply.redirect(
      `${base(found.engagement)}/${found.item.recommendation.id}?done=${done}`,
      303,
    );
  });

  /**
   * A small form about one recommendation (an action, a progress update, a challenge, a reply):
   * on a page of its own, the input kept and each problem shown beside its field.
   */
  function itemForm<S extends z.ZodType>(options: {
    kind: 'action' | 'update' | 'challenge' | 'reply';
    path: string;
    may: ResponsesAction;
    /** The step the form's page needs of the phase, when it is refused before saving too. */
    step?: PhaseStep;
    schema: S;
    read?: (body: Body) => Body;
    extra?: (found: FoundItem, itemId: string) => Promise<Body>;
    save: (found: FoundItem, itemId: string, input: z.output<S>) => Promise<void>;
    done: string;
  }): void {
    const path = `/engagements/:engagementId/responses/:recommendationId/${options.path}`;
    const formAction = (found: FoundItem, itemId: string) =>
      `${base(found.engagement)}/${found.item.recommendation.id}/${options.path.replace(':itemId', itemId)}`;
    const render = async (
      reply: FastifyReply,
      found: FoundItem,
      itemId: string,
      values: Body,
      errors?: FieldErrors,
    ) =>
      reply.render(`${VIEWS}/form.njk`, {
        kind: options.kind,
        engagement: found.engagement,
        item: found.item,
        labels,
        action: formAction(found, itemId),
        values,
        errors,
        ...(await options.extra?.(found, itemId)),
      });
    app.get<ItemParams>(path, { config: staff }, async (req, reply) => {
      const found = await itemContext(req);
      requireMay(found.actor, options.may, found.engagement);
      if (options.step !== undefined) requirePhaseAllows(found, options.step);
      return render(reply, found, req.params.itemId ?? '', {});
    });
    app.post<ItemParams>(path, { config: staff }, async (req, reply) => {
      const found = await itemContext(req);
      requireMay(found.actor, options.may, found.engagement);
      const itemId = req.params.itemId ?? '';
      const body = (req.body ?? {}) as Body;
      const parsed = parseForm(options.schema, options.read?.(body) ?? body);
      if (!parsed.ok) return render(reply.code(400), found, itemId, body, parsed.errors);
      try {
        await options.save(found, itemId, parsed.value);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return render(reply.code(error.statusCode), found, itemId, body, error.errors);
      }
      return reply.redirect(
        `${base(found.engagement)}/${found.item.recommendation.id}?done=${options.done}`,
        303,
      );
    });
  }

  itemForm({
    kind: 'action',
    path: 'actions/new',
    may: 'respond',
    step: 'answer',
    schema: actionSchema,
    read: (body) => ({ ...body, dueOn: dateFromParts(body, 'dueOn') }),
    extra: async (found) => ({
      owners: (await actionOwners(deps, found.engagement)).map((o) => ({
        value: o.id,
        text: o.name,
      })),
    }),
    save: (found, _itemId, input) =>
      addAction(deps, found.actor, found.engagement, found.item.recommendation.id, input),
    done: 'action',
  });

  itemForm({
    kind: 'update',
    path: 'actions/:itemId/update',
    may: 'update_actions',
    step: 'change',
    schema: actionUpdateSchema,
    extra: (found, itemId) => {
      const action = found.item.actions.find((a) => a.id === itemId);
      if (action === undefined) return Promise.reject(new NotFoundError());
      return Promise.resolve({ actionItem: action });
    },
    save: async (found, itemId, input) => {
      await updateAction(deps, found.actor, found.engagement, itemId, input);
      // People who asked to be told hear of a done action (once the page is published).
      if (input.status === 'done') await tellAboutDoneActions(deps, found.engagement.id);
    },
    done: 'updated',
  });

  itemForm({
    kind: 'challenge',
    path: 'challenge',
    may: 'challenge',
    step: 'change',
    schema: challengeSchema,
    save: (found, _itemId, input) =>
      raiseChallenge(deps, found.actor, found.engagement, found.item.recommendation.id, input),
    done: 'challenged',
  });

  itemForm({
    kind: 'reply',
    path: 'challenges/:itemId/reply',
    may: 'reply_to_challenge',
    step: 'answer',
    schema: challengeReplySchema,
    extra: (found, itemId) => {
      const challenge = found.item.challenges.find((c) => c.id === itemId);
      if (challenge === undefined) return Promise.reject(new NotFoundError());
      return Promise.resolve({ challenge });
    },
    save: (found, itemId, input) =>
      answerChallenge(deps, found.actor, found.engagement, itemId, input),
    done: 'replied',
  });
}
