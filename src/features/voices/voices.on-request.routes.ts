import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { forgetAboutThemselves } from '../reach/index.ts';
import { type VoiceParams, advocacyVoice } from './voices.advocacy-voice.ts';
import type { Voice } from './voices.core.ts';
import { WITHDRAWAL_REQUESTS, withdrawOnRequest } from './voices.service.ts';

const staff = { access: 'signed-in' } as const;

const withdrawalSchema = z.object({
  asked: z.enum(WITHDRAWAL_REQUESTS, { error: 'voices.onRequest.askedMissing' }),
});

/**
 * What the advocacy organisation does when the person who said a voice asks it to: withdraw
 * everything they said, or delete only their answers about themselves (equality monitoring).
 * People heard in a session have no reference code, so this is their way to both.
 */
export function voicesOnRequestRoutes(app: FastifyInstance, deps: Deps): void {
  const voicePage = (engagementId: string, voiceId: string) =>
    `/engagements/${engagementId}/voices/${voiceId}`;

  const confirmPage = (
    reply: FastifyReply,
    engagementId: string,
    voice: Voice,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) =>
    reply.code(errors ? 400 : 200).render('voices/views/withdraw-person.njk', {
      engagementId,
      voice,
      voicePage: voicePage(engagementId, voice.id),
      asked: WITHDRAWAL_REQUESTS,
      values,
      errors,
    });

  app.get<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId/withdraw',
    { config: staff },
    async (request, reply) => {
      const { engagement, voice } = await advocacyVoice(deps, request);
      if (voice.withdrawnAt !== null)
        return reply.redirect(voicePage(engagement.id, voice.id), 303);
      return confirmPage(reply, engagement.id, voice, {});
    },
  );

  app.post<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId/withdraw',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, voice } = await advocacyVoice(deps, request);
      if (voice.withdrawnAt !== null)
        return reply.redirect(voicePage(engagement.id, voice.id), 303);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(withdrawalSchema, body);
      if (!parsed.ok) return confirmPage(reply, engagement.id, voice, body, parsed.errors);
      await withdrawOnRequest(deps, actor, voice.participantId, parsed.value.asked);
      return reply.redirect(voicePage(engagement.id, voice.id), 303);
    },
  );

  app.post<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId/delete-about-person',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, voice } = await advocacyVoice(deps, request);
      await forgetAboutThemselves(deps, voice.participantId, {
        userId: actor.userId,
        organisationId: actor.organisationId,
      });
      return reply.redirect(`${voicePage(engagement.id, voice.id)}?aboutPersonDeleted=1`, 303);
    },
  );
}
