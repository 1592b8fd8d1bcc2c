export const ORGANISATION_TYPES = ['council', 'advocacy', 'provider', 'community'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = ['admin', 'lead', 'advocate', 'decision_maker', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  createdAt: string;
}

export interface StaffUser {
  id: string;
  organisationId: string | null;
  email: string;
  name: string;
  roles: Role[];
  platformAdmin: boolean;
  disabled: boolean;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords people reach for first; refused whatever their length. */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmein12345',
  'iloveyou1234',
  'welcome12345',
  'changeme1234',
]);

/** NCSC and OWASP advice: length over composition rules, and no well-known passwords. */
export const isCommonPassword = (password: string): boolean =>
  COMMON_PASSWORDS.has(password.toLowerCase());
