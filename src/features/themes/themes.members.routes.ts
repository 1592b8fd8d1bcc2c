import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { paginationLinks, requestedPage } from '../../platform/paging.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { moveVoices } from './themes.actions.ts';
import { VIEWS, advocacyFor, scopeQuery, staff } from './themes.http.ts';
import { themeMembersPage } from './themes.members.ts';
import { voicesMoveSchema } from './themes.schemas.ts';

type ThemeParams = { Params: { engagementId: string; key: string } };

/**
 * One theme's voices (or, for `none`, those in no theme), a page at a time, each to open and code
 * by hand; a theme's voices can be ticked and moved into another theme, a page at a time, which
 * is how a theme too big for the split form is split.
 */
export function themeMembersRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/engagements/:engagementId/themes/:key/voices';
  const pathOf = (engagementId: string, key: string) =>
    `/engagements/${engagementId}/themes/${encodeURIComponent(key)}/voices`;

  async function render(
    request: FastifyRequest<ThemeParams>,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; values?: Record<string, unknown> } = {},
  ) {
    const { engagement, promptId } = await advocacyFor(deps, request);
    const query = request.query as Record<string, unknown>;
    const { label, page, others } = await themeMembersPage(
      deps,
      engagement,
      promptId,
      request.params.key,
      requestedPage(query.page),
    );
    const moved = typeof query.moved === 'string' ? Number(query.moved) : undefined;
    const movedTo = others.find((other) => other.key === query.to)?.label;
    return reply.code(extra.errors ? 400 : 200).render(`${VIEWS}/members.njk`, {
      engagement,
      themeKey: request.params.key,
      label,
      page,
      others,
      pagination: paginationLinks(
        pathOf(engagement.id, request.params.key),
        Object.fromEntries(
          Object.entries(query).filter(([name]) => name !== 'moved' && name !== 'to'),
        ),
        page,
      ),
      scopeQuery: scopeQuery(promptId),
      moved:
        moved !== undefined && Number.isInteger(moved) && movedTo !== undefined
          ? { count: moved, label: movedTo }
          : undefined,
      ...extra,
    });
  }

  app.get<ThemeParams>(path, { config: staff }, (request, reply) => render(request, reply));

  app.post<ThemeParams>(path, { config: staff }, async (request, reply) => {
    const { actor, engagement, promptId } = await advocacyFor(deps, request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(voicesMoveSchema, body);
    const from = request.params.key;
    if (!parsed.ok || parsed.value.to === from) {
      const errors = parsed.ok ? { to: 'themes.errors.moveVoicesSame' } : parsed.errors;
      return render(request, reply, { errors, values: body });
    }
    const count = await moveVoices(deps, actor, engagement, promptId, parsed.value.voices, {
      from,
      to: parsed.value.to,
    });
    const search = new URLSearchParams(promptId === null ? {} : { scope: promptId });
    const { page } = request.query as { page?: unknown };
    if (typeof page === 'string' && requestedPage(page) > 1) search.set('page', page);
    search.set('moved', String(count));
    search.set('to', parsed.value.to);
    return reply.redirect(`${pathOf(engagement.id, from)}?${search.toString()}`, 303);
  });
}
