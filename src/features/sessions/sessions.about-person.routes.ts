import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { requireActor } from '../accounts/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { equalityAnswersSchema, equalityFormContext, tellAboutThemselves } from '../reach/index.ts';
import type { ListeningSession } from './sessions.core.ts';
import { personWhoSaid } from './sessions.repository.ts';
import { sessionIn } from './sessions.service.ts';
import { type SessionParams, VIEWS, engagementToCapture, staff } from './sessions.web.ts';

type VoiceParams = { Params: SessionParams['Params'] & { voiceId: string } };

/**
 * The optional questions about a person, asked by the advocate with them, with their agreement,
 * after recording what they said. Write-only: once saved, the answers are counted, never shown
 * again, to the advocate or anyone else.
 */
export function sessionAboutPersonRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/engagements/:engagementId/sessions/:sessionId/voices/:voiceId/about-person';

  const form = (
    reply: FastifyReply,
    engagement: Engagement,
    session: ListeningSession,
    voiceId: string,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) =>
    reply.code(errors ? 400 : 200).render(`${VIEWS}/about-person.njk`, {
      ...equalityFormContext,
      engagement,
      action: `/engagements/${engagement.id}/sessions/${session.id}/voices/${voiceId}/about-person`,
      sessionHref: `/engagements/${engagement.id}/sessions/${session.id}`,
      values,
      errors,
    });

  async function personAsked(request: FastifyRequest<VoiceParams>) {
    const engagement = await engagementToCapture(deps, request);
    const session = await sessionIn(deps, engagement, request.params.sessionId);
    const participantId = await personWhoSaid(deps.db, session.id, request.params.voiceId);
    if (participantId === undefined) throw new NotFoundError();
    return { engagement, session, participantId };
  }

  app.get<VoiceParams>(path, { config: staff }, async (request, reply) => {
    const { engagement, session } = await personAsked(request);
    return form(reply, engagement, session, request.params.voiceId, {});
  });

  app.post<VoiceParams>(path, { config: staff }, async (request, reply) => {
    const { engagement, session, participantId } = await personAsked(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(equalityAnswersSchema, body);
    if (!parsed.ok)
      return form(reply, engagement, session, request.params.voiceId, body, parsed.errors);
    const actor = requireActor(request);
    await tellAboutThemselves(deps, participantId, parsed.value, {
      userId: actor.userId,
      organisationId: actor.organisationId,
    });
    return reply.redirect(
      `/engagements/${engagement.id}/sessions/${session.id}?recorded=aboutPerson`,
      303,
    );
  });
}
