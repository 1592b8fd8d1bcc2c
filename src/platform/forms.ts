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

/**
 * A GOV.UK date input sends a date as three fields (NAME-day, NAME-month, NAME-year). This reads
 * them into one YYYY-MM-DD string, '' when all three are empty, or 'invalid' for a date that
 * does not exist, for the schema to check.
 */
export function dateFromParts(body: Record<string, unknown>, name: string): string {
  const part = (suffix: string): string => {
    const value = body[`${name}-${suffix}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (day === '' && month === '' && year === '') return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? 'invalid' : iso;
}

/** A list typed one item per line (or separated by commas), without blanks or repeats. */
export const linesToList = (value: unknown): unknown =>
  typeof value === 'string'
    ? [
        ...new Set(
          value
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== ''),
        ),
      ]
    : value;
