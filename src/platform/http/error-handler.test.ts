import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { describe as group, expect, it } from 'vitest';
import { catalogues, lookup, translator } from '../i18n/i18n.ts';
import { createViewEnvironment } from '../views/views.ts';
import { describe, errorHandlerPlugin } from './error-handler.ts';
import * as errors from './errors.ts';
import {
  ConflictError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  UnauthenticatedError,
} from './errors.ts';

/** An error as Fastify and its plugins throw them: an Error with extra fields. */
const fastifyError = (fields: Record<string, unknown>, message = 'failed'): Error =>
  Object.assign(new Error(message), fields);

const inCatalogue = (key: string): boolean => lookup(catalogues.en, key) !== undefined;

group('describe', () => {
  group('Heard’s own errors', () => {
    const own: { error: HttpError; status: number; messageKey: string }[] = [
      { error: new NotFoundError(), status: 404, messageKey: 'errors.notFound.body' },
      { error: new ForbiddenError(), status: 403, messageKey: 'errors.forbidden.body' },
      { error: new UnauthenticatedError(), status: 401, messageKey: 'errors.unauthenticated.body' },
      { error: new ConflictError(), status: 409, messageKey: 'errors.conflict.body' },
      {
        error: new ConflictError('validation.email.taken'),
        status: 409,
        messageKey: 'validation.email.taken',
      },
      {
        error: new ForbiddenError('validation.roles.ownAdmin'),
        status: 403,
        messageKey: 'validation.roles.ownAdmin',
      },
      {
        error: new HttpError(418, 'errors.badRequest.body'),
        status: 418,
        messageKey: 'errors.badRequest.body',
      },
    ];

    it.each(own)('$error.name -> $status $messageKey', ({ error, status, messageKey }) => {
      expect(describe(error)).toStrictEqual({ status, messageKey });
    });

    it('keeps the way back a conflict carries', () => {
      const wayBack = { href: '/somewhere', label: 'Go back to somewhere' };
      expect(describe(new ConflictError('validation.email.taken', wayBack))).toStrictEqual({
        status: 409,
        messageKey: 'validation.email.taken',
        wayBack,
      });
    });

    // Every HttpError subclass errors.ts exports, including ones added after this test.
    const subclasses = Object.entries(errors).flatMap(([name, value]) =>
      typeof value === 'function' && value.prototype instanceof HttpError
        ? [{ name, make: () => new (value as new () => HttpError)() }]
        : [],
    );

    it('finds the HttpError subclasses errors.ts exports', () => {
      expect(subclasses.map(({ name }) => name)).toEqual(
        expect.arrayContaining([
          'NotFoundError',
          'ForbiddenError',
          'UnauthenticatedError',
          'ConflictError',
        ]),
      );
    });

    it.each(subclasses)(
      '$name maps to its own 4xx status and a message in the catalogue',
      ({ make }) => {
        const error = make();
        const problem = describe(error);
        expect(problem.status).toBe(error.statusCode);
        expect(problem.status).toBeGreaterThanOrEqual(400);
        expect(problem.status).toBeLessThan(500);
        expect(problem.messageKey).toBe(error.messageKey);
        expect(inCatalogue(problem.messageKey)).toBe(true);
        expect(problem.invalidParams).toBeUndefined();
      },
    );
  });

  group('anything unexpected is a 500 that says nothing of the cause', () => {
    it.each([
      { name: 'a plain Error', error: new Error('database said: ana@council.example') },
      { name: 'a TypeError', error: new TypeError('x is undefined') },
      { name: 'a thrown string', error: 'boom' },
      { name: 'a thrown object', error: { statusCode: 404, code: 'FST_ERR_NOT_FOUND' } },
      { name: 'undefined', error: undefined },
      { name: 'an error with status 500', error: fastifyError({ statusCode: 500 }) },
      { name: 'an error with status 503', error: fastifyError({ statusCode: 503 }) },
      {
        name: 'a driver error with a code',
        error: fastifyError({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      },
    ])('$name', ({ error }) => {
      expect(describe(error)).toEqual({ status: 500, messageKey: 'errors.server.body' });
    });
  });

  group('Fastify and plugin errors', () => {
    it.each([
      {
        name: 'CSRF token invalid',
        error: fastifyError({ code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 }),
        status: 403,
        messageKey: 'errors.csrf.body',
      },
      {
        name: 'CSRF secret missing',
        error: fastifyError({ code: 'FST_CSRF_MISSING_SECRET', statusCode: 403 }),
        status: 403,
        messageKey: 'errors.csrf.body',
      },
      {
        name: 'body too large',
        error: fastifyError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
        status: 413,
        messageKey: 'errors.tooLarge.body',
      },
      {
        name: 'status 413 alone',
        error: fastifyError({ statusCode: 413 }),
        status: 413,
        messageKey: 'errors.tooLarge.body',
      },
      {
        name: 'malformed JSON',
        error: fastifyError({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
        status: 400,
        messageKey: 'errors.malformedJson.body',
      },
      {
        name: 'empty JSON body',
        error: fastifyError({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }),
        status: 400,
        messageKey: 'errors.malformedJson.body',
      },
      {
        name: 'unsupported media type',
        error: fastifyError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }),
        status: 415,
        messageKey: 'errors.unsupportedType.body',
      },
      {
        name: 'bad request',
        error: fastifyError({ code: 'FST_ERR_BAD_URL', statusCode: 400 }),
        status: 400,
        messageKey: 'errors.badRequest.body',
      },
      {
        name: 'method not allowed',
        error: fastifyError({ statusCode: 405 }),
        status: 405,
        messageKey: 'errors.badRequest.body',
      },
      {
        name: 'not found',
        error: fastifyError({ statusCode: 404 }),
        status: 404,
        messageKey: 'errors.notFound.body',
      },
    ])('$name -> $status $messageKey', ({ error, status, messageKey }) => {
      expect(describe(error)).toEqual({ status, messageKey });
      expect(inCatalogue(messageKey)).toBe(true);
    });
  });

  group('schema validation', () => {
    it.each([
      {
        name: 'one field',
        validation: [{ instancePath: '/email', message: 'validation.email.format' }],
        invalidParams: [{ name: 'email', reason: 'validation.email.format' }],
      },
      {
        name: 'several fields',
        validation: [
          { instancePath: '/name', message: 'validation.userName.missing' },
          { instancePath: '/password', message: 'validation.password.tooShort' },
        ],
        invalidParams: [
          { name: 'name', reason: 'validation.userName.missing' },
          { name: 'password', reason: 'validation.password.tooShort' },
        ],
      },
      {
        name: 'an item in a list',
        validation: [{ instancePath: '/roles/1', message: 'validation.roles.unknown' }],
        invalidParams: [{ name: 'roles.1', reason: 'validation.roles.unknown' }],
      },
      {
        name: 'the whole body',
        validation: [{ instancePath: '', message: 'Invalid input' }],
        invalidParams: [{ name: 'body', reason: 'Invalid input' }],
      },
      {
        name: 'a rule with no message',
        validation: [{ instancePath: '/type' }],
        invalidParams: [{ name: 'type', reason: 'is not valid' }],
      },
    ])('$name -> 400 with invalidParams', ({ validation, invalidParams }) => {
      const error = fastifyError(
        { statusCode: 400, code: 'FST_ERR_VALIDATION', validation, validationContext: 'body' },
        'body/email validation.email.format',
      );
      expect(describe(error)).toEqual({
        status: 400,
        messageKey: 'errors.badRequest.body',
        invalidParams,
      });
    });

    it('names the part of the request when the whole of it is wrong', () => {
      const error = fastifyError({
        statusCode: 400,
        validation: [{ instancePath: '', message: 'Invalid input' }],
        validationContext: 'querystring',
      });
      expect(describe(error).invalidParams).toEqual([
        { name: 'querystring', reason: 'Invalid input' },
      ]);
    });
  });

  group('too many requests', () => {
    // The messages @fastify/rate-limit builds: "Rate limit exceeded, retry in <after>".
    it.each([
      { after: '15 minutes', minutes: 15 },
      { after: '1 minute', minutes: 1 },
      { after: '14 minutes', minutes: 14 },
      { after: '30 seconds', minutes: 1 },
      { after: '90 seconds', minutes: 2 },
      { after: '1 second', minutes: 1 },
      { after: '500 ms', minutes: 1 },
      { after: '2 hours', minutes: 120 },
      { after: '1 day', minutes: 24 * 60 },
    ])('retry in $after -> wait $minutes minutes', ({ after, minutes }) => {
      const error = fastifyError({ statusCode: 429 }, `Rate limit exceeded, retry in ${after}`);
      expect(describe(error)).toEqual({
        status: 429,
        messageKey: 'errors.tooManyRequests.body',
        params: { minutes },
      });
    });

    it.each([
      { name: 'no number at all', message: 'Too many requests', minutes: 1 },
      { name: 'a bare number of seconds', message: 'Retry after 600', minutes: 10 },
    ])('$name -> wait $minutes minutes', ({ message, minutes }) => {
      expect(describe(fastifyError({ statusCode: 429 }, message)).params).toEqual({ minutes });
    });

    it('uses a message that takes the minutes', () => {
      expect(lookup(catalogues.en, 'errors.tooManyRequests.body')).toContain('{minutes}');
    });
  });

  it('gives only message keys that are in the catalogue, with a title for each body', () => {
    const samples: unknown[] = [
      new Error('x'),
      ...[400, 401, 403, 404, 405, 409, 413, 415, 429, 500].map((statusCode) =>
        fastifyError({ statusCode }),
      ),
      fastifyError({ code: 'FST_CSRF_INVALID_TOKEN' }),
      fastifyError({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
    ];
    for (const sample of samples) {
      const { messageKey } = describe(sample);
      expect(inCatalogue(messageKey), messageKey).toBe(true);
      expect(inCatalogue(messageKey.replace(/\.body$/, '.title')), messageKey).toBe(true);
    }
  });
});

const t = translator('en');

/** A message as a page shows it: Nunjucks escapes the apostrophe. */
const onPage = (text: string): string => text.replaceAll("'", '&#39;');

/** Just enough of Heard for the error handler: pages rendered from the real templates. */
async function appThrowing(error: Error): Promise<FastifyInstance> {
  const views = createViewEnvironment(t);
  const app = Fastify();
  await app.register(
    fp(
      (instance: FastifyInstance, _options: unknown, done: () => void) => {
        instance.decorateReply('render', function render(this: FastifyReply, template, context) {
          return this.type('text/html; charset=utf-8').send(views.render(template, context));
        });
        done();
      },
      { name: 'render' },
    ),
  );
  await app.register(errorHandlerPlugin, { t });
  app.get('/page', () => Promise.reject(error));
  app.get('/api/v1/thing', () => Promise.reject(error));
  return app;
}

group('the answer to an error', () => {
  const wayBack = { href: '/engagements/e1/responses/r1', label: 'Go back to recommendation 1' };
  const conflictTitle = t('errors.conflict.title');

  it('is a page with a back link and the way back in place of the start page', async () => {
    const app = await appThrowing(new ConflictError('responses.errors.phase.answer', wayBack));
    const page = await app.inject({ url: '/page' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(`<h1 class="govuk-heading-l">${conflictTitle}</h1>`);
    expect(page.body).toContain(onPage(t('responses.errors.phase.answer')));
    expect(page.body).toMatch(
      new RegExp(`<a href="${wayBack.href}" class="govuk-back-link">\\s*${t('common.back')}`),
    );
    expect(page.body).toContain(
      `<a class="govuk-link" href="${wayBack.href}">${wayBack.label}</a>`,
    );
    expect(page.body).not.toContain(t('errors.goHome'));
  });

  it('is the usual page, with a way to the start page, when there is no way back', async () => {
    const app = await appThrowing(new ConflictError());
    const page = await app.inject({ url: '/page' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(`<h1 class="govuk-heading-l">${conflictTitle}</h1>`);
    expect(page.body).not.toContain('govuk-back-link');
    expect(page.body).toContain(`<a class="govuk-link" href="/">${t('errors.goHome')}</a>`);
  });

  it('is problem+json under /api, with no way back in it', async () => {
    const app = await appThrowing(new ConflictError('responses.errors.phase.answer', wayBack));
    const api = await app.inject({ url: '/api/v1/thing' });
    expect(api.statusCode).toBe(409);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toStrictEqual({
      type: 'about:blank',
      title: conflictTitle,
      status: 409,
      detail: t('responses.errors.phase.answer'),
    });
  });

  const customKeys: { name: string; error: HttpError; status: number; titleKey: string }[] = [
    {
      name: 'a custom conflict',
      error: new ConflictError('sorting.errors.noFlag'),
      status: 409,
      titleKey: 'errors.conflict.title',
    },
    {
      name: 'a custom refusal',
      error: new ForbiddenError('validation.roles.ownAdmin'),
      status: 403,
      titleKey: 'errors.forbidden.title',
    },
  ];

  it.each(customKeys)(
    'gives $name the title of its status, not its own message',
    async ({ error, status, titleKey }) => {
      const title = t(titleKey);
      expect(inCatalogue(titleKey)).toBe(true);
      const app = await appThrowing(error);
      const page = await app.inject({ url: '/page' });
      expect(page.statusCode).toBe(status);
      expect(page.body).toContain(`<h1 class="govuk-heading-l">${title}</h1>`);
      expect(page.body).toContain(onPage(t(error.messageKey)));
      expect((await app.inject({ url: '/api/v1/thing' })).json()).toMatchObject({
        title,
        detail: t(error.messageKey),
      });
    },
  );

  it('keeps the title of a message of its own', async () => {
    const app = await appThrowing(new ConflictError('errors.notListening.body'));
    const page = await app.inject({ url: '/page' });
    expect(page.body).toContain(
      `<h1 class="govuk-heading-l">${t('errors.notListening.title')}</h1>`,
    );
  });
});
