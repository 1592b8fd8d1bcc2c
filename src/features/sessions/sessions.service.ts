import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type Result, invalid, ok } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Engagement, listPrompts, takesVoices } from '../engagements/index.ts';
import {
  type Contact,
  type OnBehalfInput,
  type Voice,
  recordVoiceOnBehalf,
  voicesFor,
} from '../voices/index.ts';
import { type ListeningSession, isInTheFuture, totalAttendance } from './sessions.core.ts';
import {
  countVoicesBySession,
  findSession,
  insertSession,
  listSessions,
} from './sessions.repository.ts';
import type { SessionInput } from './sessions.schemas.ts';

/** Thrown when a session or voice would be added to an engagement that is not listening. */
const notListening = (): ConflictError => new ConflictError('sessions.notListening.body');

export interface SessionSummary {
  session: ListeningSession;
  voices: number;
}

export async function sessionsOf(deps: Deps, engagement: Engagement): Promise<SessionSummary[]> {
  const [sessions, counts] = await Promise.all([
    listSessions(deps.db, engagement.id),
    countVoicesBySession(deps.db, engagement.id),
  ]);
  return sessions.map((session) => ({ session, voices: counts.get(session.id) ?? 0 }));
}

/** The session, if it is one of this engagement's; any other id is not found. */
export async function sessionIn(
  deps: Deps,
  engagement: Engagement,
  sessionId: string,
): Promise<ListeningSession> {
  const session = await findSession(deps.db, engagement.id, sessionId);
  if (session === undefined) throw new NotFoundError();
  return session;
}

/** An advocate records a session they ran. The audit row holds counts, never the notes. */
export async function recordSession(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  input: SessionInput,
): Promise<Result<{ id: string }>> {
  if (!takesVoices(engagement)) throw notListening();
  if (isInTheFuture(input.heldOn, deps.clock()))
    return invalid({ heldOn: 'sessions.validation.heldOnFuture' });
  const id = await deps.db.transaction().execute(async (trx) => {
    const sessionId = await insertSession(
      trx,
      engagement.id,
      input,
      actor.userId,
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'session_recorded',
      recordType: 'listening_session',
      recordId: sessionId,
      organisationId: actor.organisationId,
      details: {
        engagementId: engagement.id,
        kind: input.kind,
        people: totalAttendance(input.attendance),
      },
    });
    return sessionId;
  });
  return ok({ id });
}

/**
 * An advocate records what one person said in a session, on their behalf. A question from
 * another engagement is a problem with the form, so the advocate's typing is kept.
 */
export async function recordVoiceInSession(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  session: ListeningSession,
  input: OnBehalfInput,
  contact: Contact | null,
): Promise<Result<{ voiceId: string }>> {
  if (!takesVoices(engagement)) throw notListening();
  const prompts = await listPrompts(deps.db, engagement.id);
  if (!prompts.some((prompt) => prompt.id === input.promptId))
    return invalid({ promptId: 'validation.voice.promptMissing' });
  const voiceId = await recordVoiceOnBehalf(deps, actor, engagement, session.id, input, contact);
  return ok({ voiceId });
}

/** The voices heard in a session, withdrawn ones included so the record is whole (audited). */
export async function voicesInSession(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  session: ListeningSession,
): Promise<Voice[]> {
  const seen = await voicesFor(deps, actor, engagement, { sessionId: session.id });
  return seen.view === 'advocacy' ? seen.voices : [];
}
