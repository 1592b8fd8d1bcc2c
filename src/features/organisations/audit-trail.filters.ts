import { z } from 'zod';
import { ukDayStart } from '../../platform/dates.ts';
import { blankIsAll, dayFilter } from '../../platform/filters.ts';
import { dateFromParts } from '../../platform/forms.ts';
import { AUDIT_KINDS, type AuditTrailFilters, actionsOfKind } from '../audit/index.ts';

// The trail's filter form. A choice left blank ("Everyone", "Everything") filters nothing; dates
// are UK calendar days, from the start of `from` to the end of `to`.

const UNKNOWN_PERSON = 'auditTrail.errors.unknownPerson';
const UNKNOWN_KIND = 'auditTrail.errors.unknownKind';

export const auditTrailFiltersSchema = z
  .object({
    person: blankIsAll(z.string().max(64, UNKNOWN_PERSON), UNKNOWN_PERSON),
    kind: blankIsAll(z.enum(AUDIT_KINDS, { error: UNKNOWN_KIND }), UNKNOWN_KIND),
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
