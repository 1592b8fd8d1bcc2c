import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInputError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { PERSPECTIVES, engagementFor } from '../engagements/index.ts';
import { contactSchema, onBehalfSchema } from '../voices/index.ts';
import { SESSION_KINDS } from './sessions.core.ts';
import { sessionSchema } from './sessions.schemas.ts';
import { recordSession, recordVoiceInSession, sessionIn, sessionsOf } from './sessions.service.ts';

const sessionOut = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  heldOn: z.string(),
  place: z.string(),
  attendance: z.record(z.enum(PERSPECTIVES), z.number()),
  notes: z.string(),
  advocateName: z.string(),
  voices: z.number(),
  createdAt: z.string(),
});

const engagementParams = z.object({ engagementId: z.string().max(64) });
const sessionParams = engagementParams.extend({ sessionId: z.string().max(64) });

/**
 * The voice, as on the form, with how to tell the person what happened (none if left out) and,
 * for a letter, whether they want it in Easy Read.
 */
const voiceOnBehalfBody = onBehalfSchema.extend({
  contact: contactSchema.optional(),
  letterFormat: z
    .enum(['plain', 'easy-read'])
    .optional()
    .describe('The format of letters to this person: plain (the default) or easy-read'),
});

/** Sessions and voices recorded on someone's behalf, for the advocacy organisation only. */
export function sessionsApi(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['sessions'];
  const config = { access: 'signed-in' } as const;

  app.get(
    '/api/v1/engagements/:engagementId/sessions',
    {
      config,
      schema: {
        tags,
        summary: "An engagement's sessions (advocacy organisation only)",
        params: engagementParams,
        response: { 200: z.array(sessionOut) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'capture_voices',
      );
      return (await sessionsOf(deps, engagement)).map(({ session, voices }) => ({
        ...session,
        voices,
      }));
    },
  );

  app.post(
    '/api/v1/engagements/:engagementId/sessions',
    {
      config,
      schema: {
        tags,
        summary: 'Record a session (only while the engagement is listening)',
        params: engagementParams,
        body: sessionSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'capture_voices',
      );
      const recorded = await recordSession(deps, actor, engagement, request.body);
      if (!recorded.ok) throw new InvalidInputError(recorded.errors, 400);
      return reply.code(201).send(recorded.value);
    },
  );

  app.post(
    '/api/v1/engagements/:engagementId/sessions/:sessionId/voices',
    {
      config,
      schema: {
        tags,
        summary: 'Record what someone said in a session, on their behalf, with their consents',
        params: sessionParams,
        body: voiceOnBehalfBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'capture_voices',
      );
      const session = await sessionIn(deps, engagement, request.params.sessionId);
      const { contact, letterFormat = 'plain', ...voice } = request.body;
      const recorded = await recordVoiceInSession(
        deps,
        actor,
        engagement,
        session,
        voice,
        contact ? { ...contact, format: letterFormat } : null,
      );
      if (!recorded.ok) throw new InvalidInputError(recorded.errors, 400);
      return reply.code(201).send({ id: recorded.value.voiceId });
    },
  );
}
