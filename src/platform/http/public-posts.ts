import type { Config } from '../../config.ts';

/**
 * Per address, on every public post. A person votes every few seconds at most; a day centre
 * or library shares one address among many people, so the limit is generous.
 */
export const DEFAULT_PUBLIC_POST_LIMIT = 300;

/** The route options of a form anyone may send: open to all, and limited per address. */
export const publicPostLimit = (config: Config) => ({
  access: 'public' as const,
  rateLimit: { max: config.publicPostLimit ?? DEFAULT_PUBLIC_POST_LIMIT, timeWindow: '1 minute' },
});
