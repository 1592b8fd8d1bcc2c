import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { UnsupportedMediaTypeError } from './errors.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { MULTIPART_LIMITS, flattenMultipartBody } from './uploads.ts';

export interface SecurityOptions {
  cookieSecret: string;
  secureCookies: boolean;
  /** Where rate limits are counted, so that every process shares the counts. */
  db: Db;
  clock: Clock;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isApiCall = (request: FastifyRequest): boolean => request.url.startsWith('/api/');
const isJson = (request: FastifyRequest): boolean =>
  (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');

/** Headers, cookies, form parsing, CSRF on every unsafe request, and rate limiting (opt-in per route). */
export const securityPlugin = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    await app.register(cookie, { secret: options.cookieSecret });
    await app.register(formbody, { bodyLimit: 100_000 });
    // Forms that send files: read (within limits) before the CSRF check below, which needs the
    // form's token; an oversized file is marked for the route to refuse with a message.
    await app.register(multipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: MULTIPART_LIMITS,
    });
    app.addHook('preValidation', flattenMultipartBody);
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(options.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: options.secureCookies,
    });
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'heard_csrf',
      cookieOpts: {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: options.secureCookies,
      },
    });
    await app.register(rateLimit, {
      global: false,
      store: databaseRateLimitStore({
        db: options.db,
        clock: options.clock,
        secret: options.cookieSecret,
        log: app.log,
      }),
    });

    // CSRF runs before validation so a forged request is refused before its body is validated
    // (a multipart body has been read by then, within its limits, as the token is inside it).
    // The API takes only JSON, which another site's form cannot send (browsers send only form
    // encodings cross-site without CORS, which Heard does not grant), so it needs no form token.
    app.addHook('preValidation', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) {
        done();
      } else if (isApiCall(request)) {
        done(isJson(request) ? undefined : new UnsupportedMediaTypeError());
      } else {
        app.csrfProtection(request, reply, done);
      }
    });
  },
  { name: 'security' },
);
