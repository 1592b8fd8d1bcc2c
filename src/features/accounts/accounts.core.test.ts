import { describe, expect, it } from 'vitest';
import {
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  SESSION_TOUCH_MINUTES,
  isSessionLive,
  needsTouch,
  newSessionTimes,
  safeNextPath,
} from './accounts.core.ts';

const MINUTE = 60_000;
const START = new Date('2026-03-02T09:00:00.000Z');
/** A moment after the start: whole minutes, less `msEarly` milliseconds. */
const at = (minutesAfterStart: number, msEarly = 0): Date =>
  new Date(START.getTime() + minutesAfterStart * MINUTE - msEarly);

const IDLE = SESSION_IDLE_MINUTES;
const ABSOLUTE = SESSION_ABSOLUTE_HOURS * 60;
const TOUCH = SESSION_TOUCH_MINUTES;

describe('session limits', () => {
  it('keeps to the documented policy: 2 hours idle, 12 hours in all, touch every 5 minutes', () => {
    expect(IDLE).toBe(120);
    expect(ABSOLUTE).toBe(12 * 60);
    expect(TOUCH).toBe(5);
    // The touch interval must be well inside the idle limit, or busy sessions would expire.
    expect(TOUCH).toBeLessThan(IDLE);
    expect(IDLE).toBeLessThan(ABSOLUTE);
  });
});

describe('newSessionTimes', () => {
  it('starts a session now, seen now, ending after the absolute limit', () => {
    const times = newSessionTimes(START);
    expect(times.createdAt).toBe(START.toISOString());
    expect(times.lastSeenAt).toBe(START.toISOString());
    expect(Date.parse(times.expiresAt) - START.getTime()).toBe(ABSOLUTE * MINUTE);
  });

  it('gives a session that is live when made and not touched at once', () => {
    const times = newSessionTimes(START);
    expect(isSessionLive(times, START)).toBe(true);
    expect(needsTouch(times, START)).toBe(false);
  });
});

describe('isSessionLive', () => {
  // lastSeen: minutes after the session started when it was last used; now: minutes after start.
  it.each([
    { name: 'just used', lastSeen: 0, now: 0, live: true },
    { name: 'idle one minute short of the limit', lastSeen: 0, now: IDLE - 1, live: true },
    {
      name: 'idle one millisecond short of the limit',
      lastSeen: 0,
      now: IDLE,
      early: 1,
      live: true,
    },
    { name: 'idle exactly the limit', lastSeen: 0, now: IDLE, live: false },
    { name: 'idle past the limit', lastSeen: 0, now: IDLE + 1, live: false },
    { name: 'used recently, later in the day', lastSeen: 300, now: 300 + IDLE - 1, live: true },
    { name: 'idle the limit, later in the day', lastSeen: 300, now: 300 + IDLE, live: false },
    {
      name: 'in use just before the absolute end',
      lastSeen: ABSOLUTE - 2,
      now: ABSOLUTE - 1,
      live: true,
    },
    {
      name: 'in use one millisecond before the absolute end',
      lastSeen: ABSOLUTE - 1,
      now: ABSOLUTE,
      early: 1,
      live: true,
    },
    {
      name: 'in use exactly at the absolute end',
      lastSeen: ABSOLUTE - 1,
      now: ABSOLUTE,
      live: false,
    },
    { name: 'in use past the absolute end', lastSeen: ABSOLUTE, now: ABSOLUTE + 1, live: false },
  ])('$name -> $live', ({ lastSeen, now, early, live }) => {
    const session = { ...newSessionTimes(START), lastSeenAt: at(lastSeen).toISOString() };
    expect(isSessionLive(session, at(now, early))).toBe(live);
  });
});

describe('needsTouch', () => {
  it.each([
    { name: 'just seen', sinceSeen: 0, touch: false },
    { name: 'seen one minute ago', sinceSeen: 1, touch: false },
    {
      name: 'seen one millisecond short of the interval',
      sinceSeen: TOUCH,
      early: 1,
      touch: false,
    },
    { name: 'seen exactly the interval ago', sinceSeen: TOUCH, touch: true },
    { name: 'seen longer ago', sinceSeen: TOUCH + 30, touch: true },
  ])('$name -> $touch', ({ sinceSeen, early, touch }) => {
    const lastSeen = 60;
    const session = { ...newSessionTimes(START), lastSeenAt: at(lastSeen).toISOString() };
    expect(needsTouch(session, at(lastSeen + sinceSeen, early))).toBe(touch);
  });
});

describe('safeNextPath', () => {
  it.each([
    { next: '/home', expected: '/home' },
    { next: '/organisations/x/users?y=1', expected: '/organisations/x/users?y=1' },
    { next: '/organisations', expected: '/organisations' },
    { next: '//evil.example', expected: '/home' },
    { next: '//evil.example/home', expected: '/home' },
    { next: '/\\evil', expected: '/home' },
    { next: '/\\/evil.example', expected: '/home' },
    { next: 'https://evil.example', expected: '/home' },
    { next: 'javascript:alert(1)', expected: '/home' },
    { next: 'evil.example', expected: '/home' },
    { next: '\\\\evil.example', expected: '/home' },
    // Browsers drop tabs and line breaks from a URL, so these would become //evil.example.
    { next: '/\t/evil.example', expected: '/home' },
    { next: '/\n/evil.example', expected: '/home' },
    { next: '/\r\\evil.example', expected: '/home' },
    { next: '', expected: '/home' },
    { next: undefined, expected: '/home' },
    { next: null, expected: '/home' },
    { next: 42, expected: '/home' },
    { next: ['/organisations'], expected: '/home' },
  ])('$next -> $expected', ({ next, expected }) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('never sends anyone off the site, as a browser resolves the result', () => {
    const base = 'https://heard.example';
    const attempts = [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n\\evil.example',
      'https://evil.example',
      '/ /evil.example',
      '/organisations/x/users?next=//evil.example',
    ];
    for (const attempt of attempts) {
      expect(new URL(safeNextPath(attempt), base).origin).toBe(base);
    }
  });
});
