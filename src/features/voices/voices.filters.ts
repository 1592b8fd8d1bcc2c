import { z } from 'zod';
import { blankIsAll, dayFilter } from '../../platform/filters.ts';
import { dateFromParts } from '../../platform/forms.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import { CHANNELS } from './voices.core.ts';
import type { VoiceFilters } from './voices.repository.ts';

const UNKNOWN = 'voices.validation.unknownFilter';
const idFilter = blankIsAll(z.string().max(64, UNKNOWN), UNKNOWN);
const dateFilter = (message: string) => dayFilter(message, UNKNOWN);

/** Which voices to show or export: the same for the staff page, the CSV and the API. */
export const voiceFiltersSchema = z
  .object({
    prompt: idFilter,
    perspective: blankIsAll(z.enum(PERSPECTIVES, { error: UNKNOWN }), UNKNOWN),
    channel: blankIsAll(z.enum(CHANNELS, { error: UNKNOWN }), UNKNOWN),
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
