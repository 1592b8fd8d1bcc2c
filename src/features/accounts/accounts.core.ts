import type { OrganisationType, Role } from '../organisations/index.ts';

/** Who is asking: a signed-in member of staff, as every permission check sees them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationType: OrganisationType | null;
  roles: Role[];
  platformAdmin: boolean;
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/** A session ends after this long without use (an advocate's session in a venue can be long). */
export const SESSION_IDLE_MINUTES = 120;
/** And after this long whatever happens, so a stolen cookie does not live for ever. */
export const SESSION_ABSOLUTE_HOURS = 12;
/** Last-seen is written at most this often, so reading a page is not a database write. */
export const SESSION_TOUCH_MINUTES = 5;

/** After this many wrong passwords for one account in the window, the account waits. */
export const SIGN_IN_FAILURE_LIMIT = 5;
export const SIGN_IN_LOCK_MINUTES = 15;

const minutes = (n: number): number => n * 60_000;

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function newSessionTimes(now: Date): SessionTimes {
  const at = now.toISOString();
  return {
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + minutes(SESSION_ABSOLUTE_HOURS * 60)).toISOString(),
  };
}

export function isSessionLive(session: SessionTimes, now: Date): boolean {
  const idleUntil = Date.parse(session.lastSeenAt) + minutes(SESSION_IDLE_MINUTES);
  return now.getTime() < Date.parse(session.expiresAt) && now.getTime() < idleUntil;
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= minutes(SESSION_TOUCH_MINUTES);
}

export function lockWindowStart(now: Date): string {
  return new Date(now.getTime() - minutes(SIGN_IN_LOCK_MINUTES)).toISOString();
}

/**
 * Where to go after signing in: only a path on this site, so a link cannot send someone who
 * has just signed in to another site.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string') return '/home';
  // Browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would become "//evil.example".
  if (/\p{Cc}/u.test(next)) return '/home';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/home';
  return next;
}
