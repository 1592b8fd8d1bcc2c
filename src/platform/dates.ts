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
