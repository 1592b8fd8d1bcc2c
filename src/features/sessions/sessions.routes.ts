import { formatDate } from '../../platform/dates.ts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { dateFromParts, parseForm } from '../../platform/forms.ts';
import { requireActor } from '../accounts/index.ts';
import { type Engagement, PERSPECTIVES, listPrompts, takesVoices } from '../engagements/index.ts';
import { voiceLabels } from '../voices/index.ts';
import { totalAttendance } from './sessions.core.ts';
import { sessionLabel, sessionLabels } from './sessions.labels.ts';
import { attendanceCount, sessionSchema } from './sessions.schemas.ts';
import { recordSession, sessionIn, sessionsOf, voicesInSession } from './sessions.service.ts';
import { sessionAboutPersonRoutes } from './sessions.about-person.routes.ts';
import { sessionVoicesRoutes } from './sessions.voices.routes.ts';
import {
  type EngagementParams,
  type SessionParams,
  VIEWS,
  engagementToCapture,
  notListening,
  staff,
} from './sessions.web.ts';

/** The form's boxes as the schema (and the API) expects them. */
function sessionFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: body.kind,
    heldOn: dateFromParts(body, 'heldOn'),
    place: body.place,
    attendance: Object.fromEntries(
      PERSPECTIVES.map((perspective) => [perspective, body[`attendance-${perspective}`] ?? '']),
    ),
    notes: body.notes,
  };
}

/** Which attendance boxes hold something other than a whole number from 0 to 1,000. */
const wrongCounts = (body: Record<string, unknown>): string[] =>
  PERSPECTIVES.filter(
    (perspective) => !attendanceCount.safeParse(body[`attendance-${perspective}`] ?? '').success,
  );

/** Advocate-run sessions: the list, recording one, and one session with the voices heard in it. */
export function sessionsRoutes(app: FastifyInstance, deps: Deps): void {
  const formContext = (engagement: Engagement) => {
    const { kinds, attendance } = sessionLabels(deps.t);
    return { engagement, kinds, attendanceLabels: attendance };
  };

  app.get<EngagementParams>(
    '/engagements/:engagementId/sessions',
    { config: staff },
    async (request, reply) => {
      const engagement = await engagementToCapture(deps, request);
      const sessions = await sessionsOf(deps, engagement);
      return reply.render(`${VIEWS}/list.njk`, {
        engagement,
        listening: takesVoices(engagement),
        phase: deps.t(`phases.${engagement.phase}`),
        rows: sessions.map(({ session, voices }) => ({
          id: session.id,
          label: sessionLabel(deps.t, session),
          people: totalAttendance(session.attendance),
          voices,
        })),
      });
    },
  );

  app.get<EngagementParams>(
    '/engagements/:engagementId/sessions/new',
    { config: staff },
    async (request, reply) => {
      const engagement = await engagementToCapture(deps, request);
      if (!takesVoices(engagement)) return notListening(deps, reply, engagement);
      return reply.render(`${VIEWS}/new.njk`, { ...formContext(engagement), values: {} });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/sessions/new',
    { config: staff },
    async (request, reply) => {
      const engagement = await engagementToCapture(deps, request);
      if (!takesVoices(engagement)) return notListening(deps, reply, engagement);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(sessionSchema, sessionFromForm(body));
      const recorded = parsed.ok
        ? await recordSession(deps, requireActor(request), engagement, parsed.value)
        : parsed;
      if (!recorded.ok) {
        const wrong = wrongCounts(body);
        return reply.code(400).render(`${VIEWS}/new.njk`, {
          ...formContext(engagement),
          values: body,
          errors: recorded.errors,
          wrongCounts: wrong,
          errorAnchors: {
            heldOn: 'heldOn-day',
            attendance: `attendance-${wrong[0] ?? PERSPECTIVES[0]}`,
          },
        });
      }
      return reply.redirect(
        `/engagements/${engagement.id}/sessions/${recorded.value.id}?recorded=session`,
        303,
      );
    },
  );

  app.get<SessionParams>(
    '/engagements/:engagementId/sessions/:sessionId',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementToCapture(deps, request);
      const session = await sessionIn(deps, engagement, request.params.sessionId);
      const voices = await voicesInSession(deps, actor, engagement, session);
      const query = request.query as { recorded?: string; voice?: string };
      return reply.render(`${VIEWS}/session.njk`, {
        engagement,
        session,
        title: sessionLabel(deps.t, session),
        heldOn: formatDate(session.heldOn),
        people: totalAttendance(session.attendance),
        listening: takesVoices(engagement),
        recorded: query.recorded,
        // Straight after recording a voice: the optional questions about the person who said it.
        askAbout: voices.find((voice) => voice.id === query.voice && voice.withdrawnAt === null)
          ?.id,
        voices,
        questions: Object.fromEntries(
          (await listPrompts(deps.db, engagement.id)).map((p) => [p.id, p.questionPlain]),
        ),
        labels: { ...voiceLabels(deps.t), ...sessionLabels(deps.t) },
      });
    },
  );

  sessionVoicesRoutes(app, deps);
  sessionAboutPersonRoutes(app, deps);
}
