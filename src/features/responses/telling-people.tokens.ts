import { createHmac, timingSafeEqual } from 'node:crypto';

// Each notice carries a token in its links: to stop further messages, and to answer "Did
// anything change for you?". It is the notice's id signed with the server's secret, so it
// cannot be guessed, needs nothing stored, and a letter can be printed again with the same one.

const signature = (secret: string, noticeId: string): string =>
  createHmac('sha256', secret).update(`feedback-notice:${noticeId}`).digest('base64url');

export const noticeToken = (secret: string, noticeId: string): string =>
  `${noticeId}.${signature(secret, noticeId)}`;

/** The notice a token was made for, or undefined when it was not made by this server. */
export function noticeFromToken(secret: string, token: string): string | undefined {
  const [noticeId, given, extra] = token.split('.');
  if (noticeId === undefined || given === undefined || extra !== undefined) return undefined;
  const expected = Buffer.from(signature(secret, noticeId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual)
    ? noticeId
    : undefined;
}
