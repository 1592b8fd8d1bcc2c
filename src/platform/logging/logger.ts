import type { LoggerOptions } from 'pino';

/**
 * Log fields that may carry a person's words, name, contact details or secrets. They are
 * censored wherever they appear, one level deep, in request and response logs alike.
 */
const SENSITIVE_FIELDS = [
  'password',
  'newPassword',
  'email',
  'name',
  'phone',
  'address',
  'text',
  'voice',
  'contact',
  'token',
  'csrf',
  '_csrf',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        ...SENSITIVE_FIELDS,
        ...SENSITIVE_FIELDS.map((field) => `*.${field}`),
      ],
      censor: '[redacted]',
    },
  };
}
