import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { dateFromParts, parseForm } from '../../platform/forms.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { suppressSmall } from '../../platform/small-counts.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { countByState } from '../sorting/sorting.repository.ts';
import { peopleByPerspective } from '../voices/people-heard.repository.ts';
import {
  PERSPECTIVES,
  PROMPT_KINDS,
  phaseMovesFrom,
  readinessToListen,
  type Engagement,
  type Prompt,
} from './engagements.core.ts';
import { can, canCreateEngagements } from './engagements.permissions.ts';
import { listAllPrompts, listEngagementsOf } from './engagements.repository.ts';
import {
  commitmentSchema,
  engagementSchema,
  newPromptFormSchema,
  phaseSchema,
  promptWordingSchema,
} from './engagements.schemas.ts';
import {
  addPrompt,
  changeEngagement,
  changePrompt,
  createEngagement,
  engagementFor,
  loadRecord,
  movePhase,
  signCommitment,
} from './engagements.service.ts';
import { heardFrom } from './engagements.heard-from.ts';
import { advocacyStaff, partnerOrganisations, peopleNames } from './engagements.lookups.ts';
import { readabilityOf } from './engagements.readability.ts';

type EngagementParams = { Params: { engagementId: string } };
type PromptParams = { Params: { engagementId: string; promptId: string } };
type Body = Record<string, unknown>;

const VIEWS = 'engagements/views';
const inAnOrganisation = { access: (actor: Actor) => actor.organisationId !== null };
const starter = { access: canCreateEngagements };

/** The form's fields, with dates put together from their day, month and year boxes. */
const engagementInput = (body: Body): Body => ({
  ...body,
  startsOn: dateFromParts(body, 'startsOn'),
  endsOn: dateFromParts(body, 'endsOn'),
});

/** Day, month and year boxes for a stored date, so the edit form shows it. */
function dateParts(name: string, iso: string | null): Body {
  const [year = '', month = '', day = ''] = iso?.split('-') ?? [];
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

function formValues(engagement: Engagement, actor: Actor): Body {
  return {
    title: engagement.title,
    partnerOrganisationId:
      actor.organisationId === engagement.advocacyOrganisationId
        ? engagement.commissioningOrganisationId
        : engagement.advocacyOrganisationId,
    purposePlain: engagement.purposePlain,
    purposeEasyRead: engagement.purposeEasyRead,
    openToInfluence: engagement.openToInfluence,
    alreadyDecided: engagement.alreadyDecided,
    audiences: engagement.audiences,
    areas: engagement.areas.join('\n'),
    safeguardingLeadId: engagement.safeguardingLeadId ?? '',
    safeguardingDeputyId: engagement.safeguardingDeputyId ?? '',
    ...dateParts('startsOn', engagement.startsOn),
    ...dateParts('endsOn', engagement.endsOn),
  };
}

export function engagementsRoutes(app: FastifyInstance, deps: Deps): void {
  async function renderForm(
    reply: FastifyReply,
    actor: Actor,
    context: { engagement?: Engagement; values: Body; errors?: FieldErrors },
  ): Promise<FastifyReply> {
    const advocacyId =
      context.engagement?.advocacyOrganisationId ??
      (actor.organisationType === 'advocacy' ? actor.organisationId : null);
    const [partners, staff] = await Promise.all([
      partnerOrganisations(deps.db, actor),
      advocacyId !== null && actor.organisationId === advocacyId
        ? advocacyStaff(deps.db, advocacyId)
        : Promise.resolve([]),
    ]);
    return reply.render(`${VIEWS}/form.njk`, {
      ...context,
      perspectives: PERSPECTIVES,
      partners,
      partnerLabel:
        actor.organisationType === 'advocacy'
          ? 'engagements.fields.council'
          : 'engagements.fields.advocacy',
      staff,
      choosesSafeguarding: staff.length > 0,
      errorAnchors: { audiences: 'audiences', startsOn: 'startsOn-day', endsOn: 'endsOn-day' },
    });
  }

  app.get('/engagements', { config: inAnOrganisation }, async (request, reply) => {
    const actor = requireActor(request);
    const engagements = await listEngagementsOf(deps.db, actor.organisationId ?? '');
    return reply.render(`${VIEWS}/list.njk`, {
      engagements,
      canStart: canCreateEngagements(actor),
    });
  });

  app.get('/engagements/new', { config: starter }, async (request, reply) =>
    renderForm(reply, requireActor(request), { values: { audiences: [] } }),
  );

  app.post('/engagements', { config: starter }, async (request, reply) => {
    const actor = requireActor(request);
    const body = (request.body ?? {}) as Body;
    const parsed = parseForm(engagementSchema, engagementInput(body));
    const created = parsed.ok ? await createEngagement(deps, actor, parsed.value) : parsed;
    if (!created.ok)
      return renderForm(reply.code(400), actor, { values: body, errors: created.errors });
    return reply.redirect(`/engagements/${created.value.id}?created=1`, 303);
  });

  app.get<EngagementParams>(
    '/engagements/:engagementId',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
      return renderOverview(reply, actor, engagement, request.query as Body);
    },
  );

  async function renderOverview(
    reply: FastifyReply,
    actor: Actor,
    engagement: Engagement,
    notice: Body,
    errors?: FieldErrors,
  ): Promise<FastifyReply> {
    const record = await loadRecord(deps, engagement);
    const seeVoices = can(actor, 'see_voices', engagement);
    const identifiable = can(actor, 'see_identifiable_voices', engagement);
    const names = await peopleNames(deps.db, [
      engagement.safeguardingLeadId,
      engagement.safeguardingDeputyId,
    ]);
    return reply.render(`${VIEWS}/overview.njk`, {
      ...record,
      commitment: record.commitments[0],
      earlierCommitments: record.commitments.slice(1),
      safeguardingLead: names.get(engagement.safeguardingLeadId ?? ''),
      safeguardingDeputy: names.get(engagement.safeguardingDeputyId ?? ''),
      readiness:
        engagement.phase === 'draft'
          ? readinessToListen(
              engagement,
              record.commitments[0],
              record.prompts,
              record.seedStatements,
            )
          : {},
      readability: can(actor, 'edit', engagement) ? readabilityOf(record) : [],
      moves: can(actor, 'move_phase', engagement) ? phaseMovesFrom(engagement.phase) : [],
      may: {
        edit: can(actor, 'edit', engagement),
        sign: can(actor, 'sign_commitment', engagement),
        capture: can(actor, 'capture_voices', engagement),
        seeVoices,
      },
      // How voices stand after sorting; council roles see counts of 1 to 4 as "fewer than 5".
      heardFrom:
        seeVoices && engagement.phase !== 'draft'
          ? heardFrom(
              await peopleByPerspective(deps.db, engagement.id),
              engagement.audiences,
              identifiable,
            )
          : undefined,
      sorting: seeVoices
        ? [...(await countByState(deps.db, engagement.id))].map(([state, count]) => ({
            state,
            count: identifiable ? count : suppressSmall(count),
          }))
        : [],
      notice,
      errors,
    });
  }

  app.get<EngagementParams>(
    '/engagements/:engagementId/edit',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'edit');
      return renderForm(reply, actor, { engagement, values: formValues(engagement, actor) });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/edit',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'edit');
      const body = (request.body ?? {}) as Body;
      // Only the advocacy organisation names its own safeguarding people; others keep what is set.
      const input =
        actor.organisationId === engagement.advocacyOrganisationId
          ? engagementInput(body)
          : {
              ...engagementInput(body),
              safeguardingLeadId: engagement.safeguardingLeadId ?? '',
              safeguardingDeputyId: engagement.safeguardingDeputyId ?? '',
            };
      const parsed = parseForm(engagementSchema, input);
      const changed = parsed.ok
        ? await changeEngagement(deps, actor, engagement, parsed.value)
        : parsed;
      if (!changed.ok)
        return renderForm(reply.code(400), actor, {
          engagement,
          values: body,
          errors: changed.errors,
        });
      return reply.redirect(`/engagements/${engagement.id}?changed=1`, 303);
    },
  );

  const promptIn = async (engagement: Engagement, promptId: string): Promise<Prompt | undefined> =>
    (await listAllPrompts(deps.db, engagement.id)).find((prompt) => prompt.id === promptId);

  app.get<EngagementParams>(
    '/engagements/:engagementId/prompts/new',
    { config: inAnOrganisation },
    async (request, reply) => {
      const engagement = await engagementFor(
        deps,
        requireActor(request),
        request.params.engagementId,
        'edit',
      );
      return reply.render(`${VIEWS}/prompt.njk`, { engagement, kinds: PROMPT_KINDS, values: {} });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/prompts',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'edit');
      const body = (request.body ?? {}) as Body;
      const parsed = parseForm(newPromptFormSchema, body);
      const added = parsed.ok ? await addPrompt(deps, actor, engagement, parsed.value) : parsed;
      if (!added.ok)
        return reply.code(400).render(`${VIEWS}/prompt.njk`, {
          engagement,
          kinds: PROMPT_KINDS,
          values: body,
          errors: added.errors,
        });
      return reply.redirect(`/engagements/${engagement.id}?prompt=added`, 303);
    },
  );

  app.get<PromptParams>(
    '/engagements/:engagementId/prompts/:promptId',
    { config: inAnOrganisation },
    async (request, reply) => {
      const engagement = await engagementFor(
        deps,
        requireActor(request),
        request.params.engagementId,
        'edit',
      );
      const prompt = await promptIn(engagement, request.params.promptId);
      if (prompt === undefined) return reply.callNotFound();
      return reply.render(`${VIEWS}/prompt.njk`, { engagement, prompt, values: prompt });
    },
  );

  app.post<PromptParams>(
    '/engagements/:engagementId/prompts/:promptId',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'edit');
      const body = (request.body ?? {}) as Body;
      const parsed = parseForm(promptWordingSchema, body);
      if (!parsed.ok) {
        const prompt = await promptIn(engagement, request.params.promptId);
        if (prompt === undefined) return reply.callNotFound();
        return reply.code(400).render(`${VIEWS}/prompt.njk`, {
          engagement,
          prompt,
          values: body,
          errors: parsed.errors,
        });
      }
      await changePrompt(deps, actor, engagement, request.params.promptId, parsed.value);
      return reply.redirect(`/engagements/${engagement.id}?prompt=changed`, 303);
    },
  );

  app.get<EngagementParams>(
    '/engagements/:engagementId/commitment',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'sign_commitment',
      );
      const { commitments } = await loadRecord(deps, engagement);
      const latest = commitments[0];
      const values = latest
        ? {
            statement: latest.statement,
            signerName: latest.signerName,
            signerRole: latest.signerRole,
            ...dateParts('respondBy', latest.respondBy),
          }
        : { signerName: actor.name };
      return reply.render(`${VIEWS}/commitment.njk`, { engagement, latest, values });
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/commitment',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'sign_commitment',
      );
      const body = (request.body ?? {}) as Body;
      const parsed = parseForm(commitmentSchema, {
        ...body,
        respondBy: dateFromParts(body, 'respondBy'),
      });
      const signed = parsed.ok
        ? await signCommitment(deps, actor, engagement, parsed.value)
        : parsed;
      if (!signed.ok) {
        const { commitments } = await loadRecord(deps, engagement);
        return reply.code(400).render(`${VIEWS}/commitment.njk`, {
          engagement,
          latest: commitments[0],
          values: body,
          errors: signed.errors,
          errorAnchors: { respondBy: 'respondBy-day' },
        });
      }
      return reply.redirect(`/engagements/${engagement.id}?signed=${signed.value.version}`, 303);
    },
  );

  app.post<EngagementParams>(
    '/engagements/:engagementId/phase',
    { config: inAnOrganisation },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'move_phase',
      );
      const parsed = parseForm(phaseSchema, request.body ?? {});
      const moved = parsed.ok
        ? await movePhase(deps, actor, engagement, parsed.value.phase)
        : parsed;
      if (!moved.ok) return renderOverview(reply.code(400), actor, engagement, {}, moved.errors);
      return reply.redirect(`/engagements/${engagement.id}?moved=${moved.value}`, 303);
    },
  );
}
