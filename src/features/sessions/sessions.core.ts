import type { Perspective } from '../engagements/index.ts';

/** The kinds of meeting an advocate runs to hear people. */
export const SESSION_KINDS = ['one_to_one', 'group', 'drop_in', 'phone', 'home_visit'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Most people one session can record for a perspective: more is almost certainly a typing slip. */
export const ATTENDANCE_MAX = 1000;
export const PLACE_MAX_LENGTH = 200;
export const NOTES_MAX_LENGTH = 5000;

/** How many people came, by the perspective they came as. */
export type Attendance = Record<Perspective, number>;

export interface ListeningSession {
  id: string;
  engagementId: string;
  kind: SessionKind;
  /** The day it was held, YYYY-MM-DD. */
  heldOn: string;
  place: string;
  attendance: Attendance;
  notes: string;
  advocateId: string;
  advocateName: string;
  createdAt: string;
}

export const totalAttendance = (attendance: Attendance): number =>
  Object.values(attendance).reduce((sum, count) => sum + count, 0);

/**
 * Today's date where the advocates work. Sessions are dated by the UK calendar, not UTC, so a
 * session recorded just after midnight in summer is not refused as "in the future".
 */
export const ukToday = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);

/** A session is recorded after it happens, so its date cannot be later than today. */
export const isInTheFuture = (heldOn: string, now: Date): boolean => heldOn > ukToday(now);
