import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { addTheme, codeVoice, deleteTheme, mergeThemes, moveVoice } from './themes.actions.ts';
import {
  VIEWS,
  advocacyFor,
  afterChange,
  renderThemesPage,
  scopeQuery,
  staff,
  themesBase,
} from './themes.http.ts';
import { startMapping } from './themes.mapping.ts';
import type { PromptScope } from './themes.repository.ts';
import {
  themeAddSchema,
  themeMergeSchema,
  voiceCodingSchema,
  voiceMoveSchema,
} from './themes.schemas.ts';
import { voiceToCode } from './themes.voice.ts';

type Params = { Params: { engagementId: string; key?: string; voiceId?: string } };

/** The voice's page in the scope's themes, saying its coding is saved. */
const savedVoice = (engagementId: string, promptId: PromptScope, voiceId: string): string =>
  `/engagements/${engagementId}/themes/voices/${voiceId}${scopeQuery(promptId)}${
    promptId === null ? '?' : '&'
  }saved=1`;

/**
 * Merging, deleting and adding themes, coding a voice by hand, moving it between themes, and
 * mapping every voice to the themes as they stand. Advocacy roles only: anyone else in the
 * engagement gets 403 (`capture_voices`), anyone outside it 404.
 */
export function themeActionRoutes(app: FastifyInstance, deps: Deps): void {
  const advocacy = (request: FastifyRequest<Params>) => advocacyFor(deps, request);
  const form = <S extends z.ZodType>(request: FastifyRequest<Params>, schema: S) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { body, parsed: parseForm(schema, body) };
  };

  /** The themes page again, with what to fix in the form that was sent. */
  const pageWithErrors = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, unknown>,
  ) => {
    const { actor, engagement } = await advocacy(request);
    return renderThemesPage(deps, request, reply, actor, engagement, { errors, values });
  };

  app.post<Params>(
    '/engagements/:engagementId/themes/add',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await advocacy(request);
      const { body, parsed } = form(request, themeAddSchema);
      if (!parsed.ok) return pageWithErrors(request, reply, parsed.errors, body);
      const key = await addTheme(deps, actor, engagement, promptId, parsed.value.label);
      return reply.redirect(afterChange(engagement.id, promptId, 'saved', key), 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/merge',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await advocacy(request);
      const { body, parsed } = form(request, themeMergeSchema);
      if (!parsed.ok) return pageWithErrors(request, reply, parsed.errors, body);
      await mergeThemes(deps, actor, engagement, promptId, parsed.value);
      return reply.redirect(afterChange(engagement.id, promptId, 'saved', parsed.value.into), 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/:key/delete',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await advocacy(request);
      await deleteTheme(deps, actor, engagement, promptId, request.params.key ?? '');
      return reply.redirect(afterChange(engagement.id, promptId, 'saved'), 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/map',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, promptId } = await advocacy(request);
      await startMapping(deps, actor, engagement, promptId);
      return reply.redirect(themesBase(engagement.id, promptId), 303);
    },
  );

  const voicePath = '/engagements/:engagementId/themes/voices/:voiceId';
  const renderVoice = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; values?: Record<string, unknown> } = {},
  ) => {
    const { engagement, promptId } = await advocacy(request);
    const voice = await voiceToCode(deps, engagement, promptId, request.params.voiceId ?? '');
    return reply.code(extra.errors ? 400 : 200).render(`${VIEWS}/voice.njk`, {
      engagement,
      voice,
      scopeQuery: scopeQuery(promptId),
      saved: (request.query as { saved?: string }).saved !== undefined,
      ...extra,
    });
  };

  app.get<Params>(voicePath, { config: staff }, async (request, reply) =>
    renderVoice(request, reply),
  );

  app.post<Params>(voicePath, { config: staff }, async (request, reply) => {
    const { actor, engagement, promptId } = await advocacy(request);
    const { body, parsed } = form(request, voiceCodingSchema);
    if (!parsed.ok) return renderVoice(request, reply, { errors: parsed.errors, values: body });
    const voiceId = request.params.voiceId ?? '';
    await codeVoice(deps, actor, engagement, promptId, voiceId, parsed.value.themes);
    return reply.redirect(savedVoice(engagement.id, promptId, voiceId), 303);
  });

  app.post<Params>(`${voicePath}/move`, { config: staff }, async (request, reply) => {
    const { actor, engagement, promptId } = await advocacy(request);
    const { body, parsed } = form(request, voiceMoveSchema);
    if (!parsed.ok) return renderVoice(request, reply, { errors: parsed.errors, values: body });
    const voiceId = request.params.voiceId ?? '';
    await moveVoice(deps, actor, engagement, promptId, voiceId, parsed.value);
    return reply.redirect(savedVoice(engagement.id, promptId, voiceId), 303);
  });
}
