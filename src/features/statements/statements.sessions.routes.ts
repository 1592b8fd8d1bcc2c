import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { type Engagement, PERSPECTIVES, engagementFor, takesVoices } from '../engagements/index.ts';
import { type ListeningSession, findSession, sessionLabel } from '../sessions/index.ts';
import { ADVOCATE_CONSENT_WAYS, labelsFor } from '../voices/index.ts';
import { mayRecordVotes } from './statements.permissions.ts';
import { findSessionVoter } from './statements.repository.ts';
import { sessionVoterSchema } from './statements.schemas.ts';
import { castVoteOnBehalf, nextStatement, recordSessionVoter } from './statements.service.ts';
import {
  type Body,
  type SessionParams,
  type SessionVoterParams,
  VIEWS,
  formBody,
} from './statements.web.ts';

const staff = { access: 'signed-in' } as const;

interface InSession {
  actor: Actor;
  engagement: Engagement;
  session: ListeningSession;
}

/** An advocate records votes on someone's behalf, in a session: who they are, then each vote. */
export function statementsSessionRoutes(app: FastifyInstance, deps: Deps): void {
  const base = ({ engagement, session }: Pick<InSession, 'engagement' | 'session'>) =>
    `/engagements/${engagement.id}/sessions/${session.id}/statements`;

  async function inSession(request: FastifyRequest<SessionParams>): Promise<InSession> {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'capture_voices',
    );
    if (!mayRecordVotes(actor, engagement)) throw new ForbiddenError();
    const session = await findSession(deps.db, engagement.id, request.params.sessionId);
    if (session === undefined) throw new NotFoundError();
    return { actor, engagement, session };
  }

  const notListening = (reply: FastifyReply, engagement: Engagement) =>
    reply.code(409).render(`${VIEWS}/not-taking.njk`, {
      engagement,
      phase: deps.t(`phases.${engagement.phase}`),
      forVotes: true,
    });

  const voterForm = (reply: FastifyReply, where: InSession, values: Body, errors?: FieldErrors) =>
    reply.render(`${VIEWS}/session-voter.njk`, {
      engagement: where.engagement,
      session: where.session,
      sessionTitle: sessionLabel(deps.t, where.session),
      perspectives: PERSPECTIVES,
      consentWays: ADVOCATE_CONSENT_WAYS,
      consentLabels: labelsFor(deps.t, 'consentGivenBy', ADVOCATE_CONSENT_WAYS),
      values,
      errors,
    });

  app.get<SessionParams>(
    '/engagements/:engagementId/sessions/:sessionId/statements',
    { config: staff },
    async (request, reply) => {
      const where = await inSession(request);
      if (!takesVoices(where.engagement)) return notListening(reply, where.engagement);
      return voterForm(reply, where, {});
    },
  );

  app.post<SessionParams>(
    '/engagements/:engagementId/sessions/:sessionId/statements',
    { config: staff },
    async (request, reply) => {
      const where = await inSession(request);
      if (!takesVoices(where.engagement)) return notListening(reply, where.engagement);
      const body = formBody(request);
      const parsed = parseForm(sessionVoterSchema, body);
      if (!parsed.ok) return voterForm(reply.code(400), where, body, parsed.errors);
      const participantId = await recordSessionVoter(
        deps,
        where.actor,
        where.engagement,
        where.session,
        parsed.value,
      );
      return reply.redirect(`${base(where)}/${participantId}`, 303);
    },
  );

  async function voterIn(request: FastifyRequest<SessionVoterParams>) {
    const where = await inSession(request);
    const voter = await findSessionVoter(deps.db, where.session.id, request.params.participantId);
    if (voter === undefined) throw new NotFoundError();
    return { ...where, voter };
  }

  app.get<SessionVoterParams>(
    '/engagements/:engagementId/sessions/:sessionId/statements/:participantId',
    { config: staff },
    async (request, reply) => {
      const { engagement, session, voter } = await voterIn(request);
      if (!takesVoices(engagement)) return notListening(reply, engagement);
      const next = await nextStatement(deps, engagement, voter.participantId);
      return reply.render(`${VIEWS}/session-vote.njk`, {
        engagement,
        session,
        sessionTitle: sessionLabel(deps.t, session),
        voter,
        next,
        action: `${base({ engagement, session })}/${voter.participantId}/vote`,
      });
    },
  );

  app.post<SessionVoterParams>(
    '/engagements/:engagementId/sessions/:sessionId/statements/:participantId/vote',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, session, voter } = await voterIn(request);
      const body = formBody(request);
      await castVoteOnBehalf(deps, actor, session, {
        engagementId: engagement.id,
        participantId: voter.participantId,
        statementId: body.statementId,
        vote: body.vote,
      });
      return reply.redirect(`${base({ engagement, session })}/${voter.participantId}`, 303);
    },
  );
}
