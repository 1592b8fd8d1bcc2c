import type { z } from 'zod';
import type { FieldErrors, Result } from './result.ts';
import { invalid, ok } from './result.ts';

/**
 * Checks a submitted form (or API body) against its schema. Each field gets its first problem,
 * as a catalogue key the page shows beside the field and in the error summary.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // Forms are flat: a problem with one item of a list (roles.1) belongs to the list's field.
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return invalid(errors);
}

/** A checkbox group arrives as a string when one box is ticked and an array when several are. */
export const asList = (value: unknown): unknown =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
