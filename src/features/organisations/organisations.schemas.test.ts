import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseForm } from '../../platform/forms.ts';
import { catalogues, lookup } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/result.ts';
import {
  ORGANISATION_TYPES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
} from './organisations.core.ts';
import { changeUserSchema, newOrganisationSchema, newUserSchema } from './organisations.schemas.ts';

const GOOD_PASSWORD = 'correct horse battery staple';

const goodOrganisation = { name: 'Northshire Council', type: 'council' };
const goodUser = {
  name: 'Ana Silva',
  email: 'ana@council.example',
  roles: 'officer',
  password: GOOD_PASSWORD,
};
const goodChange = { roles: ['admin', 'lead'], access: 'active' };

/** The problems found in a refused input; every one must be a key in the English catalogue. */
function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const parsed = parseForm(schema, input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const missing = Object.values(parsed.errors).filter(
    (key) => lookup(catalogues.en, key) === undefined,
  );
  expect(missing, 'message keys missing from the English catalogue').toEqual([]);
  return parsed.errors;
}

/** A well-formed address of exactly `length` characters (64-character local part). */
function emailOfLength(length: number): string {
  const local = 'a'.repeat(64);
  let remaining = length - local.length - '@'.length - '.example'.length;
  const labels: string[] = [];
  while (remaining > 63) {
    labels.push('d'.repeat(62));
    remaining -= 63;
  }
  labels.push('d'.repeat(remaining));
  return `${local}@${labels.join('.')}.example`;
}

function valueOf<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseForm(schema, input);
  if (!parsed.ok) throw new Error(`expected success, got ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

/** The problem reported for a field: forms are flat, so a list's item problems are the list's. */
function problemWith(errors: FieldErrors, field: string): string | undefined {
  expect(Object.keys(errors).every((key) => !key.includes('.'))).toBe(true);
  return errors[field];
}

describe('newOrganisationSchema', () => {
  it('accepts a name and type, trimming the name', () => {
    expect(valueOf(newOrganisationSchema, { ...goodOrganisation, name: '  Northshire  ' })).toEqual(
      { name: 'Northshire', type: 'council' },
    );
  });

  it.each(ORGANISATION_TYPES.map((type) => ({ type })))('accepts type $type', ({ type }) => {
    expect(valueOf(newOrganisationSchema, { ...goodOrganisation, type }).type).toBe(type);
  });

  it('accepts a name of exactly 200 characters', () => {
    const name = 'n'.repeat(200);
    expect(valueOf(newOrganisationSchema, { ...goodOrganisation, name }).name).toBe(name);
  });

  it.each([
    {
      case: 'missing name',
      input: { type: 'council' },
      field: 'name',
      key: 'validation.organisationName.missing',
    },
    {
      case: 'empty name',
      input: { ...goodOrganisation, name: '' },
      field: 'name',
      key: 'validation.organisationName.missing',
    },
    {
      case: 'blank name',
      input: { ...goodOrganisation, name: '   ' },
      field: 'name',
      key: 'validation.organisationName.missing',
    },
    {
      case: 'name not text',
      input: { ...goodOrganisation, name: 42 },
      field: 'name',
      key: 'validation.organisationName.missing',
    },
    {
      case: 'name too long',
      input: { ...goodOrganisation, name: 'n'.repeat(201) },
      field: 'name',
      key: 'validation.organisationName.tooLong',
    },
    {
      case: 'missing type',
      input: { name: 'Northshire' },
      field: 'type',
      key: 'validation.organisationType.missing',
    },
    {
      case: 'unknown type',
      input: { ...goodOrganisation, type: 'charity' },
      field: 'type',
      key: 'validation.organisationType.missing',
    },
  ])('$case -> $field: $key', ({ input, field, key }) => {
    expect(problemWith(errorsOf(newOrganisationSchema, input), field)).toBe(key);
  });

  it('reports every field that is wrong, not only the first', () => {
    expect(Object.keys(errorsOf(newOrganisationSchema, {})).sort()).toEqual(['name', 'type']);
  });
});

describe('newUserSchema', () => {
  it('accepts a good user', () => {
    expect(valueOf(newUserSchema, goodUser)).toEqual({ ...goodUser, roles: ['officer'] });
  });

  it.each([
    { raw: '  Ana@Council.EXAMPLE  ', email: 'ana@council.example' },
    { raw: 'ANA.SILVA@COUNCIL.EXAMPLE', email: 'ana.silva@council.example' },
  ])('trims and lower-cases the email $raw', ({ raw, email }) => {
    expect(valueOf(newUserSchema, { ...goodUser, email }).email).toBe(email);
    expect(valueOf(newUserSchema, { ...goodUser, email: raw }).email).toBe(email);
  });

  it('accepts an email of 254 characters, the most an address can have', () => {
    const email = emailOfLength(254);
    expect(email).toHaveLength(254);
    expect(emailOfLength(255)).toHaveLength(255);
    expect(valueOf(newUserSchema, { ...goodUser, email }).email).toBe(email);
  });

  it('trims the name', () => {
    expect(valueOf(newUserSchema, { ...goodUser, name: ' Ana Silva ' }).name).toBe('Ana Silva');
  });

  it.each([
    { case: 'one role as a string', roles: 'lead', expected: ['lead'] },
    { case: 'one role in a list', roles: ['lead'], expected: ['lead'] },
    { case: 'several roles', roles: ['admin', 'lead'], expected: ['admin', 'lead'] },
    { case: 'a role repeated', roles: ['lead', 'admin', 'lead'], expected: ['lead', 'admin'] },
    { case: 'every role', roles: [...ROLES], expected: [...ROLES] },
  ])('accepts $case', ({ roles, expected }) => {
    expect(valueOf(newUserSchema, { ...goodUser, roles }).roles).toEqual(expected);
  });

  it.each([
    { case: 'shortest', password: 'p'.repeat(PASSWORD_MIN_LENGTH) },
    { case: 'longest', password: 'p'.repeat(PASSWORD_MAX_LENGTH) },
  ])('accepts the $case password allowed', ({ password }) => {
    expect(valueOf(newUserSchema, { ...goodUser, password }).password).toBe(password);
  });

  it.each([
    {
      case: 'missing name',
      input: { ...goodUser, name: undefined },
      field: 'name',
      key: 'validation.userName.missing',
    },
    {
      case: 'blank name',
      input: { ...goodUser, name: '  ' },
      field: 'name',
      key: 'validation.userName.missing',
    },
    {
      case: 'name too long',
      input: { ...goodUser, name: 'n'.repeat(201) },
      field: 'name',
      key: 'validation.userName.tooLong',
    },
    {
      case: 'missing email',
      input: { ...goodUser, email: undefined },
      field: 'email',
      key: 'validation.email.missing',
    },
    {
      case: 'blank email',
      input: { ...goodUser, email: '   ' },
      field: 'email',
      key: 'validation.email.missing',
    },
    {
      case: 'email without @',
      input: { ...goodUser, email: 'ana.council.example' },
      field: 'email',
      key: 'validation.email.format',
    },
    {
      case: 'email without domain',
      input: { ...goodUser, email: 'ana@' },
      field: 'email',
      key: 'validation.email.format',
    },
    {
      case: 'email with a space',
      input: { ...goodUser, email: 'ana silva@council.example' },
      field: 'email',
      key: 'validation.email.format',
    },
    {
      case: 'email too long',
      input: { ...goodUser, email: emailOfLength(255) },
      field: 'email',
      key: 'validation.email.format',
    },
    {
      case: 'missing roles',
      input: { ...goodUser, roles: undefined },
      field: 'roles',
      key: 'validation.roles.missing',
    },
    {
      case: 'no role ticked',
      input: { ...goodUser, roles: '' },
      field: 'roles',
      key: 'validation.roles.missing',
    },
    {
      case: 'empty role list',
      input: { ...goodUser, roles: [] },
      field: 'roles',
      key: 'validation.roles.missing',
    },
    {
      case: 'unknown role',
      input: { ...goodUser, roles: 'boss' },
      field: 'roles',
      key: 'validation.roles.unknown',
    },
    {
      case: 'unknown role among known',
      input: { ...goodUser, roles: ['lead', 'boss'] },
      field: 'roles',
      key: 'validation.roles.unknown',
    },
    {
      case: 'platform admin is not a role',
      input: { ...goodUser, roles: 'platformAdmin' },
      field: 'roles',
      key: 'validation.roles.unknown',
    },
    {
      case: 'missing password',
      input: { ...goodUser, password: undefined },
      field: 'password',
      key: 'validation.password.tooShort',
    },
    {
      case: 'short password',
      input: { ...goodUser, password: 'p'.repeat(PASSWORD_MIN_LENGTH - 1) },
      field: 'password',
      key: 'validation.password.tooShort',
    },
    {
      case: 'long password',
      input: { ...goodUser, password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1) },
      field: 'password',
      key: 'validation.password.tooLong',
    },
    {
      case: 'common password',
      input: { ...goodUser, password: 'password1234' },
      field: 'password',
      key: 'validation.password.common',
    },
    {
      case: 'common password in capitals',
      input: { ...goodUser, password: 'PassWord1234' },
      field: 'password',
      key: 'validation.password.common',
    },
  ])('$case -> $field: $key', ({ input, field, key }) => {
    expect(problemWith(errorsOf(newUserSchema, input), field)).toBe(key);
  });

  it('reports every field that is wrong, not only the first', () => {
    const errors = errorsOf(newUserSchema, {});
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password', 'roles']);
  });
});

describe('changeUserSchema', () => {
  it.each([
    {
      case: 'roles as a list, active',
      input: goodChange,
      expected: { roles: ['admin', 'lead'], access: 'active' },
    },
    {
      case: 'one role as a string, disabled',
      input: { roles: 'officer', access: 'disabled' },
      expected: { roles: ['officer'], access: 'disabled' },
    },
    {
      case: 'a role repeated',
      input: { roles: ['lead', 'lead'], access: 'active' },
      expected: { roles: ['lead'], access: 'active' },
    },
  ])('accepts $case', ({ input, expected }) => {
    expect(valueOf(changeUserSchema, input)).toEqual(expected);
  });

  it.each([
    {
      case: 'missing roles',
      input: { access: 'active' },
      field: 'roles',
      key: 'validation.roles.missing',
    },
    {
      case: 'no role ticked',
      input: { ...goodChange, roles: '' },
      field: 'roles',
      key: 'validation.roles.missing',
    },
    {
      case: 'unknown role',
      input: { ...goodChange, roles: ['admin', 'owner'] },
      field: 'roles',
      key: 'validation.roles.unknown',
    },
    {
      case: 'missing access',
      input: { roles: 'lead' },
      field: 'access',
      key: 'validation.access.missing',
    },
    {
      case: 'unknown access',
      input: { ...goodChange, access: 'suspended' },
      field: 'access',
      key: 'validation.access.missing',
    },
  ])('$case -> $field: $key', ({ input, field, key }) => {
    expect(problemWith(errorsOf(changeUserSchema, input), field)).toBe(key);
  });
});
