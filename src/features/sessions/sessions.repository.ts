import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import type { Attendance, ListeningSession, SessionKind } from './sessions.core.ts';
import type { SessionInput } from './sessions.schemas.ts';

/** Stored JSON, read back with every perspective present (an older row may lack one). */
function readAttendance(json: string): Attendance {
  const stored = JSON.parse(json) as Partial<Record<string, number>>;
  return Object.fromEntries(
    PERSPECTIVES.map((perspective) => [perspective, stored[perspective] ?? 0]),
  ) as Attendance;
}

function sessionsQuery(db: Db) {
  return db
    .selectFrom('listening_sessions')
    .innerJoin('users', 'users.id', 'listening_sessions.advocate_id')
    .selectAll('listening_sessions')
    .select('users.name as advocate_name');
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['executeTakeFirstOrThrow']>>;

const toSession = (row: SessionRow): ListeningSession => ({
  id: row.id,
  engagementId: row.engagement_id,
  kind: row.kind as SessionKind,
  heldOn: row.held_on,
  place: row.place,
  attendance: readAttendance(row.attendance),
  notes: row.notes,
  advocateId: row.advocate_id,
  advocateName: row.advocate_name,
  createdAt: row.created_at,
});

/** An engagement's sessions, the most recent first. */
export async function listSessions(db: Db, engagementId: string): Promise<ListeningSession[]> {
  const rows = await sessionsQuery(db)
    .where('listening_sessions.engagement_id', '=', engagementId)
    .orderBy('listening_sessions.held_on', 'desc')
    .orderBy('listening_sessions.created_at', 'desc')
    .execute();
  return rows.map(toSession);
}

/** A session, only if it belongs to the engagement (an id from elsewhere is not found). */
export async function findSession(
  db: Db,
  engagementId: string,
  sessionId: string,
): Promise<ListeningSession | undefined> {
  const row = await sessionsQuery(db)
    .where('listening_sessions.engagement_id', '=', engagementId)
    .where('listening_sessions.id', '=', sessionId)
    .executeTakeFirst();
  return row && toSession(row);
}

export async function insertSession(
  db: Db,
  engagementId: string,
  input: SessionInput,
  advocateId: string,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('listening_sessions')
    .values({
      id,
      engagement_id: engagementId,
      kind: input.kind,
      held_on: input.heldOn,
      place: input.place,
      attendance: JSON.stringify(input.attendance),
      notes: input.notes,
      advocate_id: advocateId,
      created_at: at,
    })
    .execute();
  return id;
}

/** How many voices (not withdrawn) each session of an engagement holds. */
export async function countVoicesBySession(
  db: Db,
  engagementId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('voices')
    .select(['session_id', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('engagement_id', '=', engagementId)
    .where('session_id', 'is not', null)
    .where('withdrawn_at', 'is', null)
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((row) => [row.session_id ?? '', Number(row.count)]));
}

/** The person who said a voice heard in this session, unless it or they have been withdrawn. */
export async function personWhoSaid(
  db: Db,
  sessionId: string,
  voiceId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('voices')
    .innerJoin('participants', 'participants.id', 'voices.participant_id')
    .select('voices.participant_id')
    .where('voices.id', '=', voiceId)
    .where('voices.session_id', '=', sessionId)
    .where('voices.withdrawn_at', 'is', null)
    .where('participants.withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row?.participant_id;
}
