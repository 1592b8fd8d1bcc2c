import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { OrganisationRow } from '../../platform/db/schema.ts';
import type { Organisation, OrganisationType, Role, StaffUser } from './organisations.core.ts';

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  type: row.type as OrganisationType,
  createdAt: row.created_at,
});

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function organisationNameTaken(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganisation(
  db: Db,
  organisation: { name: string; type: OrganisationType },
  at: string,
): Promise<Organisation> {
  const row = { id: newId(), name: organisation.name, type: organisation.type, created_at: at };
  await db.insertInto('organisations').values(row).execute();
  return toOrganisation(row);
}

async function rolesByUser(db: Db, userIds: string[]): Promise<Map<string, Role[]>> {
  const roles = new Map<string, Role[]>();
  if (userIds.length === 0) return roles;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const row of rows)
    roles.set(row.user_id, [...(roles.get(row.user_id) ?? []), row.role as Role]);
  return roles;
}

const userColumns = [
  'id',
  'organisation_id',
  'email',
  'name',
  'is_platform_admin',
  'disabled_at',
] as const;

export async function listUsersOf(db: Db, organisationId: string): Promise<StaffUser[]> {
  const rows = await db
    .selectFrom('users')
    .select(userColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  const roles = await rolesByUser(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    name: row.name,
    roles: roles.get(row.id) ?? [],
    platformAdmin: row.is_platform_admin === 1,
    disabled: row.disabled_at !== null,
  }));
}

export async function findUser(db: Db, userId: string): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const roles = await rolesByUser(db, [row.id]);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    name: row.name,
    roles: roles.get(row.id) ?? [],
    platformAdmin: row.is_platform_admin === 1,
    disabled: row.disabled_at !== null,
  };
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export interface UserToInsert {
  organisationId: string | null;
  name: string;
  email: string;
  passwordHash: string;
  roles: Role[];
  platformAdmin: boolean;
}

export async function insertUser(db: Db, user: UserToInsert, at: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      organisation_id: user.organisationId,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      is_platform_admin: user.platformAdmin ? 1 : 0,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await replaceRoles(db, id, user.roles);
  return id;
}

export async function replaceRoles(db: Db, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function setDisabled(
  db: Db,
  userId: string,
  disabledAt: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabledAt, updated_at: at })
    .where('id', '=', userId)
    .execute();
}
