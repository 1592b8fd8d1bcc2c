import type { FastifyRequest } from 'fastify';

/** The query string as it came ('' or '?…'), so a download link keeps the page's choices. */
export const queryString = (request: FastifyRequest): string => {
  const at = request.url.indexOf('?');
  return at === -1 ? '' : request.url.slice(at);
};
