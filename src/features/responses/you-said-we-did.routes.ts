import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { publicPostLimit } from '../../platform/http/public-posts.ts';
import { parseForm } from '../../platform/forms.ts';
import { type ReadingFormat, formatContext, readingFormat } from '../participation/index.ts';
import {
  answerFollowUp,
  followUpQuestion,
  noticeByToken,
  pagePath,
  stopMessages,
  stopped,
  youSaidWeDid,
} from './telling-people.service.ts';
import { CHANGED } from './you-said-we-did.core.ts';
import { readerWords } from './you-said-we-did.words.ts';

type EngagementParams = { Params: { engagementId: string } };
type TokenParams = { Params: { token: string } };

const VIEWS = 'responses/views';
/** People who were heard have no account: these pages are open to anyone with the link. */
const PUBLIC = { access: 'public' } as const;
const WORDS_LIMIT = 2000;

const answerSchema = z.object({
  changed: z.enum(CHANGED, { error: 'feedback.errors.changedRequired' }),
  actionId: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' || v === 'other' ? null : v)),
  words: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(WORDS_LIMIT, { error: 'feedback.errors.wordsTooLong' })),
  shareWords: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});

/**
 * "You said, we did" for the public: the page a lead published, in plain English or Easy Read,
 * and the pages a notice's links lead to: stopping messages, and "Did anything change for you?".
 */
export function youSaidWeDidRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.secureCookies;
  // Every form here is open to anyone, so each is limited per address.
  const posting = publicPostLimit(deps.config);

  app.get<EngagementParams>(
    '/you-said-we-did/:engagementId',
    { config: PUBLIC },
    async (request, reply) => {
      const page = await youSaidWeDid(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      return reply.render(`${VIEWS}/you-said-we-did.njk`, {
        ...formatContext(format),
        ...page,
        words: readerWords(deps.t, format, {
          council: page.councilName,
          advocacy: page.advocacyName,
        }),
        address: `${deps.config.publicUrl}${pagePath(page.engagement.id)}`,
      });
    },
  );

  // Stopping takes a button press: a link opened by a mail scanner must not stop anything.
  app.get<TokenParams>('/stop-messages/:token', { config: PUBLIC }, async (request, reply) => {
    const notice = await noticeByToken(deps, request.params.token);
    const format = readingFormat(request, reply, secure);
    reply.header('cache-control', 'no-store');
    return reply.render(`${VIEWS}/stop.njk`, {
      ...formatContext(format),
      words: readerWords(deps.t, format),
      token: request.params.token,
      done: await stopped(deps, notice),
    });
  });
  app.post<TokenParams>('/stop-messages/:token', { config: posting }, async (request, reply) => {
    await stopMessages(deps, request.params.token);
    return reply.redirect(`/stop-messages/${request.params.token}`, 303);
  });

  const followUpPage = async (
    reply: FastifyReply,
    token: string,
    format: ReadingFormat,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
  ) => {
    const question = await followUpQuestion(deps, token);
    reply.header('cache-control', 'no-store');
    return reply.render(`${VIEWS}/follow-up.njk`, {
      ...formatContext(format),
      words: readerWords(deps.t, format),
      token,
      engagement: question.engagement,
      answered: question.answered,
      actions: question.actions,
      changedOptions: CHANGED,
      wordsLimit: WORDS_LIMIT,
      values,
      errors,
    });
  };

  app.get<TokenParams>('/did-anything-change/:token', { config: PUBLIC }, async (request, reply) =>
    followUpPage(reply, request.params.token, readingFormat(request, reply, secure), {}),
  );
  app.post<TokenParams>(
    '/did-anything-change/:token',
    { config: posting },
    async (request, reply) => {
      const { token } = request.params;
      const format = readingFormat(request, reply, secure);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(answerSchema, body);
      if (!parsed.ok) return followUpPage(reply.code(400), token, format, body, parsed.errors);
      await answerFollowUp(deps, await followUpQuestion(deps, token), parsed.value);
      return reply.redirect(`/did-anything-change/${token}`, 303);
    },
  );
}
