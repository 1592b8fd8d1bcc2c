import { describe as group, expect, it } from 'vitest';
import { catalogues, lookup } from '../i18n/i18n.ts';
import { describe } from './error-handler.ts';
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
      expect(describe(error)).toEqual({ status, messageKey });
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
