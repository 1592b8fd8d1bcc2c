import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type nunjucks from 'nunjucks';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with the layout's shared context (CSRF token, CSP nonce, who is signed in). */
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export interface RenderOptions {
  views: nunjucks.Environment;
  /** Values every page needs, taken from the request (e.g. who is signed in). */
  sharedContext: (request: FastifyRequest) => Record<string, unknown>;
}

export const renderPlugin = fp(
  (app: FastifyInstance, options: RenderOptions, done: () => void) => {
    app.decorateReply('render', function render(this: FastifyReply, template, context = {}) {
      const html = options.views.render(template, {
        ...options.sharedContext(this.request),
        csrfToken: this.generateCsrf(),
        cspNonce: this.cspNonce.script,
        currentPath: this.request.url.split('?')[0],
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(html);
    });
    done();
  },
  { name: 'render', dependencies: ['security'] },
);
