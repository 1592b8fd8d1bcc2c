import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it('counts Monday to Friday, not weekends or bank holidays', () => {
    expect(isWorkingDay(at('2026-11-26T09:00:00Z'))).toBe(true); // Thursday
    expect(isWorkingDay(at('2026-11-28T09:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(at('2026-12-25T09:00:00Z'))).toBe(false); // Christmas Day
  });

  it('one working day after a weekday is the next weekday at the same time', () => {
    expect(addWorkingDays(at('2026-11-26T15:30:00Z'), 1).toISOString()).toBe(
      '2026-11-27T15:30:00.000Z',
    );
  });

  it('skips the weekend from a Friday', () => {
    expect(addWorkingDays(at('2026-11-27T15:30:00Z'), 1).toISOString()).toBe(
      '2026-11-30T15:30:00.000Z',
    );
  });

  it('counts a whole working day for something raised at the weekend', () => {
    expect(addWorkingDays(at('2026-11-28T10:00:00Z'), 1).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('skips Christmas and the Boxing Day substitute', () => {
    expect(addWorkingDays(at('2026-12-24T12:00:00Z'), 1).toISOString()).toBe(
      '2026-12-29T12:00:00.000Z',
    );
  });
});
