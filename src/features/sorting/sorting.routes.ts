import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { detectSafeguarding } from '../../analysis/triage/safeguarding.ts';
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { suppressSmall } from '../../platform/small-counts.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { type Engagement, engagementFor } from '../engagements/index.ts';
import { toCsv } from '../../platform/csv-writing.ts';
import { type Voice, voiceLabels } from '../voices/index.ts';
import { TRIAGE_STATES } from './sorting.core.ts';
import { sortingLabels } from './sorting.labels.ts';
import { maySort } from './sorting.permissions.ts';
import {
  campaignDecisionSchema,
  consentSchema,
  handoverSchema,
  safeguardingDecisionSchema,
  sortDecisionSchema,
} from './sorting.schemas.ts';
import {
  campaignIn,
  caseworkExport,
  decideSafeguarding,
  decideSort,
  handOver,
  recordConsent,
  sortingCounts,
  sortingQueue,
  sortingRecord,
  voiceToDecide,
  weighCampaign,
} from './sorting.service.ts';

type EngagementParams = { Params: { engagementId: string } };
type VoiceParams = { Params: { engagementId: string; voiceId: string } };
type CampaignParams = { Params: { engagementId: string; groupId: string } };

const VIEWS = 'sorting/views';
const staff = { access: 'signed-in' } as const;

type Decide<S extends z.ZodType> = (
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  voiceId: string,
  input: z.output<S>,
) => Promise<void>;

/** Staff pages for sorting voices: the queue, one voice's record, the decisions, casework. */
export function sortingRoutes(app: FastifyInstance, deps: Deps): void {
  const labels = sortingLabels(deps.t);
  const voiceWords = voiceLabels(deps.t);
  const base = (engagement: Engagement) => `/engagements/${engagement.id}/sorting`;

  app.get<EngagementParams>(
    '/engagements/:engagementId/sorting',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      if (!maySort(actor, engagement)) {
        const counts = await sortingCounts(deps, engagement);
        return reply.render(`${VIEWS}/counts.njk`, {
          engagement,
          rows: TRIAGE_STATES.map((state) => ({
            state: labels.states[state],
            count: suppressSmall(counts.get(state) ?? 0),
          })),
        });
      }
      const queue = await sortingQueue(deps, actor, engagement);
      const { saved } = request.query as { saved?: string };
      const now = deps.clock().toISOString();
      return reply.render(`${VIEWS}/queue.njk`, {
        engagement,
        labels,
        perspectives: voiceWords.perspectives,
        counts: TRIAGE_STATES.map((state) => ({
          state: labels.states[state],
          count: queue.counts.get(state) ?? 0,
        })),
        flags: queue.flags.map((flag) => ({
          ...flag,
          flaggedOn: formatDate(flag.flaggedAt),
          dueOn: formatDate(flag.dueAt),
          overdue: flag.dueAt <= now,
          escalatedOn: flag.escalatedAt && formatDate(flag.escalatedAt),
          withdrawnOn: flag.voice.withdrawnAt && formatDate(flag.voice.withdrawnAt),
          // A flag from words such as "abused", or from the model alone, names no kind.
          categories:
            flag.categories.length === 0
              ? [deps.t('sorting.categories.unspecified')]
              : flag.categories.map((category) => labels.categories[category] ?? category),
        })),
        suggestedConcerns: queue.suggestedConcerns.map((voice) => ({
          voice,
          date: formatDate(voice.createdAt),
        })),
        casework: queue.casework.map((item) => ({
          ...item,
          date: formatDate(item.voice.createdAt),
          passedOn: item.handover && formatDate(item.handover.passedAt),
        })),
        offTopic: queue.offTopic.map((voice) => ({ voice, date: formatDate(voice.createdAt) })),
        records: queue.safeguardingRecords.map((voice) => ({
          voice,
          date: formatDate(voice.createdAt),
          state: labels.states[voice.triageState] ?? voice.triageState,
        })),
        campaigns: queue.campaigns,
        saved: saved !== undefined,
      });
    },
  );

  async function recordPage(request: FastifyRequest<VoiceParams>, reply: FastifyReply) {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'see_identifiable_voices',
    );
    const record = await sortingRecord(deps, actor, engagement, request.params.voiceId);
    const query = request.query as { saved?: string };
    return reply.render(`${VIEWS}/record.njk`, {
      engagement,
      labels,
      record,
      date: formatDate(record.voice.createdAt),
      state: labels.states[record.voice.triageState] ?? record.voice.triageState,
      // Shown so the named person sees which of the person's words raised the flag.
      matched: [...new Set(detectSafeguarding(record.voice.text).matches.map((m) => m.phrase))],
      contact: record.contact && {
        route: voiceWords.contactRoutes[record.contact.route] ?? record.contact.route,
        detail: record.contact.detail,
      },
      suggestions: record.suggestions.map((s) => ({
        ...s,
        date: formatDate(s.createdAt),
        score: s.score.toFixed(2),
      })),
      decisions: record.decisions
        .map((d) => ({
          ...d,
          date: formatDate(d.decidedAt),
          outcomeText:
            d.kind === 'safeguarding'
              ? labels.safeguardingOutcomes[d.outcome]
              : labels.sortOutcomes[d.outcome],
        }))
        .reverse(),
      consentText: record.consent && labels.consentAnswers[record.consent.answer],
      consentOn: record.consent && formatDate(record.consent.recordedAt),
      passedOn: record.handover && formatDate(record.handover.passedAt),
      flagDue: record.flag && formatDate(record.flag.dueAt),
      saved: query.saved !== undefined,
    });
  }

  app.get<VoiceParams>(
    '/engagements/:engagementId/sorting/voices/:voiceId',
    { config: staff },
    recordPage,
  );

  async function formContext(request: FastifyRequest<VoiceParams>) {
    const actor: Actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'see_identifiable_voices',
    );
    return { actor, engagement, voiceId: request.params.voiceId };
  }

  /** A decision form about one voice, on a page of its own: one question at a time. */
  function decisionForm<S extends z.ZodType>(kind: string, schema: S, decide: Decide<S>): void {
    const path = `/engagements/:engagementId/sorting/voices/:voiceId/${kind}`;
    const page = (engagement: Engagement, voice: Voice, values: unknown, errors?: unknown) => ({
      kind,
      engagement,
      labels,
      voice,
      date: formatDate(voice.createdAt),
      values,
      errors,
    });
    app.get<VoiceParams>(path, { config: staff }, async (request, reply) => {
      const { actor, engagement, voiceId } = await formContext(request);
      const voice = await voiceToDecide(deps, actor, engagement, voiceId);
      return reply.render(`${VIEWS}/decide.njk`, page(engagement, voice, {}));
    });
    app.post<VoiceParams>(path, { config: staff }, async (request, reply) => {
      const { actor, engagement, voiceId } = await formContext(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(schema, body);
      if (!parsed.ok) {
        const voice = await voiceToDecide(deps, actor, engagement, voiceId);
        return reply
          .code(400)
          .render(`${VIEWS}/decide.njk`, page(engagement, voice, body, parsed.errors));
      }
      // The decision looks the voice up itself, in its transaction (unknown: not found).
      await decide(deps, actor, engagement, voiceId, parsed.value);
      return reply.redirect(`${base(engagement)}/voices/${voiceId}?saved=1`, 303);
    });
  }

  decisionForm('safeguarding', safeguardingDecisionSchema, decideSafeguarding);
  decisionForm('sort', sortDecisionSchema, decideSort);
  decisionForm('consent', consentSchema, recordConsent);
  decisionForm('handover', handoverSchema, handOver);

  async function campaignEngagement(request: FastifyRequest<CampaignParams>) {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'see_identifiable_voices',
    );
    return { actor, engagement, groupId: request.params.groupId };
  }

  const campaignPath = '/engagements/:engagementId/sorting/campaigns/:groupId';
  app.get<CampaignParams>(campaignPath, { config: staff }, async (request, reply) => {
    const { engagement, groupId } = await campaignEngagement(request);
    const campaign = await campaignIn(deps, engagement, groupId);
    return reply.render(`${VIEWS}/decide.njk`, {
      kind: 'campaign',
      engagement,
      labels,
      groupId,
      campaign,
      values: {},
    });
  });
  // A valid decision goes straight to weighCampaign, which finds the group itself (404 if gone).
  app.post<CampaignParams>(campaignPath, { config: staff }, async (request, reply) => {
    const { actor, engagement, groupId } = await campaignEngagement(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(campaignDecisionSchema, body);
    if (!parsed.ok) {
      const campaign = await campaignIn(deps, engagement, groupId);
      return reply.code(400).render(`${VIEWS}/decide.njk`, {
        kind: 'campaign',
        engagement,
        labels,
        groupId,
        campaign,
        values: body,
        errors: parsed.errors,
      });
    }
    await weighCampaign(deps, actor, engagement, groupId, parsed.value);
    return reply.redirect(`${base(engagement)}?saved=campaign#campaigns`, 303);
  });

  app.get<EngagementParams>(
    '/engagements/:engagementId/casework.csv',
    { config: staff },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_identifiable_voices',
      );
      const rows = await caseworkExport(deps, actor, engagement);
      const c = (key: string) => deps.t(`sorting.casework.${key}`);
      const csv = toCsv([
        [
          'id',
          'date',
          'words',
          'perspective',
          'contactRoute',
          'contactDetail',
          'consentRecorded',
          'passedTo',
          'passedOn',
        ].map(c),
        ...rows.map(({ item, contact }) => [
          item.voice.id,
          item.voice.createdAt.slice(0, 10),
          item.voice.text,
          voiceWords.perspectives[item.voice.perspective] ?? item.voice.perspective,
          contact ? (voiceWords.contactRoutes[contact.route] ?? contact.route) : '',
          contact?.detail ?? '',
          item.consent?.recordedAt.slice(0, 10) ?? '',
          item.handover?.passedTo ?? '',
          item.handover?.passedAt.slice(0, 10) ?? '',
        ]),
      ]);
      const day = deps.clock().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="casework-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
