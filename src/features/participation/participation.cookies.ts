import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The public door keeps no account and no draft. What it remembers between pages lives in four
 * small cookies: how the person likes to read, their reference code for the page that shows it,
 * who has just answered, for the optional questions about them, and, for a returning person, who
 * they are for the next 30 minutes. The last three are signed, so they cannot be forged, and
 * HttpOnly, so no script can read them.
 */

export type ReadingFormat = 'plain' | 'easy-read';

const FORMAT_COOKIE = 'heard_format';
const REFERENCE_COOKIE = 'heard_reference';
const PARTICIPANT_COOKIE = 'heard_participant';
const ABOUT_YOU_COOKIE = 'heard_about_you';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Long enough to read and copy the code, short enough that the next person at a shared computer cannot. */
const REFERENCE_SECONDS = 10 * 60;
export const RETURN_MINUTES = 30;

/** Where a returning person's pages are, and so the only path their cookie is sent to. */
export const YOUR_ANSWERS = '/your-answers';

const isFormat = (value: unknown): value is ReadingFormat =>
  value === 'plain' || value === 'easy-read';

/**
 * How to show the public pages: the format chosen with the switch (`?format=`), remembered for
 * the next pages; else the one remembered; else plain English.
 */
export function readingFormat(
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
): ReadingFormat {
  const chosen = (request.query as { format?: unknown } | undefined)?.format;
  if (isFormat(chosen)) {
    reply.setCookie(FORMAT_COOKIE, chosen, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: YEAR_SECONDS,
    });
    return chosen;
  }
  const remembered = request.cookies[FORMAT_COOKIE];
  return isFormat(remembered) ? remembered : 'plain';
}

const unsigned = (request: FastifyRequest, name: string): string | undefined => {
  const raw = request.cookies[name];
  if (raw === undefined || raw === '') return undefined;
  const result = request.unsignCookie(raw);
  return result.valid ? result.value : undefined;
};

const sentPath = (engagementId: string): string =>
  `/take-part/${encodeURIComponent(engagementId)}/sent`;

/**
 * Carries a new reference code to the confirmation page, never in its address: addresses end up
 * in logs and browser history. The cookie is sent only to that page, and names its engagement.
 */
export function passReferenceCode(
  reply: FastifyReply,
  engagementId: string,
  referenceCode: string,
  secure: boolean,
): void {
  reply.setCookie(REFERENCE_COOKIE, `${engagementId}:${referenceCode}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: sentPath(engagementId),
    maxAge: REFERENCE_SECONDS,
  });
}

export function passedReferenceCode(
  request: FastifyRequest,
  engagementId: string,
): string | undefined {
  const [forEngagement, referenceCode] = unsigned(request, REFERENCE_COOKIE)?.split(':') ?? [];
  return forEngagement === engagementId ? referenceCode : undefined;
}

/** A returning person is known for 30 minutes from their last page, then asked for the code again. */
export function rememberParticipant(
  reply: FastifyReply,
  participantId: string,
  now: Date,
  secure: boolean,
): void {
  const expires = now.getTime() + RETURN_MINUTES * 60_000;
  reply.setCookie(PARTICIPANT_COOKIE, `${participantId}:${expires}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: YOUR_ANSWERS,
    maxAge: RETURN_MINUTES * 60,
  });
}

/** The participant this browser came back as, unless their 30 minutes are over. */
export function rememberedParticipant(request: FastifyRequest, now: Date): string | undefined {
  const value = unsigned(request, PARTICIPANT_COOKIE);
  const [participantId, expires] = value?.split(':') ?? [];
  if (participantId === undefined || participantId === '' || expires === undefined)
    return undefined;
  return Number(expires) > now.getTime() ? participantId : undefined;
}

export function forgetParticipant(reply: FastifyReply): void {
  reply.clearCookie(PARTICIPANT_COOKIE, { path: YOUR_ANSWERS });
}

/** The optional questions about a person who has just answered: the page after "sent". */
export const aboutYouPath = (engagementId: string): string =>
  `/take-part/${encodeURIComponent(engagementId)}/about-you`;

/**
 * Lets the person who has just answered go on to the optional questions about them without their
 * code. The page only takes answers, never shows any, so the next person at a shared computer
 * learns nothing from it; it is forgotten once the answers are saved, or after 30 minutes.
 */
export function passAboutYou(
  reply: FastifyReply,
  engagementId: string,
  participantId: string,
  now: Date,
  secure: boolean,
): void {
  const expires = now.getTime() + RETURN_MINUTES * 60_000;
  reply.setCookie(ABOUT_YOU_COOKIE, `${engagementId}:${participantId}:${expires}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: aboutYouPath(engagementId),
    maxAge: RETURN_MINUTES * 60,
  });
}

/** Who has just answered in this engagement, unless their 30 minutes are over. */
export function aboutYouParticipant(
  request: FastifyRequest,
  engagementId: string,
  now: Date,
): string | undefined {
  const [forEngagement, participantId, expires] =
    unsigned(request, ABOUT_YOU_COOKIE)?.split(':') ?? [];
  if (forEngagement !== engagementId || participantId === undefined || participantId === '')
    return undefined;
  return Number(expires) > now.getTime() ? participantId : undefined;
}

export function forgetAboutYou(reply: FastifyReply, engagementId: string): void {
  reply.clearCookie(ABOUT_YOU_COOKIE, { path: aboutYouPath(engagementId) });
}
