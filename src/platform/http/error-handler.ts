import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Translate } from '../i18n/i18n.ts';
import { HttpError, type WayBack } from './errors.ts';

interface Problem {
  status: number;
  messageKey: string;
  params?: Record<string, string | number>;
  /** Field problems from the API's schema check, safe to show: paths and rules, never values. */
  invalidParams?: { name: string; reason: string }[];
  /** A link back to where the person was, for pages only: the API's problem+json has none. */
  wayBack?: WayBack;
}

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'errors.badRequest.body',
  401: 'errors.unauthenticated.body',
  403: 'errors.forbidden.body',
  404: 'errors.notFound.body',
  405: 'errors.badRequest.body',
  409: 'errors.conflict.body',
  413: 'errors.tooLarge.body',
  415: 'errors.unsupportedType.body',
  429: 'errors.tooManyRequests.body',
};

const CSRF_CODES = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

function isFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error && ('statusCode' in error || 'code' in error || 'validation' in error)
  );
}

const SECONDS_IN: Record<string, number> = {
  ms: 0.001,
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
};

/**
 * Whole minutes to wait, from @fastify/rate-limit's message ("Rate limit exceeded, retry in
 * 15 minutes", "... in 30 seconds", "... in 2 hours"); a bare number is seconds.
 */
function minutesToWait(message: string): number {
  const [, amount, unit = 'second'] =
    /(\d+(?:\.\d+)?) ?(ms|second|minute|hour|day)?/.exec(message) ?? [];
  const seconds = amount === undefined ? 60 : Number(amount) * (SECONDS_IN[unit] ?? 1);
  return Math.max(1, Math.ceil(seconds / 60));
}

/** Turns any thrown error into a status and a plain message; anything unknown is a 500. */
export function describe(error: unknown): Problem {
  if (error instanceof HttpError) {
    const { statusCode: status, messageKey, wayBack } = error;
    return wayBack === undefined ? { status, messageKey } : { status, messageKey, wayBack };
  }
  if (!isFastifyError(error)) return { status: 500, messageKey: 'errors.server.body' };
  if (CSRF_CODES.has(error.code)) return { status: 403, messageKey: 'errors.csrf.body' };
  if (error.validation) {
    return {
      status: 400,
      messageKey: 'errors.badRequest.body',
      invalidParams: error.validation.map((issue) => ({
        name:
          issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          error.validationContext ||
          'body',
        reason: issue.message ?? 'is not valid',
      })),
    };
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return { status: 400, messageKey: 'errors.malformedJson.body' };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return {
      status,
      messageKey: 'errors.tooManyRequests.body',
      params: { minutes: minutesToWait(error.message) },
    };
  }
  const messageKey = MESSAGE_BY_STATUS[status];
  return messageKey === undefined
    ? { status: 500, messageKey: 'errors.server.body' }
    : { status, messageKey };
}

/**
 * What a log may keep of an unexpected error. Database drivers put offending values (an email
 * address, a person's words) in extra fields such as PostgreSQL's `detail`, so only the name,
 * code, message and stack are kept.
 */
function safeSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, code, message: error.message, stack: error.stack };
}

/**
 * The title over a message: its own for a `.body` key, else that of the status's generic
 * message (a custom key such as `responses.errors.phase.answer` has no title of its own).
 */
function titleKeyOf(problem: Problem): string {
  const bodyKey = problem.messageKey.endsWith('.body')
    ? problem.messageKey
    : (MESSAGE_BY_STATUS[problem.status] ??
      (problem.status < 500 ? 'errors.badRequest.body' : 'errors.server.body'));
  return bodyKey.replace(/\.body$/, '.title');
}

function wantsProblemJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
  t: Translate,
): FastifyReply {
  const titleKey = titleKeyOf(problem);
  reply.code(problem.status);
  if (wantsProblemJson(request)) {
    return reply.type('application/problem+json').send({
      type: 'about:blank',
      title: t(titleKey),
      status: problem.status,
      detail: t(problem.messageKey, problem.params),
      ...(problem.invalidParams
        ? {
            invalidParams: problem.invalidParams.map(({ name, reason }) => ({
              name,
              reason: t(reason),
            })),
          }
        : {}),
    });
  }
  return reply.render('pages/error.njk', {
    status: problem.status,
    title: t(titleKey),
    message: t(problem.messageKey, problem.params),
    wayBack: problem.wayBack,
  });
}

/** One place that answers every error: accessible pages for people, problem+json for the API. */
export const errorHandlerPlugin = fp(
  (app: FastifyInstance, options: { t: Translate }, done: () => void) => {
    app.setErrorHandler((error, request, reply) => {
      const problem = describe(error);
      if (problem.status === 401 && !wantsProblemJson(request) && request.method === 'GET') {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      if (problem.status >= 500)
        request.log.error({ failure: safeSummary(error) }, 'request failed');
      else
        request.log.info(
          { status: problem.status, code: (error as FastifyError).code },
          'request refused',
        );
      return send(request, reply, problem, options.t);
    });
    app.setNotFoundHandler((request, reply) =>
      send(request, reply, { status: 404, messageKey: 'errors.notFound.body' }, options.t),
    );
    done();
  },
  { name: 'error-handler', dependencies: ['render'] },
);
