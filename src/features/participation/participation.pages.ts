import type { FastifyRequest } from 'fastify';
import type { ReadingFormat } from './participation.cookies.ts';

/** What the public door's routes share: where the views are, who may use them, how people read. */

export const VIEWS = 'participation/views';

/** Participants have no account: every page of the public door is open to anyone. */
export const PUBLIC = { access: 'public' } as const;

export type Body = Record<string, unknown>;

export const formBody = (request: FastifyRequest): Body => (request.body ?? {}) as Body;

/** What every public page needs to know about how the person reads. */
export const formatContext = (format: ReadingFormat) => ({
  format,
  easyRead: format === 'easy-read',
});
