import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { addTheme, codeVoice, deleteTheme, mergeThemes, moveVoice } from './themes.actions.ts';
import { startMapping } from './themes.mapping.ts';
import {
  themeAddSchema,
  themeMergeSchema,
  voiceCodingSchema,
  voiceMoveSchema,
} from './themes.schemas.ts';
import { mayEdit, themesPage } from './themes.service.ts';
import { voiceToCode } from './themes.voice.ts';

type Params = { Params: { engagementId: string; key?: string; voiceId?: string } };

const VIEWS = 'themes/views';
const staff = { access: 'signed-in' } as const;

/**
 * Merging, deleting and adding themes, coding a voice by hand, moving it between themes, and
 * mapping every voice to the themes as they stand. Advocacy roles only: anyone else in the
 * engagement gets 403 (`capture_voices`), anyone outside it 404.
 */
export function themeActionRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (engagementId: string) => `/engagements/${engagementId}/themes`;
  const advocacy = async (request: FastifyRequest<Params>) => {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'capture_voices',
    );
    if (!mayEdit(actor, engagement)) throw new ForbiddenError();
    return { actor, engagement };
  };
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
    return reply.code(400).render(`${VIEWS}/themes.njk`, {
      engagement,
      page: await themesPage(deps, actor, engagement),
      errors,
      values,
    });
  };

  app.post<Params>(
    '/engagements/:engagementId/themes/add',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await advocacy(request);
      const { body, parsed } = form(request, themeAddSchema);
      if (!parsed.ok) return pageWithErrors(request, reply, parsed.errors, body);
      const key = await addTheme(deps, actor, engagement, parsed.value.label);
      return reply.redirect(`${base(engagement.id)}?saved=1#theme-${key}`, 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/merge',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await advocacy(request);
      const { body, parsed } = form(request, themeMergeSchema);
      if (!parsed.ok) return pageWithErrors(request, reply, parsed.errors, body);
      await mergeThemes(deps, actor, engagement, parsed.value);
      return reply.redirect(`${base(engagement.id)}?saved=1#theme-${parsed.value.into}`, 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/:key/delete',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await advocacy(request);
      await deleteTheme(deps, actor, engagement, request.params.key ?? '');
      return reply.redirect(`${base(engagement.id)}?saved=1`, 303);
    },
  );

  app.post<Params>(
    '/engagements/:engagementId/themes/map',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await advocacy(request);
      startMapping(deps, actor, engagement);
      return reply.redirect(base(engagement.id), 303);
    },
  );

  const voicePath = '/engagements/:engagementId/themes/voices/:voiceId';
  const renderVoice = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; values?: Record<string, unknown> } = {},
  ) => {
    const { engagement } = await advocacy(request);
    const voice = await voiceToCode(deps, engagement, request.params.voiceId ?? '');
    return reply.code(extra.errors ? 400 : 200).render(`${VIEWS}/voice.njk`, {
      engagement,
      voice,
      saved: (request.query as { saved?: string }).saved !== undefined,
      ...extra,
    });
  };

  app.get<Params>(voicePath, { config: staff }, async (request, reply) =>
    renderVoice(request, reply),
  );

  app.post<Params>(voicePath, { config: staff }, async (request, reply) => {
    const { actor, engagement } = await advocacy(request);
    const { body, parsed } = form(request, voiceCodingSchema);
    if (!parsed.ok) return renderVoice(request, reply, { errors: parsed.errors, values: body });
    const voiceId = request.params.voiceId ?? '';
    await codeVoice(deps, actor, engagement, voiceId, parsed.value.themes);
    return reply.redirect(`${base(engagement.id)}/voices/${voiceId}?saved=1`, 303);
  });

  app.post<Params>(`${voicePath}/move`, { config: staff }, async (request, reply) => {
    const { actor, engagement } = await advocacy(request);
    const { body, parsed } = form(request, voiceMoveSchema);
    if (!parsed.ok) return renderVoice(request, reply, { errors: parsed.errors, values: body });
    const voiceId = request.params.voiceId ?? '';
    await moveVoice(deps, actor, engagement, voiceId, parsed.value);
    return reply.redirect(`${base(engagement.id)}/voices/${voiceId}?saved=1`, 303);
  });
}
