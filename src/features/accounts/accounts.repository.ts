import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { OrganisationType, Role } from '../organisations/index.ts';
import type { Actor, SessionTimes } from './accounts.core.ts';

/** The cookie holds a random token; the database holds only its hash. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export interface Credentials {
  userId: string;
  organisationId: string | null;
  passwordHash: string;
  disabled: boolean;
}

export async function findCredentials(db: Db, email: string): Promise<Credentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  return (
    row && {
      userId: row.id,
      organisationId: row.organisation_id,
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null,
    }
  );
}

export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.organisation_id',
      'users.is_platform_admin',
      'users.disabled_at',
      'organisations.name as organisation_name',
      'organisations.type as organisation_type',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (row === undefined || row.disabled_at !== null) return undefined;
  const roles = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .execute();
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type as OrganisationType | null,
    roles: roles.map((r) => r.role as Role),
    platformAdmin: row.is_platform_admin === 1,
  };
}

export async function insertSession(
  db: Db,
  token: string,
  userId: string,
  times: SessionTimes,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: times.createdAt,
      last_seen_at: times.lastSeenAt,
      expires_at: times.expiresAt,
    })
    .execute();
}

export async function findSession(
  db: Db,
  token: string,
): Promise<(SessionTimes & { userId: string }) | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    }
  );
}

export async function touchSession(db: Db, token: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sessions past their absolute end; idle ones are refused when read and go at their end. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
