export type { Actor } from './accounts.core.ts';
export { hasRole } from './accounts.core.ts';
export type { Access } from './access.ts';
export { accessPlugin, requireActor } from './access.ts';
export { deleteSessionsOfUser } from './accounts.repository.ts';
export { hashPassword } from './passwords.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { accountsApi } from './accounts.api.ts';
