import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/forms.ts';
import { attendanceCount, sessionSchema } from './sessions.schemas.ts';

describe('attendanceCount', () => {
  it.each([
    { input: '', count: 0 },
    { input: '  ', count: 0 },
    { input: '0', count: 0 },
    { input: ' 12 ', count: 12 },
    { input: '1000', count: 1000 },
    { input: 7, count: 7 },
  ])('reads $input as $count', ({ input, count }) => {
    expect(attendanceCount.parse(input)).toBe(count);
  });

  it.each(['-1', '1001', '2.5', 'abc', '1e3', '12 people', 2.5, -3, 1001, Number.NaN, true, null])(
    'refuses %j',
    (input) => {
      expect(attendanceCount.safeParse(input).success).toBe(false);
    },
  );
});

describe('sessionSchema', () => {
  const valid = {
    kind: 'drop_in',
    heldOn: '2026-11-12',
    place: '  Eastvale Library ',
    attendance: { lived_experience: '3' },
  };

  it('reads a session, filling missing groups with 0 and trimming the place', () => {
    expect(parseForm(sessionSchema, valid)).toEqual({
      ok: true,
      value: {
        kind: 'drop_in',
        heldOn: '2026-11-12',
        place: 'Eastvale Library',
        attendance: {
          lived_experience: 3,
          family_carer: 0,
          professional: 0,
          provider: 0,
          community_member: 0,
        },
        notes: '',
      },
    });
  });

  it.each([
    { change: { kind: 'party' }, field: 'kind', key: 'sessions.validation.kindMissing' },
    { change: { heldOn: '' }, field: 'heldOn', key: 'sessions.validation.heldOnMissing' },
    { change: { heldOn: 'invalid' }, field: 'heldOn', key: 'validation.date.invalid' },
    { change: { heldOn: '2026-02-30' }, field: 'heldOn', key: 'validation.date.invalid' },
    { change: { place: '   ' }, field: 'place', key: 'sessions.validation.placeMissing' },
    { change: { place: 'x'.repeat(201) }, field: 'place', key: 'sessions.validation.placeTooLong' },
    {
      change: { attendance: { lived_experience: '' } },
      field: 'attendance',
      key: 'sessions.validation.attendanceNone',
    },
    {
      change: { attendance: { lived_experience: '3', professional: '-2' } },
      field: 'attendance',
      key: 'sessions.validation.attendanceNumber',
    },
    {
      change: { attendance: undefined },
      field: 'attendance',
      key: 'sessions.validation.attendanceNone',
    },
    { change: { notes: 'x'.repeat(5001) }, field: 'notes', key: 'validation.text.tooLong' },
  ])('puts a problem with $field as $key', ({ change, field, key }) => {
    const result = parseForm(sessionSchema, { ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(key);
  });
});
