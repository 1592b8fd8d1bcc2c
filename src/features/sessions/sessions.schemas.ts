import { z } from 'zod';
import { PERSPECTIVES, type Perspective } from '../engagements/index.ts';
import {
  ATTENDANCE_MAX,
  NOTES_MAX_LENGTH,
  PLACE_MAX_LENGTH,
  SESSION_KINDS,
  totalAttendance,
} from './sessions.core.ts';

// Messages are catalogue keys, so the form and the API explain a problem in the same words.

const COUNT = 'sessions.validation.attendanceNumber';

/**
 * How many people came as one perspective: a whole number from 0 to 1,000. A form sends text
 * (a blank box means nobody); the API sends a number.
 */
export const attendanceCount = z
  .union([z.number(), z.string()], { error: COUNT })
  .transform((value) => {
    if (typeof value === 'number') return value;
    const typed = value.trim();
    if (typed === '') return 0;
    return /^\d{1,7}$/.test(typed) ? Number(typed) : Number.NaN;
  })
  .pipe(z.number({ error: COUNT }).int(COUNT).min(0, COUNT).max(ATTENDANCE_MAX, COUNT));

const attendanceShape = Object.fromEntries(
  PERSPECTIVES.map((perspective) => [perspective, attendanceCount.default(0)]),
) as Record<Perspective, z.ZodDefault<typeof attendanceCount>>;

const isRealDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const sessionSchema = z.object({
  kind: z.enum(SESSION_KINDS, { error: 'sessions.validation.kindMissing' }),
  heldOn: z
    .string({ error: 'sessions.validation.heldOnMissing' })
    .min(1, 'sessions.validation.heldOnMissing')
    .refine(isRealDate, 'validation.date.invalid'),
  place: z
    .string({ error: 'sessions.validation.placeMissing' })
    .trim()
    .min(1, 'sessions.validation.placeMissing')
    .max(PLACE_MAX_LENGTH, 'sessions.validation.placeTooLong'),
  attendance: z
    .object(attendanceShape, { error: 'sessions.validation.attendanceNone' })
    .refine((attendance) => totalAttendance(attendance) > 0, 'sessions.validation.attendanceNone'),
  notes: z.string().trim().max(NOTES_MAX_LENGTH, 'validation.text.tooLong').default(''),
});

export type SessionInput = z.output<typeof sessionSchema>;
