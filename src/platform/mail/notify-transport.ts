import { createHmac } from 'node:crypto';
import type { NotifyConfig } from '../../config.ts';
import { type MailTransport, type OutgoingMail, TEXT_PREFIX } from './mail-transport.ts';

// GOV.UK Notify's REST API (https://docs.notifications.service.gov.uk/rest-api.html): one POST
// per message, signed with a short-lived JWT. Its failures are given nodemailer's shape so that
// retry-policy.ts decides about them as it does about SMTP's.

const UUID_LENGTH = 36;

/** The service id and secret in a key `name-serviceId-secretKey`, as Notify's own clients read it. */
export function parseNotifyKey(apiKey: string): { serviceId: string; secretKey: string } {
  return {
    secretKey: apiKey.slice(-UUID_LENGTH),
    serviceId: apiKey.slice(-(2 * UUID_LENGTH + 1), -(UUID_LENGTH + 1)),
  };
}

const base64url = (text: string | Buffer): string => Buffer.from(text).toString('base64url');

/** The bearer token Notify asks for: HS256, iss the service id, iat now (it allows 30 s skew). */
export function notifyToken(apiKey: string, now: Date): string {
  const { serviceId, secretKey } = parseNotifyKey(apiKey);
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const claims = base64url(
    JSON.stringify({ iss: serviceId, iat: Math.floor(now.getTime() / 1000) }),
  );
  const signature = createHmac('sha256', secretKey).update(`${header}.${claims}`).digest();
  return `${header}.${claims}.${base64url(signature)}`;
}

/** A failed send, shaped as nodemailer's errors are (see retry-policy.ts). */
export class NotifyError extends Error {
  override name = 'NotifyError';
  readonly command = 'SEND';
  constructor(
    readonly code: string,
    message: string,
    readonly responseCode?: number,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/**
 * What an answer that is not 201 means. 4xx refuse this message or recipient for good (a bad
 * number, a team key's list), so it is given up at once; except 403 (the key or its clock: Heard's
 * own set-up, which staff fix, so retried as SMTP's sign-in failures are) and 429 (too many, for
 * now). 429 and 5xx stop the round: every other message would meet the same.
 */
function failureOf(status: number, answer: string): NotifyError {
  let words = answer.slice(0, 500);
  try {
    const parsed = JSON.parse(answer) as { errors?: { error?: string; message?: string }[] };
    const errors = parsed.errors ?? [];
    if (errors.length > 0)
      words = errors.map((e) => `${e.error ?? ''}: ${e.message ?? ''}`).join('; ');
  } catch {
    // Not JSON (a proxy's page): its start is kept as it is.
  }
  if (status === 429 || status >= 500) return new NotifyError('EUNAVAILABLE', words, status);
  if (status === 403) return new NotifyError('EAUTH', words, status);
  return new NotifyError('EREJECTED', words, status, status >= 400 && status < 500);
}

export interface NotifyTransportOptions {
  /** For one request, in milliseconds: as the SMTP transport's reply timeout. */
  timeoutMs?: number;
  now?: () => Date;
}

/** A transport that sends email, and texts (`sms:` addresses) when an SMS template is set. */
export function createNotifyTransport(
  notify: NotifyConfig,
  { timeoutMs = 30_000, now = () => new Date() }: NotifyTransportOptions = {},
): MailTransport {
  const post = async (path: string, body: object): Promise<void> => {
    let response: Response;
    try {
      response = await fetch(`${notify.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${notifyToken(notify.apiKey, now())}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Refused, unknown host or no answer in time: the server could not be spoken to.
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const cause =
        error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
      throw new NotifyError(
        timedOut ? 'ETIMEDOUT' : 'ECONNECTION',
        timedOut ? 'no answer in time' : (cause?.code ?? String(error)),
      );
    }
    const answer = await response.text();
    if (response.status !== 201) throw failureOf(response.status, answer);
  };

  return {
    async sendMail(mail: OutgoingMail) {
      // Notify's reference lets a message be found in its records: the same for every try.
      const reference = mail.messageId;
      if (mail.to.startsWith(TEXT_PREFIX)) {
        if (notify.smsTemplateId === undefined)
          throw new NotifyError('EREJECTED', 'no SMS template is set (NOTIFY_SMS_TEMPLATE_ID)');
        await post('/v2/notifications/sms', {
          phone_number: mail.to.slice(TEXT_PREFIX.length),
          template_id: notify.smsTemplateId,
          personalisation: { body: mail.text },
          reference,
        });
        return;
      }
      await post('/v2/notifications/email', {
        email_address: mail.to,
        template_id: notify.emailTemplateId,
        personalisation: { subject: mail.subject, body: mail.text },
        reference,
      });
    },
    close() {
      // Nothing is held open between messages.
    },
  };
}
