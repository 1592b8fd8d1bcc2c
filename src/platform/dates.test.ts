import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, ukDayStart } from './dates.ts';

describe('formatDate', () => {
  it('reads a day or a timestamp as the UK writes it', () => {
    expect(formatDate('2027-03-27')).toBe('27 March 2027');
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
  });
});

describe('formatDateTime', () => {
  it('gives the UK date and time, in summer time when the clocks have gone forward', () => {
    expect(formatDateTime('2026-11-27T13:05:00.000Z')).toBe('27 November 2026, 1:05pm');
    expect(formatDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026, 12:30am');
  });

  it('leaves what is not a timestamp as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('ukDayStart', () => {
  it('is midnight UTC in winter and 11pm the day before in summer', () => {
    expect(ukDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(ukDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('takes the offset in force at the start of the days the clocks change', () => {
    // The clocks go forward at 1am UTC on 29 March 2026 and back at 1am UTC on 25 October 2026.
    expect(ukDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(ukDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(ukDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(ukDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });
});
