import staticFiles from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { accessPlugin } from './features/accounts/index.ts';
import { features } from './features/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Db } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { errorHandlerPlugin } from './platform/http/error-handler.ts';
import { openApiPlugin } from './platform/http/openapi.ts';
import { renderPlugin } from './platform/http/render.ts';
import { securityPlugin } from './platform/http/security.ts';
import { translator } from './platform/i18n/i18n.ts';
import { loggerOptions } from './platform/logging/logger.ts';
import { createViewEnvironment } from './platform/views/views.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** A logger to use instead of the default (tests pass one that captures lines). */
  logger?: FastifyBaseLogger;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));
const GOVUK_SCRIPT_DIR = fileURLToPath(
  new URL('../node_modules/govuk-frontend/dist/govuk', import.meta.url),
);

/** The composition root: everything Heard serves is put together here, from what it is given. */
export async function buildApp({
  config,
  db,
  clock = systemClock,
  logger,
}: AppOptions): Promise<FastifyInstance> {
  const t = translator('en');
  const deps: Deps = { config, db, clock, t };
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: loggerOptions(config.logLevel) }),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });

  await app.register(securityPlugin, {
    cookieSecret: config.sessionSecret,
    secureCookies: config.secureCookies,
    db,
    clock,
  });
  await app.register(renderPlugin, {
    views: createViewEnvironment(t),
    sharedContext: (request) => ({ actor: request.actor }),
  });
  await app.register(errorHandlerPlugin, { t });
  await app.register(accessPlugin, deps);
  await app.register(openApiPlugin);
  await app.register(staticFiles, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    index: false,
    maxAge: '1h',
  });
  await app.register(staticFiles, {
    root: GOVUK_SCRIPT_DIR,
    prefix: '/assets/govuk/',
    decorateReply: false,
    allowedPath: (path) => path === '/govuk-frontend.min.js',
  });

  for (const feature of features) feature(app, deps);
  return app;
}
