export type { Organisation, OrganisationType, Role, StaffUser } from './organisations.core.ts';
export { ORGANISATION_TYPES, ROLES } from './organisations.core.ts';
export { findOrganisation, insertOrganisation, insertUser } from './organisations.repository.ts';
export { organisationsRoutes } from './organisations.routes.ts';
export { organisationsApi } from './organisations.api.ts';
