import { formatDate } from '../../platform/dates.ts';
import { describe, expect, it } from 'vitest';
import { isInTheFuture, totalAttendance, ukToday } from './sessions.core.ts';

describe('ukToday', () => {
  it.each([
    { now: '2026-11-26T09:00:00Z', today: '2026-11-26' },
    // Winter: the UK is on UTC.
    { now: '2026-12-31T23:30:00Z', today: '2026-12-31' },
    // Summer: 23:30 UTC is already tomorrow in the UK.
    { now: '2026-07-01T23:30:00Z', today: '2026-07-02' },
  ])('$now is $today in the UK', ({ now, today }) => {
    expect(ukToday(new Date(now))).toBe(today);
  });
});

describe('isInTheFuture', () => {
  const now = new Date('2026-07-01T23:30:00Z');
  it.each([
    { heldOn: '2026-07-01', future: false },
    { heldOn: '2026-07-02', future: false },
    { heldOn: '2026-07-03', future: true },
    { heldOn: '2025-01-01', future: false },
  ])('$heldOn -> $future', ({ heldOn, future }) => {
    expect(isInTheFuture(heldOn, now)).toBe(future);
  });
});

describe('formatDate', () => {
  it.each([
    { value: '2026-11-12', text: '12 November 2026' },
    { value: '2026-01-01', text: '1 January 2026' },
    { value: '2026-11-26T09:00:00.000Z', text: '26 November 2026' },
    // Just before midnight UTC in summer is the next day in the UK.
    { value: '2026-06-30T23:30:00.000Z', text: '1 July 2026' },
  ])('$value -> $text', ({ value, text }) => {
    expect(formatDate(value)).toBe(text);
  });
});

describe('totalAttendance', () => {
  it('adds everyone up', () => {
    expect(
      totalAttendance({
        lived_experience: 4,
        family_carer: 2,
        professional: 0,
        provider: 1,
        community_member: 0,
      }),
    ).toBe(7);
  });
});
