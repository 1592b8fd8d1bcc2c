import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { publicPostLimit } from '../../platform/http/public-posts.ts';
import { parseForm } from '../../platform/forms.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import {
  type Engagement,
  PERSPECTIVES,
  findEngagement,
  findStatementsPrompt,
  takesVoices,
} from '../engagements/index.ts';
import { STATEMENT_MAX_LENGTH, type Voter, wordsFor } from './statements.core.ts';
import {
  type ReadingFormat,
  formatContext,
  questionIn,
  readingFormat,
} from '../participation/index.ts';
import { rememberVoter, rememberedVoter, statementsPath } from './statements.cookies.ts';
import { findVoter, listStatementsBy } from './statements.repository.ts';
import { participantStatementSchema, perspectiveSchema } from './statements.schemas.ts';
import {
  addParticipantStatement,
  castVote,
  nextStatement,
  startVoting,
} from './statements.service.ts';
import { type Body, type EngagementParams, VIEWS, formBody } from './statements.web.ts';

const PUBLIC = { access: 'public' } as const;

/** An engagement as the public may see it: a draft is as if it did not exist. */
async function publicEngagement(deps: Deps, engagementId: string): Promise<Engagement> {
  const engagement = await findEngagement(deps.db, engagementId);
  if (engagement === undefined || engagement.phase === 'draft') throw new NotFoundError();
  return engagement;
}

/** The public voting pages: one statement at a time, and a person's own statements. */
export function statementsPublicRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.secureCookies;
  const posting = publicPostLimit(deps.config);

  const closedPage = (reply: FastifyReply, engagement: Engagement, format: ReadingFormat) =>
    reply.code(409).render(`${VIEWS}/closed.njk`, { ...formatContext(format), engagement });

  /** Who the person is, asked once, under the statements question in the words they read. */
  async function startPage(
    reply: FastifyReply,
    engagement: Engagement,
    format: ReadingFormat,
    values: Body,
    errors?: FieldErrors,
  ) {
    const question = await findStatementsPrompt(deps.db, engagement.id);
    return reply.render(`${VIEWS}/start.njk`, {
      ...formatContext(format),
      engagement,
      question: question && questionIn(question, format).text,
      perspectives: PERSPECTIVES,
      values,
      errors,
    });
  }

  const addPage = (
    reply: FastifyReply,
    engagement: Engagement,
    format: ReadingFormat,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.render(`${VIEWS}/add.njk`, {
      ...formatContext(format),
      engagement,
      maxLength: STATEMENT_MAX_LENGTH,
      values,
      errors,
    });

  /** The person this browser votes as in this engagement, if it is still taking part. */
  async function voterOf(
    request: FastifyRequest,
    engagement: Engagement,
  ): Promise<Voter | undefined> {
    const participantId = rememberedVoter(request);
    return participantId === undefined
      ? undefined
      : findVoter(deps.db, engagement.id, participantId);
  }

  app.get<EngagementParams>(
    '/take-part/:engagementId/statements',
    { config: PUBLIC },
    async (request, reply) => {
      const engagement = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(engagement)) return closedPage(reply, engagement, format);
      const voter = await voterOf(request, engagement);
      if (voter === undefined) return startPage(reply, engagement, format, {});
      const [next, own] = await Promise.all([
        nextStatement(deps, engagement, voter.participantId),
        listStatementsBy(deps.db, voter.participantId),
      ]);
      reply.header('cache-control', 'no-store');
      return reply.render(`${VIEWS}/vote.njk`, {
        ...formatContext(format),
        engagement,
        next,
        words: next.statement && wordsFor(next.statement, format === 'easy-read'),
        hasOwn: own.length > 0,
        added: (request.query as { added?: string }).added === '1',
      });
    },
  );

  app.post<EngagementParams>(
    '/take-part/:engagementId/statements/start',
    { config: posting },
    async (request, reply) => {
      const engagement = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(engagement)) return closedPage(reply, engagement, format);
      const body = formBody(request);
      const parsed = parseForm(perspectiveSchema, body);
      if (!parsed.ok) return startPage(reply.code(400), engagement, format, body, parsed.errors);
      const participantId = await startVoting(deps, engagement, parsed.value.perspective);
      rememberVoter(reply, engagement.id, participantId, secure);
      return reply.redirect(statementsPath(engagement.id), 303);
    },
  );

  // The endpoint the voting page's buttons post to: one write, then back to the next statement.
  app.post<EngagementParams>(
    '/take-part/:engagementId/statements/vote',
    { config: posting },
    async (request, reply) => {
      const engagementId = request.params.engagementId;
      const participantId = rememberedVoter(request);
      const body = formBody(request);
      // Refused, not redirected: a 303 here would look like a stored vote.
      if (participantId === undefined) {
        await publicEngagement(deps, engagementId);
        throw new ForbiddenError('statements.errors.noVoter.body');
      }
      await castVote(deps, {
        engagementId,
        participantId,
        statementId: body.statementId,
        vote: body.vote,
      });
      return reply.redirect(statementsPath(engagementId), 303);
    },
  );

  app.get<EngagementParams>(
    '/take-part/:engagementId/statements/add',
    { config: PUBLIC },
    async (request, reply) => {
      const engagement = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(engagement)) return closedPage(reply, engagement, format);
      if ((await voterOf(request, engagement)) === undefined)
        return reply.redirect(statementsPath(engagement.id), 303);
      return addPage(reply, engagement, format, {});
    },
  );

  app.post<EngagementParams>(
    '/take-part/:engagementId/statements/add',
    { config: posting },
    async (request, reply) => {
      const engagement = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(engagement)) return closedPage(reply, engagement, format);
      const voter = await voterOf(request, engagement);
      if (voter === undefined) return reply.redirect(statementsPath(engagement.id), 303);
      const body = formBody(request);
      const parsed = parseForm(participantStatementSchema, body);
      if (!parsed.ok) return addPage(reply.code(400), engagement, format, body, parsed.errors);
      await addParticipantStatement(deps, engagement, voter, parsed.value.text);
      return reply.redirect(`${statementsPath(engagement.id)}?added=1`, 303);
    },
  );

  app.get<EngagementParams>(
    '/take-part/:engagementId/statements/yours',
    { config: PUBLIC },
    async (request, reply) => {
      const engagement = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      const voter = await voterOf(request, engagement);
      if (voter === undefined) return reply.redirect(statementsPath(engagement.id), 303);
      reply.header('cache-control', 'no-store');
      return reply.render(`${VIEWS}/yours.njk`, {
        ...formatContext(format),
        engagement,
        listening: takesVoices(engagement),
        statements: await listStatementsBy(deps.db, voter.participantId),
      });
    },
  );
}
