import { z } from 'zod';
import { dateFromParts } from '../../platform/forms.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import { CHANNELS } from './voices.core.ts';
import type { VoiceFilters } from './voices.repository.ts';

// A filter left blank ('' from a form's "All" option) filters nothing.

const blankIsAll = <T extends z.ZodType<string>>(schema: T) =>
  z
    .union([z.literal(''), schema], { error: 'voices.validation.unknownFilter' })
    .optional()
    .transform((value) => (value === '' ? undefined : value));

const idFilter = blankIsAll(z.string().max(64, 'voices.validation.unknownFilter'));

const dateFilter = (message: string) =>
  blankIsAll(
    z.string().refine((value) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, message),
  );

/** Which voices to show or export: the same for the staff page, the CSV and the API. */
export const voiceFiltersSchema = z
  .object({
    prompt: idFilter,
    perspective: blankIsAll(z.enum(PERSPECTIVES, { error: 'voices.validation.unknownFilter' })),
    channel: blankIsAll(z.enum(CHANNELS, { error: 'voices.validation.unknownFilter' })),
    session: idFilter,
    from: dateFilter('voices.validation.fromInvalid'),
    to: dateFilter('voices.validation.toInvalid'),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    path: ['to'],
    message: 'voices.validation.toBeforeFrom',
  });

export type VoiceFiltersInput = z.output<typeof voiceFiltersSchema>;

/** The page's filter form sends dates as day, month and year boxes; the API sends YYYY-MM-DD. */
export function filtersFromPage(query: Record<string, unknown>): Record<string, unknown> {
  return {
    prompt: query.prompt,
    perspective: query.perspective,
    channel: query.channel,
    session: query.session,
    from: dateFromParts(query, 'from'),
    to: dateFromParts(query, 'to'),
  };
}

export const toVoiceFilters = (input: VoiceFiltersInput): VoiceFilters => ({
  promptId: input.prompt,
  perspective: input.perspective,
  channel: input.channel,
  sessionId: input.session,
  from: input.from,
  to: input.to,
});
