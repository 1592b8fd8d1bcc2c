import { z } from 'zod';

// Filters on a list page arrive in its address. A filter left blank ('' from a form's "All" or
// "Everyone" option) filters nothing; anything else must be one the page offers.

/** The filter as `schema` reads it, undefined when blank; `message` for anything else wrong. */
export const blankIsAll = <T extends z.ZodType<string>>(schema: T, message: string) =>
  z
    .union([z.literal(''), schema], { error: message })
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** A day (YYYY-MM-DD) that is on the calendar. */
const isRealDay = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** A day filter: `message` when the day is not on the calendar, `unknown` when not text at all. */
export const dayFilter = (message: string, unknown: string = message) =>
  blankIsAll(z.string().refine(isRealDay, message), unknown);
