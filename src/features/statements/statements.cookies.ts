import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A voter has no account: their browser carries who they are in a signed, HttpOnly cookie sent
 * only to one engagement's statement pages. It lasts 30 days, so a person can come back to see
 * whether their own statement was shown, and why not if it was not.
 */
const VOTER_COOKIE = 'heard_voter';
const VOTER_DAYS = 30;

export const statementsPath = (engagementId: string): string =>
  `/take-part/${encodeURIComponent(engagementId)}/statements`;

export function rememberVoter(
  reply: FastifyReply,
  engagementId: string,
  participantId: string,
  secure: boolean,
): void {
  reply.setCookie(VOTER_COOKIE, participantId, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: statementsPath(engagementId),
    maxAge: VOTER_DAYS * 24 * 60 * 60,
  });
}

/** The participant this browser votes as, if its cookie is genuine. */
export function rememberedVoter(request: FastifyRequest): string | undefined {
  const raw = request.cookies[VOTER_COOKIE];
  if (raw === undefined || raw === '') return undefined;
  const result = request.unsignCookie(raw);
  return result.valid && result.value !== '' ? result.value : undefined;
}
