import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { themeActionRoutes } from './themes.actions.routes.ts';
import { startDraft } from './themes.drafting.ts';
import { shareThemes } from './themes.publication.ts';
import { themeEditSchema, themeShareSchema } from './themes.schemas.ts';
import { editTheme, mayDraft, mayShare, themeToEdit, themesPage } from './themes.service.ts';

type EngagementParams = { Params: { engagementId: string } };
type ThemeParams = { Params: { engagementId: string; key: string } };

const VIEWS = 'themes/views';
const staff = { access: 'signed-in' } as const;

/** The themes page, starting a draft, editing one theme, and the advocates' other actions. */
export function themesRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (engagementId: string) => `/engagements/${engagementId}/themes`;

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
      const { saved, shared } = request.query as { saved?: string; shared?: string };
      return reply.render(`${VIEWS}/themes.njk`, {
        engagement,
        page: await themesPage(deps, actor, engagement),
        saved: saved !== undefined,
        justShared: shared !== undefined,
      });
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
      startDraft(deps, actor, engagement);
      return reply.redirect(base(engagement.id), 303);
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/themes/share',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      if (!mayShare(actor, engagement)) throw new ForbiddenError();
      const parsed = parseForm(themeShareSchema, (request.body ?? {}) as Record<string, unknown>);
      // Only a tampered form lacks the snapshot: there is nothing to fix on the page.
      if (!parsed.ok) throw new NotFoundError();
      await shareThemes(deps, actor, engagement, parsed.value.snapshotId);
      return reply.redirect(`${base(engagement.id)}?shared=1`, 303);
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
    return { actor, engagement, theme: await themeToEdit(deps, engagement, request.params.key) };
  };

  app.get<ThemeParams>(editPath, { config: staff }, async (request, reply) => {
    const { engagement, theme } = await editContext(request);
    return reply.render(`${VIEWS}/edit.njk`, { engagement, theme, values: theme });
  });

  app.post<ThemeParams>(editPath, { config: staff }, async (request, reply) => {
    const { actor, engagement, theme } = await editContext(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(themeEditSchema, body);
    if (!parsed.ok) {
      return reply
        .code(400)
        .render(`${VIEWS}/edit.njk`, { engagement, theme, values: body, errors: parsed.errors });
    }
    await editTheme(deps, actor, engagement, theme.key, parsed.value);
    return reply.redirect(`${base(engagement.id)}?saved=1#theme-${theme.key}`, 303);
  });

  themeActionRoutes(app, deps);
}
