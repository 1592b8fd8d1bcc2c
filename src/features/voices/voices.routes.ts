import { formatDate } from '../../platform/dates.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { queryString } from '../../platform/http/query-string.ts';
import { pageOf, paginationLinks, requestedPage } from '../../platform/paging.ts';
import { requireActor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Engagement,
  PERSPECTIVES,
  can,
  engagementFor,
  listPrompts,
  takesVoices,
} from '../engagements/index.ts';
import { listSessions, sessionLabel } from '../sessions/index.ts';
import { type VoiceParams, advocacyVoice } from './voices.advocacy-voice.ts';
import { voicesOnRequestRoutes } from './voices.on-request.routes.ts';
import { type CardContext, advocacyCard, councilCard } from './voices.cards.ts';
import { CHANNELS, type Voice } from './voices.core.ts';
import { exportVoices } from './voices.export.ts';
import { filtersFromPage, toVoiceFilters, voiceFiltersSchema } from './voices.filters.ts';
import { voiceLabels } from './voices.labels.ts';
import { findContact, staffNames } from './voices.repository.ts';
import { correctionSchema } from './voices.schemas.ts';
import { correctVoice, voiceWithHistory, voicesPageFor } from './voices.service.ts';

type EngagementParams = { Params: { engagementId: string } };

const VIEWS = 'voices/views';

/** Voices shown on one page of the staff list; the CSV holds every voice the filters match. */
export const VOICES_PER_PAGE = 50;

/**
 * Anyone signed in may ask; the engagement decides what they get. Outside both organisations:
 * not found. Council roles: de-identified voices, and "forbidden" for a single voice's record.
 */
const staff = { access: 'signed-in' } as const;

/** The shared messages speak to a participant; here a member of staff corrects the words. */
const CORRECTION_WORDING: Record<string, string> = {
  'validation.voice.empty': 'voices.correct.errors.textEmpty',
  'validation.voice.tooLong': 'voices.correct.errors.textTooLong',
};

/** What an import from a spreadsheet counted, for the banner it comes back to. */
const IMPORT_COUNTS = ['imported', 'alreadyImported', 'noConsent', 'empty', 'flagged'] as const;

/** The import's counts from the query string, whole numbers only; undefined after anything else. */
function importCounts(
  query: Record<string, unknown>,
): Record<(typeof IMPORT_COUNTS)[number], number> | undefined {
  if (query.saved !== 'imported') return undefined;
  const counts = { imported: 0, alreadyImported: 0, noConsent: 0, empty: 0, flagged: 0 };
  for (const name of IMPORT_COUNTS) {
    const value = query[name];
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined;
    counts[name] = Number(value);
  }
  return counts;
}

/** Staff pages for voices: the filtered list, its CSV, one voice's record and corrections. */
export function voicesRoutes(app: FastifyInstance, deps: Deps): void {
  const labels = voiceLabels(deps.t);

  async function cardContext(engagement: Engagement, identifiable: boolean, voices: Voice[]) {
    const prompts = await listPrompts(deps.db, engagement.id);
    const sessions = identifiable ? await listSessions(deps.db, engagement.id) : [];
    const context: CardContext = {
      t: deps.t,
      labels,
      questions: new Map(prompts.map((prompt) => [prompt.id, prompt.questionPlain])),
      sessions: new Map(sessions.map((session) => [session.id, session])),
      names: identifiable
        ? await staffNames(
            deps.db,
            voices.flatMap((voice) => voice.capturedById ?? []),
          )
        : new Map<string, string>(),
    };
    return { prompts, sessions, context };
  }

  async function showVoices(
    request: FastifyRequest<EngagementParams>,
    reply: FastifyReply,
    format: 'page' | 'csv',
  ) {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'see_voices');
    const identifiable = can(actor, 'see_identifiable_voices', engagement);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const parsed = parseForm(voiceFiltersSchema, filtersFromPage(query));
    // Sessions are the advocacy organisation's record: council roles cannot filter by one.
    const filters = parsed.ok
      ? toVoiceFilters({
          ...parsed.value,
          session: identifiable ? parsed.value.session : undefined,
        })
      : undefined;

    if (format === 'csv' && filters !== undefined) {
      const csv = await exportVoices(deps, actor, engagement, filters);
      const day = deps.clock().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="voices-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    }

    const shown = filters
      ? await voicesPageFor(
          deps,
          actor,
          engagement,
          filters,
          requestedPage(query.page),
          VOICES_PER_PAGE,
        )
      : undefined;
    const { prompts, sessions, context } = await cardContext(
      engagement,
      identifiable,
      shown?.view === 'advocacy' ? shown.page.items : [],
    );
    const cards =
      shown === undefined
        ? []
        : shown.view === 'advocacy'
          ? shown.page.items.map((voice) => advocacyCard(voice, context))
          : shown.page.items.map((voice) => councilCard(voice, context));
    const page = shown?.page ?? pageOf([], 1, VOICES_PER_PAGE);
    // The banner is for the page the import came back to, not for the pages after it.
    const filterQuery = Object.fromEntries(
      Object.entries(query).filter(
        ([name]) => name !== 'saved' && !IMPORT_COUNTS.some((c) => c === name),
      ),
    );
    return reply.code(parsed.ok ? 200 : 400).render(`${VIEWS}/list.njk`, {
      engagement,
      view: identifiable ? 'advocacy' : 'council',
      cards,
      page,
      pagination: paginationLinks(`/engagements/${engagement.id}/voices`, filterQuery, page),
      importCounts: importCounts(query),
      mayImport: can(actor, 'capture_voices', engagement) && takesVoices(engagement),
      filtered: shown !== undefined,
      values: query,
      errors: parsed.ok ? undefined : parsed.errors,
      errorAnchors: { from: 'from-day', to: 'to-day' },
      prompts,
      sessions: sessions.map((session) => ({
        id: session.id,
        label: sessionLabel(deps.t, session),
      })),
      perspectives: PERSPECTIVES,
      channels: CHANNELS,
      labels,
      csvHref: `/engagements/${engagement.id}/voices.csv${queryString(request)}`,
    });
  }

  app.get<EngagementParams>(
    '/engagements/:engagementId/voices',
    { config: staff },
    (request, reply) => showVoices(request, reply, 'page'),
  );

  app.get<EngagementParams>(
    '/engagements/:engagementId/voices.csv',
    { config: staff },
    (request, reply) => showVoices(request, reply, 'csv'),
  );

  app.get<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_identifiable_voices',
      );
      const { voice, versions } = await voiceWithHistory(
        deps,
        actor,
        engagement,
        request.params.voiceId,
      );
      const contact = await findContact(deps.db, voice.participantId);
      if (contact !== undefined) {
        await recordAudit(deps.db, deps.clock, {
          actorUserId: actor.userId,
          action: 'contact_viewed',
          recordType: 'participant',
          recordId: voice.participantId,
          organisationId: actor.organisationId,
          details: { voiceId: voice.id },
        });
      }
      const { context } = await cardContext(engagement, true, [voice]);
      const names = await staffNames(
        deps.db,
        versions.flatMap((version) => version.writtenById ?? []),
      );
      const query = request.query as { corrected?: string; aboutPersonDeleted?: string };
      return reply.render(`${VIEWS}/voice.njk`, {
        engagement,
        voice,
        card: advocacyCard(voice, context),
        contact: contact && {
          route: labels.contactRoutes[contact.route] ?? contact.route,
          detail: contact.detail,
        },
        // Newest first: the words as they stand, then what they were.
        versions: versions
          .map((version) => ({
            ...version,
            date: formatDate(version.createdAt),
            writtenBy:
              version.writtenById === null
                ? deps.t('voices.fields.themselves')
                : (names.get(version.writtenById) ?? ''),
          }))
          .reverse(),
        corrected: query.corrected !== undefined,
        aboutPersonDeleted: query.aboutPersonDeleted !== undefined,
        // Those who capture voices act for the person when they ask (see voices.on-request.routes).
        mayActForPerson: can(actor, 'capture_voices', engagement),
      });
    },
  );

  const voiceToCorrect = (request: FastifyRequest<VoiceParams>) => advocacyVoice(deps, request);

  app.get<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId/correct',
    { config: staff },
    async (request, reply) => {
      const { engagement, voice } = await voiceToCorrect(request);
      if (voice.withdrawnAt !== null)
        return reply.code(409).render(`${VIEWS}/withdrawn.njk`, { engagement, voice });
      return reply.render(`${VIEWS}/correct.njk`, {
        engagement,
        voice,
        values: { text: voice.text, isSummary: voice.isSummary ? 'summary' : 'words' },
      });
    },
  );

  app.post<VoiceParams>(
    '/engagements/:engagementId/voices/:voiceId/correct',
    { config: staff },
    async (request, reply) => {
      const { actor, engagement, voice } = await voiceToCorrect(request);
      if (voice.withdrawnAt !== null)
        return reply.code(409).render(`${VIEWS}/withdrawn.njk`, { engagement, voice });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(correctionSchema, body);
      if (!parsed.ok) {
        return reply.code(400).render(`${VIEWS}/correct.njk`, {
          engagement,
          voice,
          values: body,
          errors: Object.fromEntries(
            Object.entries(parsed.errors).map(([field, key]) => [
              field,
              CORRECTION_WORDING[key] ?? key,
            ]),
          ),
        });
      }
      await correctVoice(deps, actor, engagement, voice, parsed.value);
      return reply.redirect(`/engagements/${engagement.id}/voices/${voice.id}?corrected=1`, 303);
    },
  );

  voicesOnRequestRoutes(app, deps);
}
