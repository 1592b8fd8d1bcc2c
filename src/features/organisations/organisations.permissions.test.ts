import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import type { Role } from './organisations.core.ts';
import { ROLES } from './organisations.core.ts';
import type { OrganisationAction } from './organisations.permissions.ts';
import { can, managesUsers } from './organisations.permissions.ts';

const OWN = { id: 'org-own' };
const OTHER = { id: 'org-other' };

function actor(
  roles: Role[],
  options: { platformAdmin?: boolean; organisationId?: string | null } = {},
): Actor {
  const organisationId = options.organisationId === undefined ? OWN.id : options.organisationId;
  return {
    userId: 'user-1',
    name: 'Ana Silva',
    email: 'ana@heard.example',
    organisationId,
    organisationName: organisationId === null ? null : 'Northshire Council',
    organisationType: organisationId === null ? null : 'council',
    roles,
    platformAdmin: options.platformAdmin ?? false,
  };
}

const platformAdmin = actor([], { platformAdmin: true, organisationId: null });
const admin = actor(['admin']);
const adminAndLead = actor(['admin', 'lead']);
const adminWithoutOrganisation = actor(['admin'], { organisationId: null });
const NON_ADMIN_ROLES = ROLES.filter((role) => role !== 'admin');
const everyNonAdminRole = actor([...NON_ADMIN_ROLES]);
const noRoles = actor([]);

describe('can', () => {
  it.each([
    // A platform administrator manages organisations, and any organisation's users.
    {
      who: 'platform admin',
      actor: platformAdmin,
      action: 'list_organisations',
      organisation: undefined,
      allowed: true,
    },
    {
      who: 'platform admin',
      actor: platformAdmin,
      action: 'create_organisation',
      organisation: undefined,
      allowed: true,
    },
    {
      who: 'platform admin',
      actor: platformAdmin,
      action: 'manage_users',
      organisation: OWN,
      allowed: true,
    },
    {
      who: 'platform admin',
      actor: platformAdmin,
      action: 'manage_users',
      organisation: OTHER,
      allowed: true,
    },
    // An organisation's admin manages that organisation's users and no other's.
    { who: 'admin', actor: admin, action: 'manage_users', organisation: OWN, allowed: true },
    { who: 'admin', actor: admin, action: 'manage_users', organisation: OTHER, allowed: false },
    { who: 'admin', actor: admin, action: 'manage_users', organisation: undefined, allowed: false },
    {
      who: 'admin and lead',
      actor: adminAndLead,
      action: 'manage_users',
      organisation: OWN,
      allowed: true,
    },
    {
      who: 'admin and lead',
      actor: adminAndLead,
      action: 'manage_users',
      organisation: OTHER,
      allowed: false,
    },
    {
      who: 'admin in no organisation',
      actor: adminWithoutOrganisation,
      action: 'manage_users',
      organisation: OWN,
      allowed: false,
    },
    {
      who: 'admin',
      actor: admin,
      action: 'list_organisations',
      organisation: undefined,
      allowed: false,
    },
    {
      who: 'admin',
      actor: admin,
      action: 'create_organisation',
      organisation: undefined,
      allowed: false,
    },
    // Every other role together still manages no users and no organisations.
    {
      who: 'every other role',
      actor: everyNonAdminRole,
      action: 'manage_users',
      organisation: OWN,
      allowed: false,
    },
    {
      who: 'every other role',
      actor: everyNonAdminRole,
      action: 'list_organisations',
      organisation: undefined,
      allowed: false,
    },
    {
      who: 'every other role',
      actor: everyNonAdminRole,
      action: 'create_organisation',
      organisation: undefined,
      allowed: false,
    },
    { who: 'no roles', actor: noRoles, action: 'manage_users', organisation: OWN, allowed: false },
  ] satisfies {
    who: string;
    actor: Actor;
    action: OrganisationAction;
    organisation: { id: string } | undefined;
    allowed: boolean;
  }[])(
    '$who, $action on $organisation.id -> $allowed',
    ({ actor, action, organisation, allowed }) => {
      expect(can(actor, action, organisation)).toBe(allowed);
    },
  );

  describe.each(NON_ADMIN_ROLES.map((role) => ({ role })))('$role', ({ role }) => {
    const person = actor([role]);

    it.each([OWN, OTHER])('cannot manage the users of $id', (organisation) => {
      expect(can(person, 'manage_users', organisation)).toBe(false);
    });

    it('cannot manage users anywhere', () => {
      expect(managesUsers(person)).toBe(false);
    });
  });

  describe.each([
    { who: 'platform admin', person: platformAdmin, lists: true },
    {
      who: 'platform admin who is also an organisation admin',
      person: actor(['admin'], { platformAdmin: true }),
      lists: true,
    },
    ...ROLES.map((role) => ({ who: role, person: actor([role]), lists: false })),
    { who: 'every role', person: actor([...ROLES]), lists: false },
    { who: 'no roles', person: noRoles, lists: false },
  ])('$who', ({ person, lists }) => {
    it.each(['list_organisations', 'create_organisation'] as const)(
      `${lists ? 'may' : 'may not'} %s`,
      (action) => {
        expect(can(person, action)).toBe(lists);
        expect(can(person, action, OWN)).toBe(lists);
      },
    );
  });
});

describe('managesUsers', () => {
  it.each([
    { who: 'platform admin', person: platformAdmin, manages: true },
    { who: 'admin', person: admin, manages: true },
    { who: 'admin and lead', person: adminAndLead, manages: true },
    { who: 'every other role', person: everyNonAdminRole, manages: false },
    { who: 'no roles', person: noRoles, manages: false },
  ])('$who -> $manages', ({ person, manages }) => {
    expect(managesUsers(person)).toBe(manages);
  });

  it('agrees with can: whoever may manage some organisation’s users passes managesUsers', () => {
    const people = [platformAdmin, admin, adminAndLead, everyNonAdminRole, noRoles];
    for (const person of people) {
      if (can(person, 'manage_users', OWN) || can(person, 'manage_users', OTHER)) {
        expect(managesUsers(person)).toBe(true);
      }
    }
  });
});
