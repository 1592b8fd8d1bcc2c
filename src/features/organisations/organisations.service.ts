import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { type Result, invalid, ok } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import { hashPassword } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Organisation, StaffUser } from './organisations.core.ts';
import { can } from './organisations.permissions.ts';
import {
  emailTaken,
  findOrganisation,
  findUser,
  insertOrganisation,
  insertUser,
  listOrganisations,
  listUsersOf,
  organisationNameTaken,
  replaceRoles,
  setDisabled,
} from './organisations.repository.ts';
import type {
  ChangeUserInput,
  NewOrganisationInput,
  NewUserInput,
} from './organisations.schemas.ts';
import { deleteSessionsOfUser } from '../accounts/index.ts';

/**
 * The organisation an actor wants to manage users in. Another organisation's records are
 * "not found" rather than "forbidden", so their existence is not confirmed.
 */
export async function organisationToManage(
  { db }: Deps,
  actor: Actor,
  organisationId: string,
): Promise<Organisation> {
  const organisation = await findOrganisation(db, organisationId);
  if (organisation === undefined) throw new NotFoundError();
  if (!can(actor, 'manage_users', organisation)) {
    if (actor.organisationId !== organisation.id) throw new NotFoundError();
    throw new ForbiddenError();
  }
  return organisation;
}

export async function organisationsFor(deps: Deps, actor: Actor): Promise<Organisation[]> {
  if (can(actor, 'list_organisations')) return listOrganisations(deps.db);
  if (actor.organisationId === null) return [];
  const own = await findOrganisation(deps.db, actor.organisationId);
  return own ? [own] : [];
}

export async function createOrganisation(
  { db, clock }: Deps,
  actor: Actor,
  input: NewOrganisationInput,
): Promise<Result<Organisation>> {
  if (!can(actor, 'create_organisation')) throw new ForbiddenError();
  if (await organisationNameTaken(db, input.name))
    return invalid({ name: 'validation.organisationName.taken' });
  const organisation = await db.transaction().execute(async (trx) => {
    const created = await insertOrganisation(trx, input, clock().toISOString());
    await recordAudit(trx, clock, {
      actorUserId: actor.userId,
      action: 'organisation_created',
      recordType: 'organisation',
      recordId: created.id,
      organisationId: created.id,
      details: { type: created.type },
    });
    return created;
  });
  return ok(organisation);
}

/** Staff names and work emails are personal data: each look at the list is on the record. */
export async function usersOf(
  deps: Deps,
  actor: Actor,
  organisation: Organisation,
): Promise<StaffUser[]> {
  const users = await listUsersOf(deps.db, organisation.id);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'users_viewed',
    recordType: 'organisation',
    recordId: organisation.id,
    organisationId: organisation.id,
    details: { count: users.length },
  });
  return users;
}

export async function addUser(
  { db, clock }: Deps,
  actor: Actor,
  organisation: Organisation,
  input: NewUserInput,
): Promise<Result<{ id: string }>> {
  if (await emailTaken(db, input.email)) return invalid({ email: 'validation.email.taken' });
  const passwordHash = await hashPassword(input.password);
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      const userId = await insertUser(
        trx,
        {
          organisationId: organisation.id,
          name: input.name,
          email: input.email,
          passwordHash,
          roles: input.roles,
          platformAdmin: false,
        },
        clock().toISOString(),
      );
      await recordAudit(trx, clock, {
        actorUserId: actor.userId,
        action: 'user_added',
        recordType: 'user',
        recordId: userId,
        organisationId: organisation.id,
        details: { roles: input.roles },
      });
      return userId;
    });
  } catch (error) {
    // Someone added the same email address a moment earlier.
    if (isUniqueViolation(error)) return invalid({ email: 'validation.email.taken' });
    throw error;
  }
  return ok({ id });
}

export async function userToManage(
  deps: Deps,
  actor: Actor,
  organisation: Organisation,
  userId: string,
): Promise<StaffUser> {
  const user = await findUser(deps.db, userId);
  if (user === undefined || user.organisationId !== organisation.id) throw new NotFoundError();
  return user;
}

export async function changeUser(
  { db, clock }: Deps,
  actor: Actor,
  user: StaffUser,
  input: ChangeUserInput,
): Promise<Result<StaffUser>> {
  const disabling = input.access === 'disabled';
  // An admin cannot lock themselves out, or remove their own admin role, by mistake.
  if (user.id === actor.userId && (disabling || !input.roles.includes('admin'))) {
    return invalid({ roles: 'validation.roles.ownAdmin' });
  }
  await db.transaction().execute(async (trx) => {
    const at = clock().toISOString();
    await replaceRoles(trx, user.id, input.roles);
    if (disabling !== user.disabled) {
      await setDisabled(trx, user.id, disabling ? at : null, at);
      if (disabling) await deleteSessionsOfUser(trx, user.id);
    }
    await recordAudit(trx, clock, {
      actorUserId: actor.userId,
      action: 'user_changed',
      recordType: 'user',
      recordId: user.id,
      organisationId: user.organisationId,
      details: { roles: input.roles, access: input.access },
    });
  });
  return ok({ ...user, roles: input.roles, disabled: disabling });
}
