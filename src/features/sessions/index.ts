export type { Attendance, ListeningSession, SessionKind } from './sessions.core.ts';
export { SESSION_KINDS } from './sessions.core.ts';
export { findSession, listSessions } from './sessions.repository.ts';
export { sessionLabel, sessionLabels } from './sessions.labels.ts';
export { sessionsRoutes } from './sessions.routes.ts';
export { sessionsApi } from './sessions.api.ts';
