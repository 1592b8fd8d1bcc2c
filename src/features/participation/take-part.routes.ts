import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { publicPostLimit } from '../../platform/http/public-posts.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { PERSPECTIVES, listListeningEngagements, takesVoices } from '../engagements/index.ts';
import { type PublicSubmission, submitPublicVoices } from '../voices/index.ts';
import {
  type ReadingFormat,
  aboutYouPath,
  passAboutYou,
  passReferenceCode,
  passedReferenceCode,
  readingFormat,
} from './participation.cookies.ts';
import { type Body, PUBLIC, VIEWS, formBody, formatContext } from './participation.pages.ts';
import { answerField, parseSubmission } from './participation.schemas.ts';
import {
  type PublicEngagement,
  publicEngagement,
  questionIn,
  questionsIn,
} from './participation.service.ts';

type EngagementParams = { Params: { engagementId: string } };

/** The fields the answer form sends, as typed, to carry through the check page and back. */
function typedFields(record: PublicEngagement, body: Body): [string, string][] {
  const names = [
    'perspective',
    ...record.prompts.map((prompt) => answerField(prompt.id)),
    'consentUse',
    'consentQuote',
    'contactRoute',
    'contactEmail',
    'contactPhone',
    'contactAddress',
  ];
  return names.flatMap((name) => {
    const value = body[name];
    return typeof value === 'string' && value !== '' ? [[name, value] as [string, string]] : [];
  });
}

/** Answering a public engagement: read about it, answer, check, send, keep the code. */
export function takePartRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.secureCookies;
  // Every form here is open to anyone, so each is limited per address.
  const posting = publicPostLimit(deps.config);

  const closedPage = (reply: FastifyReply, record: PublicEngagement, format: ReadingFormat) =>
    reply
      .code(409)
      .render(`${VIEWS}/closed.njk`, { ...formatContext(format), ...record, returning: false });

  function answerForm(
    reply: FastifyReply,
    record: PublicEngagement,
    format: ReadingFormat,
    values: Body,
    errors?: FieldErrors,
  ) {
    return reply.render(`${VIEWS}/answer.njk`, {
      ...formatContext(format),
      ...record,
      questions: questionsIn(record.prompts, format),
      perspectives: PERSPECTIVES,
      values,
      errors,
      // The switch would lose what was typed, so it is offered only on the empty form.
      showFormatSwitch: Object.keys(values).length === 0,
    });
  }

  function checkPage(
    reply: FastifyReply,
    record: PublicEngagement,
    format: ReadingFormat,
    body: Body,
    submission: PublicSubmission,
  ) {
    const questions = questionsIn(record.prompts, format);
    return reply.render(`${VIEWS}/check.njk`, {
      ...formatContext(format),
      ...record,
      submission,
      answered: submission.answers.map((answer) => ({
        question: questions.find((question) => question.promptId === answer.promptId)?.text,
        text: answer.text,
      })),
      hidden: typedFields(record, body),
    });
  }

  app.get('/take-part', { config: PUBLIC }, async (request, reply) => {
    const format = readingFormat(request, reply, secure);
    const engagements = await listListeningEngagements(deps.db);
    return reply.render(`${VIEWS}/list.njk`, { ...formatContext(format), engagements });
  });

  app.get<EngagementParams>(
    '/take-part/:engagementId',
    { config: PUBLIC },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      if (!takesVoices(record.engagement)) throw new NotFoundError();
      const format = readingFormat(request, reply, secure);
      return reply.render(`${VIEWS}/engagement.njk`, {
        ...formatContext(format),
        ...record,
        questions: questionsIn(record.prompts, format),
        statementsQuestion: record.statementsPrompt && questionIn(record.statementsPrompt, format),
      });
    },
  );

  app.get<EngagementParams>(
    '/take-part/:engagementId/answer',
    { config: PUBLIC },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(record.engagement)) return closedPage(reply, record, format);
      return answerForm(reply, record, format, {});
    },
  );

  // Checks the answers and shows them back. Nothing is stored until the person presses Send.
  app.post<EngagementParams>(
    '/take-part/:engagementId/answer',
    { config: posting },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(record.engagement)) return closedPage(reply, record, format);
      const body = formBody(request);
      const parsed = parseSubmission(record.prompts, body);
      if (!parsed.ok) return answerForm(reply.code(400), record, format, body, parsed.errors);
      return checkPage(reply, record, format, body, parsed.value);
    },
  );

  // "Change" on the check page: the form again, with everything as it was typed.
  app.post<EngagementParams>(
    '/take-part/:engagementId/change',
    { config: posting },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(record.engagement)) return closedPage(reply, record, format);
      return answerForm(reply, record, format, formBody(request));
    },
  );

  app.post<EngagementParams>(
    '/take-part/:engagementId/send',
    { config: posting },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if (!takesVoices(record.engagement)) return closedPage(reply, record, format);
      const body = formBody(request);
      // Checked again: the check page's hidden fields come back from the browser, like any form.
      const parsed = parseSubmission(record.prompts, body);
      if (!parsed.ok) return answerForm(reply.code(400), record, format, body, parsed.errors);
      // Someone answering on the Easy Read pages gets their letter in Easy Read too.
      const { contact } = parsed.value;
      const { referenceCode, participantId } = await submitPublicVoices(deps, record.engagement, {
        ...parsed.value,
        contact: contact && { ...contact, format },
      });
      passReferenceCode(reply, record.engagement.id, referenceCode, secure);
      passAboutYou(reply, record.engagement.id, participantId, deps.clock(), secure);
      return reply.redirect(`/take-part/${record.engagement.id}/sent`, 303);
    },
  );

  app.get<EngagementParams>(
    '/take-part/:engagementId/sent',
    { config: PUBLIC },
    async (request, reply) => {
      const record = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      // The code must not be kept by the browser's cache or a shared proxy.
      reply.header('cache-control', 'no-store');
      return reply.render(`${VIEWS}/sent.njk`, {
        ...formatContext(format),
        ...record,
        referenceCode: passedReferenceCode(request, record.engagement.id),
        aboutYouPath: aboutYouPath(record.engagement.id),
      });
    },
  );
}
