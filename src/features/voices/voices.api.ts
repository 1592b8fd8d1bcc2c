import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { PERSPECTIVES, can, engagementFor } from '../engagements/index.ts';
import { CHANNELS, CONSENT_GIVEN_BY, HELP_GIVEN, WHOSE_VIEW } from './voices.core.ts';
import { toVoiceFilters, voiceFiltersSchema } from './voices.filters.ts';
import { voicesPageFor } from './voices.service.ts';

/** The API's pages: big enough that few requests are needed, small enough to send quickly. */
const PER_PAGE = { default: 100, most: 500 } as const;

const deidentifiedVoice = z.object({
  id: z.string(),
  promptId: z.string(),
  perspective: z.enum(PERSPECTIVES),
  channel: z.enum(CHANNELS),
  text: z.string(),
  isSummary: z.boolean(),
  consentQuote: z.boolean(),
  createdAt: z.string(),
});

const advocacyVoice = deidentifiedVoice.extend({
  participantId: z.string(),
  sessionId: z.string().nullable(),
  capturedById: z.string().nullable(),
  helpGiven: z.array(z.enum(HELP_GIVEN)),
  whoseView: z.enum(WHOSE_VIEW),
  language: z.string(),
  consentUse: z.boolean(),
  consentGivenBy: z.enum(CONSENT_GIVEN_BY),
  triageState: z.string(),
  withdrawnAt: z.string().nullable(),
  version: z.number(),
});

/** Where this page sits in the whole list: the same fields for both shapes. */
const paging = {
  page: z.int().min(1).meta({ description: 'this page, from 1 (past the last: no voices)' }),
  perPage: z.int().min(1).max(PER_PAGE.most).meta({ description: 'most voices a page holds' }),
  total: z.int().min(0).meta({ description: 'voices matching the filters, on all pages' }),
  pages: z.int().min(1).meta({ description: 'how many pages there are (at least 1)' }),
};

/**
 * Two shapes, told apart by `view`. The council's has no field that could point to a person,
 * and the response schema drops anything not listed, so none can slip through.
 */
const voicesView = z.discriminatedUnion('view', [
  z.object({ view: z.literal('advocacy'), voices: z.array(advocacyVoice), ...paging }),
  z.object({ view: z.literal('council'), voices: z.array(deidentifiedVoice), ...paging }),
]);

/** A whole number in a query string, where it is text: digits only, so "1e2" or "2.5" is refused. */
const wholeNumber = (message: string, most = Number.MAX_SAFE_INTEGER) =>
  z
    .string({ error: message })
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number({ error: message }).int(message).min(1, message).max(most, message));

/** The staff page's filters, and which page of the answer to send. */
const voicesQuery = voiceFiltersSchema.safeExtend({
  page: wholeNumber('validation.paging.page')
    .default(1)
    .meta({ description: 'which page, from 1; 1 if not given' }),
  perPage: wholeNumber('validation.paging.perPage', PER_PAGE.most)
    .default(PER_PAGE.default)
    .meta({
      description: `how many voices a page holds, from 1 to ${String(PER_PAGE.most)}; ${String(PER_PAGE.default)} if not given`,
    }),
});

/**
 * RFC 8288 links to the next page and the one before (for a page past the end, the last page),
 * keeping the rest of the query string as it was sent.
 */
function pageLinks(path: string, url: string, page: number, pages: number): string | undefined {
  const at = url.indexOf('?');
  const search = new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
  const link = (number: number, rel: 'next' | 'prev'): string => {
    search.set('page', String(number));
    return `<${path}?${search.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page < pages ? [link(page + 1, 'next')] : []),
    ...(page > 1 ? [link(Math.min(page - 1, pages), 'prev')] : []),
  ];
  return links.length === 0 ? undefined : links.join(', ');
}

const engagementParams = z.object({ engagementId: z.string().max(64) });

/** Voices in an engagement, under the same rules as the staff pages. */
export function voicesApi(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/engagements/:engagementId/voices',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['voices'],
        summary:
          'Voices in an engagement: everything for the advocacy organisation (withdrawn voices without their words), de-identified voices with consent to use for council roles',
        description:
          'A page at a time, oldest first: `page` and `perPage` choose it, and the answer says how many voices match (`total`) and on how many `pages`. A page past the last has no voices. The `Link` header (RFC 8288) gives the next and previous pages, with the same filters.',
        params: engagementParams,
        querystring: voicesQuery,
        response: { 200: voicesView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      const identifiable = can(actor, 'see_identifiable_voices', engagement);
      const { page: requested, perPage, ...query } = request.query;
      const filters = toVoiceFilters({
        ...query,
        session: identifiable ? query.session : undefined,
      });
      const seen = await voicesPageFor(
        deps,
        actor,
        engagement,
        filters,
        requested,
        perPage,
        'empty',
      );
      const { number: page, count: pages, total } = seen.page;
      const links = pageLinks(
        `/api/v1/engagements/${encodeURIComponent(engagement.id)}/voices`,
        request.url,
        page,
        pages,
      );
      if (links !== undefined) reply.header('link', links);
      const place = { page, perPage, total, pages };
      if (seen.view === 'council') return { view: seen.view, voices: seen.page.items, ...place };
      return {
        view: seen.view,
        voices: seen.page.items.map((voice) =>
          voice.withdrawnAt === null ? voice : { ...voice, text: '' },
        ),
        ...place,
      };
    },
  );
}
