import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { themeActionRoutes } from './themes.actions.routes.ts';
import { startDraft } from './themes.drafting.ts';
import {
  VIEWS,
  afterChange,
  renderThemesPage,
  scopeOf,
  scopeQuery,
  staff,
  themesBase,
} from './themes.http.ts';
import { themeMembersRoutes } from './themes.members.routes.ts';
import { themePublicationRoutes } from './themes.publication.routes.ts';
import { themeEditSchema } from './themes.schemas.ts';
import { editTheme, mayDraft, themeToEdit } from './themes.service.ts';
import { themeSplitRoutes } from './themes.split.routes.ts';

type EngagementParams = { Params: { engagementId: string } };
type ThemeParams = { Params: { engagementId: string; key: string } };

/** The themes page, starting a draft, editing one theme, and the advocates' other actions. */
export function themesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<EngagementParams>(
    '/engagements/:engagementId/themes',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      return renderThemesPage(deps, request, reply, actor, engagement);
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/themes/draft',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      if (!mayDraft(actor, engagement)) throw new ForbiddenError();
      const promptId = await scopeOf(deps, request, engagement);
      await startDraft(deps, actor, engagement, promptId);
      return reply.redirect(themesBase(engagement.id, promptId), 303);
    },
  );

  const editPath = '/engagements/:engagementId/themes/:key/edit';
  const editContext = async (request: FastifyRequest<ThemeParams>) => {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'capture_voices',
    );
    const promptId = await scopeOf(deps, request, engagement);
    const theme = await themeToEdit(deps, engagement, promptId, request.params.key);
    return { actor, engagement, promptId, theme };
  };

  app.get<ThemeParams>(editPath, { config: staff }, async (request, reply) => {
    const { engagement, promptId, theme } = await editContext(request);
    return reply.render(`${VIEWS}/edit.njk`, {
      engagement,
      theme,
      values: theme,
      scopeQuery: scopeQuery(promptId),
    });
  });

  app.post<ThemeParams>(editPath, { config: staff }, async (request, reply) => {
    const { actor, engagement, promptId, theme } = await editContext(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(themeEditSchema, body);
    if (!parsed.ok) {
      return reply.code(400).render(`${VIEWS}/edit.njk`, {
        engagement,
        theme,
        values: body,
        errors: parsed.errors,
        scopeQuery: scopeQuery(promptId),
      });
    }
    await editTheme(deps, actor, engagement, promptId, theme.key, parsed.value);
    return reply.redirect(afterChange(engagement.id, promptId, 'saved', theme.key), 303);
  });

  themeMembersRoutes(app, deps);
  themeActionRoutes(app, deps);
  themePublicationRoutes(app, deps);
  themeSplitRoutes(app, deps);
}
