/** An expected outcome: a value, or the errors a person can fix (field -> message key). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export type FieldErrors = Record<string, string>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const invalid = <T>(errors: FieldErrors): Result<T> => ({ ok: false, errors });
