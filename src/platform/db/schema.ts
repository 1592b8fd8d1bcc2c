import type { Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Portable across SQLite and PostgreSQL: text ids (UUIDv7),
 * ISO-8601 UTC timestamps as text, booleans as 0/1 integers, JSON as text.
 */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  engagements: EngagementsTable;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  type: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string | null;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database does not hand out sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  organisation_id: string | null;
  /** JSON; never voice text, names or contact details. */
  details: string;
}

export interface EngagementsTable {
  id: string;
  title: string;
  commissioning_organisation_id: string;
  advocacy_organisation_id: string;
  phase: string;
  created_at: string;
  updated_at: string;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
