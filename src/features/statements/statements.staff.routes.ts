import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import {
  type Engagement,
  can,
  engagementFor,
  findStatementsPrompt,
  takesVoices,
} from '../engagements/index.ts';
import { listSessions, sessionLabel } from '../sessions/index.ts';
import {
  STATEMENT_MAX_LENGTH,
  REJECTION_REASON_MAX_LENGTH,
  type Statement,
} from './statements.core.ts';
import {
  mayModerate,
  mayPropose,
  mayRecordVotes,
  maySeeParticipantsWords,
  takesStatements,
} from './statements.permissions.ts';
import { countVoters, listStatements } from './statements.repository.ts';
import { moderationSchema, staffStatementSchema } from './statements.schemas.ts';
import { addStaffStatement, moderateStatement, statementIn } from './statements.service.ts';
import {
  type Body,
  type EngagementParams,
  type StatementParams,
  VIEWS,
  formBody,
  notTakingPage,
} from './statements.web.ts';

const staff = { access: 'signed-in' } as const;

/** The statements of an engagement as a member of staff works with them. */
export function statementsStaffRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (engagement: Engagement) => `/engagements/${engagement.id}/statements`;

  /** A party who may propose, moderate or record votes; anyone else in the parties may not. */
  async function engagementToWorkOn(
    request: FastifyRequest<EngagementParams>,
  ): Promise<{ actor: Actor; engagement: Engagement }> {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
    if (!mayPropose(actor, engagement) && !maySeeParticipantsWords(actor, engagement))
      throw new ForbiddenError();
    return { actor, engagement };
  }

  const notTaking = (reply: FastifyReply, engagement: Engagement) =>
    notTakingPage(reply, deps, engagement);

  const newForm = (
    reply: FastifyReply,
    engagement: Engagement,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.render(`${VIEWS}/new.njk`, {
      engagement,
      maxLength: STATEMENT_MAX_LENGTH,
      values,
      errors,
    });

  const moderateForm = (
    reply: FastifyReply,
    engagement: Engagement,
    statement: Statement,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.render(`${VIEWS}/moderate.njk`, {
      engagement,
      statement,
      fromParticipant: statement.authorParticipantId !== null,
      stateLabel: deps.t(`statements.states.${statement.state}`),
      maxLength: REJECTION_REASON_MAX_LENGTH,
      values,
      errors,
    });

  app.get<EngagementParams>(
    '/engagements/:engagementId/statements',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await engagementToWorkOn(request);
      const seesAll = maySeeParticipantsWords(actor, engagement);
      // Council roles see what is shown for votes and what they proposed themselves, never what a
      // participant wrote before a lead has checked it.
      const visible = (await listStatements(deps.db, engagement.id)).filter(
        (s) => seesAll || s.state === 'approved' || s.authorUserId === actor.userId,
      );
      const voters = await countVoters(deps.db, engagement.id);
      const row = (s: Statement) => ({
        ...s,
        date: formatDate(s.createdAt),
        voters: voters.get(s.id) ?? 0,
        byParticipant: s.authorParticipantId !== null,
      });
      const sessions =
        mayRecordVotes(actor, engagement) && takesVoices(engagement)
          ? (await listSessions(deps.db, engagement.id)).map((session) => ({
              id: session.id,
              label: sessionLabel(deps.t, session),
            }))
          : [];
      return reply.render(`${VIEWS}/list.njk`, {
        engagement,
        question: await findStatementsPrompt(deps.db, engagement.id),
        approved: visible.filter((s) => s.state === 'approved').map(row),
        pending: visible.filter((s) => s.state === 'pending').map(row),
        rejected: visible.filter((s) => s.state === 'rejected').map(row),
        may: {
          propose: mayPropose(actor, engagement) && takesStatements(engagement),
          moderate: mayModerate(actor, engagement),
          editQuestion: can(actor, 'edit', engagement),
          import: mayModerate(actor, engagement) && takesStatements(engagement),
        },
        listening: takesVoices(engagement),
        sessions,
        saved: (request.query as { saved?: string }).saved,
      });
    },
  );

  app.get<EngagementParams>(
    '/engagements/:engagementId/statements/new',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await engagementToWorkOn(request);
      if (!mayPropose(actor, engagement)) throw new ForbiddenError();
      if (!takesStatements(engagement)) return notTaking(reply, engagement);
      return newForm(reply, engagement, {});
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/statements/new',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await engagementToWorkOn(request);
      if (!mayPropose(actor, engagement)) throw new ForbiddenError();
      if (!takesStatements(engagement)) return notTaking(reply, engagement);
      const body = formBody(request);
      const parsed = parseForm(staffStatementSchema, body);
      if (!parsed.ok) return newForm(reply.code(400), engagement, body, parsed.errors);
      const added = await addStaffStatement(deps, actor, engagement, parsed.value);
      return reply.redirect(`${base(engagement)}?saved=${added.state}`, 303);
    },
  );

  app.get<StatementParams>(
    '/engagements/:engagementId/statements/:statementId/moderate',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await engagementToWorkOn(request);
      if (!mayModerate(actor, engagement)) throw new ForbiddenError();
      const statement = await statementIn(deps, engagement, request.params.statementId);
      return moderateForm(reply, engagement, statement, {});
    },
  );

  app.post<StatementParams>(
    '/engagements/:engagementId/statements/:statementId/moderate',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement } = await engagementToWorkOn(request);
      if (!mayModerate(actor, engagement)) throw new ForbiddenError();
      const statement = await statementIn(deps, engagement, request.params.statementId);
      const body = formBody(request);
      const parsed = parseForm(moderationSchema, body);
      if (!parsed.ok)
        return moderateForm(reply.code(400), engagement, statement, body, parsed.errors);
      await moderateStatement(deps, actor, engagement, statement, parsed.value);
      const saved = parsed.value.decision === 'approve' ? 'approved' : 'rejected';
      return reply.redirect(`${base(engagement)}?saved=${saved}`, 303);
    },
  );
}
