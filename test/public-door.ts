import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Browser, visibleText } from './app.ts';
import type { ListeningEngagement } from './listening-engagement.ts';

// A person at the public door, for integration tests: answering, sending and coming back.

export type Fields = Record<string, string>;

/** A reference code as the confirmation page shows it. */
export const CODE = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}\b/;
export const WORDS = 'The district nurse came the next morning.\nShe knew my name.';

export const csrfOf = (html: string): string => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('no CSRF token on the page');
  return token;
};

/** What a person's answer form sends when everything is right. */
export const goodAnswers = (engagement: ListeningEngagement, changes: Fields = {}): Fields => {
  const [first = '', second = ''] = engagement.promptIds;
  const fields: Fields = {
    perspective: 'family_carer',
    [`answer-${first}`]: WORDS,
    [`answer-${second}`]: '',
    consentUse: 'yes',
    consentQuote: 'no',
    contactRoute: 'email',
    contactEmail: 'Carer@Example.org',
    ...changes,
  };
  // A field changed to undefined-like '~' is one the person left out altogether.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '~'));
};

/** Answers, checks and sends as a person would, and returns the code the last page shows. */
export async function answerAndSend(
  browser: Browser,
  engagement: ListeningEngagement,
  fields: Fields = goodAnswers(engagement),
): Promise<string> {
  const form = `/take-part/${engagement.id}/answer`;
  const check = await browser.submit(form, form, fields);
  expect(check.statusCode).toBe(200);
  const sent = await browser.post(`/take-part/${engagement.id}/send`, {
    ...fields,
    _csrf: csrfOf(check.body),
  });
  expect(sent.statusCode).toBe(303);
  const confirmation = await browser.get(`/take-part/${engagement.id}/sent`);
  const code = CODE.exec(visibleText(confirmation.body))?.[0];
  if (code === undefined) throw new Error('no reference code on the confirmation page');
  return code;
}

/** Types a reference code on the "come back" page, from the address given (rates are per address). */
export async function comeBack(
  app: FastifyInstance,
  browser: Browser,
  typed: string,
  address: string,
): Promise<LightMyRequestResponse> {
  const page = await browser.get('/take-part/return');
  const response = await app.inject({
    method: 'POST',
    url: '/take-part/return',
    remoteAddress: address,
    headers: {
      cookie: browser.cookieHeader(),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ reference: typed, _csrf: csrfOf(page.body) }).toString(),
  });
  for (const cookie of response.cookies as { name: string; value: string }[]) {
    browser.setCookie(cookie.name, cookie.value);
  }
  return response;
}
