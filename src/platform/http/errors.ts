import type { FieldErrors } from '../result.ts';

/** A link back to where the person was, its label already translated. */
export interface WayBack {
  href: string;
  label: string;
}

/**
 * Unexpected failures a route cannot recover from. Each carries the HTTP status and the
 * catalogue key of a plain message for the person, and may carry a way back; the error handler
 * renders them.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly messageKey: string,
    readonly wayBack?: WayBack,
  ) {
    super(messageKey);
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(messageKey = 'errors.notFound.body') {
    super(404, messageKey);
  }
}

export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
  constructor(messageKey = 'errors.forbidden.body') {
    super(403, messageKey);
  }
}

export class UnauthenticatedError extends HttpError {
  override name = 'UnauthenticatedError';
  constructor(messageKey = 'errors.unauthenticated.body') {
    super(401, messageKey);
  }
}

export class ConflictError extends HttpError {
  override name = 'ConflictError';
  constructor(messageKey = 'errors.conflict.body', wayBack?: WayBack) {
    super(409, messageKey, wayBack);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  override name = 'UnsupportedMediaTypeError';
  constructor(messageKey = 'errors.unsupportedType.body') {
    super(415, messageKey);
  }
}

/**
 * An API request that broke a rule only the use case could check (a name already taken, a
 * date in the past): the first problem's message, with the status the route chooses.
 */
export class InvalidInputError extends HttpError {
  override name = 'InvalidInputError';
  constructor(
    readonly errors: FieldErrors = {},
    statusCode: 400 | 409 | 422 = 400,
  ) {
    super(statusCode, Object.values(errors)[0] ?? 'errors.badRequest.body');
  }
}
