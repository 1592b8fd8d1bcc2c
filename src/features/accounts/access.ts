import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, UnauthenticatedError } from '../../platform/http/errors.ts';
import { type Actor, isSessionLive, needsTouch } from './accounts.core.ts';
import { deleteSession, findSession, loadActor, touchSession } from './accounts.repository.ts';

/**
 * Who may use a route. Every route must say: a route without a rule is refused at start-up,
 * so nothing is open by accident (deny by default).
 */
export type Access = 'public' | 'signed-in' | ((actor: Actor) => boolean);

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | undefined;
  }
}

export const SESSION_COOKIE = 'heard_session';

/** Static files are public by nature; everything else states its rule. */
const PUBLIC_PREFIXES = ['/assets/'];

/** The signed-in actor, or a 401 for a route that somehow skipped its rule. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new UnauthenticatedError();
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const accessPlugin = fp(
  (app: FastifyInstance, deps: Deps, done: () => void) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionToken', undefined);

    app.addHook('onRoute', (route) => {
      if (PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
        route.config = { ...route.config, access: 'public' };
      }
      if (route.config?.access === undefined) {
        throw new Error(
          `${String(route.method)} ${route.url} has no access rule: add config.access`,
        );
      }
    });

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token === undefined || token === '') return;
      request.sessionToken = token;
      const session = await findSession(deps.db, token);
      const now = deps.clock();
      if (session === undefined) return;
      if (!isSessionLive(session, now)) {
        await deleteSession(deps.db, token);
        return;
      }
      const actor = await loadActor(deps.db, session.userId);
      if (actor === undefined) return;
      if (needsTouch(session, now)) await touchSession(deps.db, token, now.toISOString());
      request.actor = actor;
    });

    app.addHook('preHandler', (request, _reply, next) => {
      const access = request.routeOptions.config.access;
      if (access === 'public' || request.is404) {
        next();
      } else if (request.actor === null) {
        next(new UnauthenticatedError());
      } else if (access === 'signed-in' || (access !== undefined && access(request.actor))) {
        next();
      } else {
        next(new ForbiddenError());
      }
    });
    done();
  },
  { name: 'access', dependencies: ['render'] },
);
