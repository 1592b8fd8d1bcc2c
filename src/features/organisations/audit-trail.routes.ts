import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDateTime } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { queryString } from '../../platform/http/query-string.ts';
import { pageOf, paginationLinks, requestedPage } from '../../platform/paging.ts';
import { requireActor } from '../accounts/index.ts';
import { AUDIT_KINDS } from '../audit/index.ts';
import {
  auditTrailCsv,
  auditTrailPage,
  EVENTS_PER_PAGE,
  MOST_EVENTS_IN_A_DOWNLOAD,
  whatAbout,
  whatHappened,
} from './audit-trail.service.ts';
import { auditTrailFiltersSchema, choicesFromPage, toTrailFilters } from './audit-trail.filters.ts';
import { managesUsers } from './organisations.permissions.ts';
import { listUsersOf } from './organisations.repository.ts';
import { organisationToManage } from './organisations.service.ts';

type OrganisationParams = { Params: { organisationId: string } };

const userManager = { access: managesUsers };

/**
 * The audit trail of an organisation, for its admin (and the platform administrator): a page with
 * filters, and the same as a CSV file. A person not in the organisation's list is a 400, as is a
 * date that does not exist.
 */
export function auditTrailRoutes(app: FastifyInstance, deps: Deps): void {
  async function trail(request: FastifyRequest<OrganisationParams>) {
    const actor = requireActor(request);
    const organisation = await organisationToManage(deps, actor, request.params.organisationId);
    const people = await listUsersOf(deps.db, organisation.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const parsed = parseForm(auditTrailFiltersSchema, choicesFromPage(query));
    const unknownPerson =
      parsed.ok &&
      parsed.value.person !== undefined &&
      !people.some((person) => person.id === parsed.value.person);
    const errors = parsed.ok
      ? unknownPerson
        ? { person: 'auditTrail.errors.unknownPerson' }
        : undefined
      : parsed.errors;
    const filters =
      parsed.ok && errors === undefined ? toTrailFilters(organisation.id, parsed.value) : undefined;
    return { actor, organisation, people, query, errors, filters };
  }

  app.get<OrganisationParams>(
    '/organisations/:organisationId/audit',
    { config: userManager },
    async (request, reply) => {
      const { actor, organisation, people, query, errors, filters } = await trail(request);
      const page =
        filters === undefined
          ? pageOf([], 1, EVENTS_PER_PAGE)
          : await auditTrailPage(deps, actor, organisation, filters, requestedPage(query.page));
      const path = `/organisations/${organisation.id}/audit`;
      return reply
        .code(errors === undefined ? 200 : 400)
        .render('organisations/views/audit-trail.njk', {
          organisation,
          people,
          kinds: AUDIT_KINDS,
          downloadLimit: MOST_EVENTS_IN_A_DOWNLOAD,
          downloadLimitText: MOST_EVENTS_IN_A_DOWNLOAD.toLocaleString('en-GB'),
          events: page.items.map((event) => ({
            when: formatDateTime(event.occurredAt),
            at: event.occurredAt,
            who: event.actorName,
            what: whatHappened(deps.t, event.action),
            about: whatAbout(deps.t, event),
          })),
          page,
          pagination: paginationLinks(path, query, page),
          values: query,
          errors,
          errorAnchors: { from: 'from-day', to: 'to-day' },
          csvHref: `${path}.csv${queryString(request)}`,
        });
    },
  );

  app.get<OrganisationParams>(
    '/organisations/:organisationId/audit.csv',
    { config: userManager },
    async (request, reply) => {
      const { actor, organisation, errors, filters } = await trail(request);
      if (filters === undefined) {
        const first = Object.values(errors ?? {})[0] ?? 'auditTrail.errors.unknownKind';
        return reply.code(400).type('text/plain; charset=utf-8').send(deps.t(first));
      }
      const csv = await auditTrailCsv(deps, actor, organisation, filters);
      const day = deps.clock().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-trail-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
