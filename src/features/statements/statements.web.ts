import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Engagement } from '../engagements/index.ts';

// What the statement pages share: parameters and the views folder.

export type EngagementParams = { Params: { engagementId: string } };
export type StatementParams = { Params: { engagementId: string; statementId: string } };
export type SessionParams = { Params: { engagementId: string; sessionId: string } };
export type SessionVoterParams = {
  Params: { engagementId: string; sessionId: string; participantId: string };
};

export const VIEWS = 'statements/views';

export type Body = Record<string, unknown>;
export const formBody = (request: FastifyRequest): Body => (request.body ?? {}) as Body;

/** Statements are added (or imported) only while an engagement is a draft or listening. */
export const notTakingPage = (reply: FastifyReply, deps: Deps, engagement: Engagement) =>
  reply.code(409).render(`${VIEWS}/not-taking.njk`, {
    engagement,
    phase: deps.t(`phases.${engagement.phase}`),
  });
