import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { advocacyFor, afterChange, renderThemesPage, scopeOf, staff } from './themes.http.ts';
import { publishThemes, reviewThemes, takeBackThemes } from './themes.publication.ts';
import { themeSnapshotSchema, themeTakeBackSchema } from './themes.schemas.ts';
import { mayPublish } from './themes.service.ts';

type Params = { Params: { engagementId: string } };

/**
 * Marking the themes reviewed (advocacy leads and advocates), publishing a reviewed version and
 * taking a publication back (the advocacy lead only: anyone else in the engagement 403, anyone
 * outside it 404).
 */
export function themePublicationRoutes(app: FastifyInstance, deps: Deps): void {
  const lead = async (request: FastifyRequest<Params>) => {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'see_voices');
    if (!mayPublish(actor, engagement)) throw new ForbiddenError();
    return { actor, engagement, promptId: await scopeOf(deps, request, engagement) };
  };
  const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  /** The hidden snapshot field: only a tampered form lacks it, and there is nothing to fix. */
  const snapshotIdOf = (request: FastifyRequest): string => {
    const parsed = parseForm(themeSnapshotSchema, bodyOf(request));
    if (!parsed.ok) throw new NotFoundError();
    return parsed.value.snapshotId;
  };

  app.post<Params>(
    '/engagements/:engagementId/themes/review',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await advocacyFor(deps, request);
      await reviewThemes(deps, actor, engagement, snapshotIdOf(request));
      return reply.redirect(afterChange(engagement.id, promptId, 'reviewed'), 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/publish',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await lead(request);
      const published = await publishThemes(deps, actor, engagement, snapshotIdOf(request));
      if (!published.ok) {
        return renderThemesPage(deps, request, reply, actor, engagement, {
          errors: published.errors,
          values: {},
        });
      }
      return reply.redirect(afterChange(engagement.id, promptId, 'published'), 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/take-back',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await lead(request);
      const body = bodyOf(request);
      const parsed = parseForm(themeTakeBackSchema, body);
      // Only a tampered form lacks the hidden publication: there is nothing to fix on the page.
      if (!parsed.ok && parsed.errors.publicationId !== undefined) throw new NotFoundError();
      if (!parsed.ok) {
        return renderThemesPage(deps, request, reply, actor, engagement, {
          errors: parsed.errors,
          values: body,
        });
      }
      await takeBackThemes(deps, actor, engagement, promptId, parsed.value);
      return reply.redirect(afterChange(engagement.id, promptId, 'taken-back'), 303);
    },
  );
}
