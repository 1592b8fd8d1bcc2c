// Working days for deadlines such as "unreviewed safeguarding flags older than one working day
// are escalated". Weekends and the bank holidays of England and Wales do not count. Dates are
// taken in UTC, which is at most an hour from UK time: near midnight a deadline may move by an
// hour, never by a day's work.

/** England and Wales bank holidays (GOV.UK), as YYYY-MM-DD. Add each year's list as it is published. */
const BANK_HOLIDAYS = new Set([
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
]);

const DAY_MS = 86_400_000;

export function isWorkingDay(at: Date): boolean {
  const weekday = at.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(at.toISOString().slice(0, 10));
}

const startOfDay = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * The moment `days` working days after `from`. Time on a non-working day starts counting from
 * the next working day's first moment: a flag raised on Saturday is due on Tuesday at midnight
 * (one whole working day, Monday).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from;
  if (!isWorkingDay(at)) {
    do at = new Date(startOfDay(at).getTime() + DAY_MS);
    while (!isWorkingDay(at));
  }
  for (let added = 0; added < days;) {
    at = new Date(at.getTime() + DAY_MS);
    if (isWorkingDay(at)) added += 1;
  }
  return at;
}
