/** Dates as people read them in the UK. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "2027-03-27" or an ISO timestamp, as "27 March 2027" (GOV.UK style); anything else as it is. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : DATE_FORMAT.format(date);
}

const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

/** An ISO timestamp as "27 November 2026, 1:05pm" in UK time (GOV.UK style). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = TIME_FORMAT.format(date).replace(' ', '').toLowerCase();
  return `${DATE_FORMAT.format(date)}, ${time}`;
}

const OFFSET_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});

/**
 * The moment a UK calendar day ("2026-07-01") begins, as an ISO timestamp in UTC
 * ("2026-06-30T23:00:00.000Z" in summer time). The clocks change at 1am UTC, so the offset at
 * midnight UTC is the day's offset at its start.
 */
export function ukDayStart(day: string): string {
  const zone = OFFSET_FORMAT.formatToParts(new Date(`${day}T00:00:00Z`)).find(
    (part) => part.type === 'timeZoneName',
  )?.value;
  const offset = zone === undefined || zone === 'GMT' ? 'Z' : zone.slice(3);
  return new Date(`${day}T00:00:00${offset}`).toISOString();
}
