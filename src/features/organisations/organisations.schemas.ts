import { z } from 'zod';
import { asList } from '../../platform/forms.ts';
import {
  ORGANISATION_TYPES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  isCommonPassword,
} from './organisations.core.ts';

// Messages are catalogue keys, so forms and the API explain a problem in the same plain words.

export const newOrganisationSchema = z.object({
  name: z
    .string({ error: 'validation.organisationName.missing' })
    .trim()
    .min(1, 'validation.organisationName.missing')
    .max(200, 'validation.organisationName.tooLong'),
  type: z.enum(ORGANISATION_TYPES, { error: 'validation.organisationType.missing' }),
});

const rolesField = z.preprocess(
  asList,
  z
    .array(z.enum(ROLES, { error: 'validation.roles.unknown' }), {
      error: 'validation.roles.missing',
    })
    .min(1, 'validation.roles.missing')
    .transform((roles) => [...new Set(roles)]),
);

export const passwordField = z
  .string({ error: 'validation.password.tooShort' })
  .min(PASSWORD_MIN_LENGTH, 'validation.password.tooShort')
  .max(PASSWORD_MAX_LENGTH, 'validation.password.tooLong')
  .refine((password) => !isCommonPassword(password), 'validation.password.common');

export const newUserSchema = z.object({
  name: z
    .string({ error: 'validation.userName.missing' })
    .trim()
    .min(1, 'validation.userName.missing')
    .max(200, 'validation.userName.tooLong'),
  email: z
    .string({ error: 'validation.email.missing' })
    .trim()
    .toLowerCase()
    .min(1, 'validation.email.missing')
    .pipe(z.email('validation.email.format').max(254, 'validation.email.format')),
  roles: rolesField,
  password: passwordField,
});

export const changeUserSchema = z.object({
  roles: rolesField,
  access: z.enum(['active', 'disabled'], { error: 'validation.access.missing' }),
});

export type NewOrganisationInput = z.output<typeof newOrganisationSchema>;
export type NewUserInput = z.output<typeof newUserSchema>;
export type ChangeUserInput = z.output<typeof changeUserSchema>;
