import { z } from 'zod';
import { ukDayStart } from '../../platform/dates.ts';
import { dateFromParts } from '../../platform/forms.ts';
import { AUDIT_KINDS, type AuditTrailFilters, actionsOfKind } from '../audit/index.ts';

// The trail's filter form. A choice left blank ('' from an "Everyone" or "Everything" option)
// filters nothing; dates are UK calendar days, from the start of `from` to the end of `to`.

const blankIsAll = <T extends z.ZodType<string>>(schema: T, message: string) =>
  z
    .union([z.literal(''), schema], { error: message })
    .optional()
    .transform((value) => (value === '' ? undefined : value));

const dayFilter = (message: string) =>
  blankIsAll(
    z.string().refine((value) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, message),
    message,
  );

export const auditTrailFiltersSchema = z
  .object({
    person: blankIsAll(z.string().max(64), 'auditTrail.errors.unknownPerson'),
    kind: blankIsAll(z.enum(AUDIT_KINDS), 'auditTrail.errors.unknownKind'),
    from: dayFilter('auditTrail.errors.fromInvalid'),
    to: dayFilter('auditTrail.errors.toInvalid'),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    path: ['to'],
    message: 'auditTrail.errors.toBeforeFrom',
  });

export type AuditTrailChoices = z.output<typeof auditTrailFiltersSchema>;

/** The form sends each date as day, month and year boxes. */
export const choicesFromPage = (query: Record<string, unknown>): Record<string, unknown> => ({
  person: query.person,
  kind: query.kind,
  from: dateFromParts(query, 'from'),
  to: dateFromParts(query, 'to'),
});

/** The day after a UK calendar day, as YYYY-MM-DD. */
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const toTrailFilters = (
  organisationId: string,
  choices: AuditTrailChoices,
): AuditTrailFilters => ({
  organisationId,
  actorUserId: choices.person,
  actions: choices.kind === undefined ? undefined : actionsOfKind(choices.kind),
  since: choices.from === undefined ? undefined : ukDayStart(choices.from),
  before: choices.to === undefined ? undefined : ukDayStart(nextDay(choices.to)),
});
