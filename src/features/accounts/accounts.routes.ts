import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { listDemoAccounts } from '../demo/index.ts';
import { SIGN_IN_LOCK_MINUTES, safeNextPath } from './accounts.core.ts';
import { signInSchema } from './accounts.schemas.ts';
import { signIn, signOut } from './accounts.service.ts';
import { clearSessionCookie, setSessionCookie } from './access.ts';

const SIGN_IN_PAGE = 'accounts/views/sign-in.njk';

/**
 * Per address, on top of the per-account lock: slows guessing across many accounts. Generous,
 * because a whole community venue or council office may share one address.
 */
export const SIGN_IN_RATE_LIMIT = { max: 50, timeWindow: '15 minutes' };

export function accountsRoutes(app: FastifyInstance, deps: Deps): void {
  const demoAccounts = () => (deps.config.demo ? listDemoAccounts() : []);

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    (request, reply) => {
      if (request.actor !== null) return reply.redirect(safeNextPath(request.query.next), 303);
      return reply.render(SIGN_IN_PAGE, {
        values: { next: request.query.next },
        demoAccounts: demoAccounts(),
      });
    },
  );

  app.post(
    '/sign-in',
    { config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { email: body.email, next: body.next };
      const parsed = parseForm(signInSchema, body);
      if (!parsed.ok) {
        return reply
          .code(400)
          .render(SIGN_IN_PAGE, { values, errors: parsed.errors, demoAccounts: demoAccounts() });
      }
      const outcome = await signIn(deps, { ...parsed.value, previousToken: request.sessionToken });
      if (!outcome.ok) {
        const locked = outcome.reason === 'locked';
        request.log.info({ outcome: outcome.reason }, 'sign-in refused');
        return reply.code(locked ? 429 : 401).render(SIGN_IN_PAGE, {
          values,
          errors: locked
            ? { email: 'validation.signIn.locked' }
            : { email: 'validation.signIn.wrongDetails' },
          errorParams: { minutes: SIGN_IN_LOCK_MINUTES },
          demoAccounts: demoAccounts(),
        });
      }
      setSessionCookie(reply, outcome.token, deps.config.secureCookies);
      return reply.redirect(safeNextPath(parsed.value.next), 303);
    },
  );

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (request.sessionToken !== undefined) await signOut(deps, request.sessionToken);
    clearSessionCookie(reply);
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, (_request, reply) =>
    reply.render('accounts/views/signed-out.njk'),
  );
}
