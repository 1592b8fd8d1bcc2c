import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { type Engagement, engagementFor } from '../engagements/index.ts';

// What the session pages share: their parameters, views folder, access rule and two answers.

export type EngagementParams = { Params: { engagementId: string } };
export type SessionParams = { Params: { engagementId: string; sessionId: string } };

export const VIEWS = 'sessions/views';

/**
 * Sessions are the advocacy organisation's own record. Anyone signed in may ask; the engagement
 * then decides: outside both organisations is "not found", a council role is "forbidden".
 */
export const staff = { access: 'signed-in' } as const;

export const engagementToCapture = (
  deps: Deps,
  request: FastifyRequest<EngagementParams>,
): Promise<Engagement> =>
  engagementFor(deps, requireActor(request), request.params.engagementId, 'capture_voices');

/** New sessions and voices only while listening: otherwise a plain page says why. */
export const notListening = (deps: Deps, reply: FastifyReply, engagement: Engagement) =>
  reply.code(409).render(`${VIEWS}/not-listening.njk`, {
    engagement,
    phase: deps.t(`phases.${engagement.phase}`),
  });
