import nodemailer, { type Transporter } from 'nodemailer';

/** One message as the sender hands it over. A `to` of `sms:<number>` is a text (RFC 5724). */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * What the sender needs of a transport: nodemailer's SMTP transport, or GOV.UK Notify's
 * (notify-transport.ts). sendMail resolves once the message was taken, and rejects with an
 * error shaped as nodemailer's (code, responseCode, command, permanent) otherwise.
 */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
  close(): void;
}

/** Texts are queued with an `sms:` address; only a transport that can send texts takes them. */
export const TEXT_PREFIX = 'sms:';

/** How long to wait on an SMTP server, in milliseconds. */
export interface MailTimeouts {
  /** To open the connection. */
  connectionTimeout: number;
  /** For the server's first line once connected. */
  greetingTimeout: number;
  /** For any reply once talking, including the one that says the message was taken. */
  socketTimeout: number;
}

/**
 * Far shorter than nodemailer's own (2 minutes, 30 seconds, 10 minutes): one sender works
 * through the outbox a message at a time, and a server that hangs must not hold up the rest.
 * Long enough for a real server that is busy: it says what it did well within these.
 */
export const DEFAULT_TIMEOUTS: MailTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/** An SMTP transport for `smtpUrl` (smtp://user:pass@host:587, or smtps:// for TLS from the start). */
export function createMailTransport(
  smtpUrl: string,
  timeouts: MailTimeouts = DEFAULT_TIMEOUTS,
): Transporter {
  return nodemailer.createTransport({ url: smtpUrl, ...timeouts });
}
