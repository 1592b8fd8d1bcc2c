import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { VIEWS, advocacyFor, afterChange, scopeQuery, staff } from './themes.http.ts';
import { SPLIT_PARTS, choiceField, splitForm, splitTheme } from './themes.split.ts';

type Params = { Params: { engagementId: string; key: string } };

/**
 * Splitting a theme: the form (`?suggest=1` starts it from the machine's suggestion) and the
 * split itself. Advocacy roles only: anyone else in the engagement 403, anyone outside it 404.
 */
export function themeSplitRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/engagements/:engagementId/themes/:key/split';
  const parts = Array.from({ length: SPLIT_PARTS }, (_, index) => String(index + 1));

  app.get<Params>(path, { config: staff }, async (request, reply) => {
    const { engagement, promptId } = await advocacyFor(deps, request);
    const suggest = (request.query as { suggest?: string }).suggest !== undefined;
    const split = await splitForm(deps, engagement, promptId, request.params.key, suggest);
    return reply.render(`${VIEWS}/split.njk`, {
      engagement,
      scope: promptId,
      scopeQuery: scopeQuery(promptId),
      split,
      parts,
      choiceField,
      values: split.values,
      suggested: suggest,
    });
  });

  app.post<Params>(path, { config: staff }, async (request, reply) => {
    const { actor, engagement, promptId } = await advocacyFor(deps, request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = await splitTheme(deps, actor, engagement, promptId, request.params.key, body);
    if (result.ok) {
      return reply.redirect(afterChange(engagement.id, promptId, 'split', result.value), 303);
    }
    const split = await splitForm(deps, engagement, promptId, request.params.key, false);
    const unplaced = result.unplaced ?? [];
    return reply.code(400).render(`${VIEWS}/split.njk`, {
      engagement,
      scope: promptId,
      scopeQuery: scopeQuery(promptId),
      split,
      parts,
      choiceField,
      values: body,
      errors: result.errors,
      errorParams: { count: unplaced.length },
      errorAnchors: { voices: choiceField(unplaced[0] ?? '') },
      unplaced,
    });
  });
}
