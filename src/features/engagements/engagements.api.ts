import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInputError } from '../../platform/http/errors.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { PERSPECTIVES, PHASES, PROMPT_KINDS } from './engagements.core.ts';
import { canCreateEngagements } from './engagements.permissions.ts';
import { listEngagementsOf } from './engagements.repository.ts';
import {
  commitmentSchema,
  engagementSchema,
  phaseSchema,
  promptSchema,
} from './engagements.schemas.ts';
import {
  addPrompt,
  createEngagement,
  engagementFor,
  loadRecord,
  movePhase,
  signCommitment,
} from './engagements.service.ts';

const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  commissioningOrganisationName: z.string(),
  advocacyOrganisationName: z.string(),
});

const engagementRecordSchema = z.object({
  engagement: z.object({
    id: z.string(),
    title: z.string(),
    commissioningOrganisationId: z.string(),
    advocacyOrganisationId: z.string(),
    phase: z.enum(PHASES),
    purposePlain: z.string(),
    purposeEasyRead: z.string(),
    openToInfluence: z.string(),
    alreadyDecided: z.string(),
    audiences: z.array(z.enum(PERSPECTIVES)),
    areas: z.array(z.string()),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    safeguardingLeadId: z.string().nullable(),
    safeguardingDeputyId: z.string().nullable(),
  }),
  commitments: z.array(
    z.object({
      version: z.number(),
      statement: z.string(),
      respondBy: z.string(),
      signerName: z.string(),
      signerRole: z.string(),
      signedAt: z.string(),
    }),
  ),
  prompts: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      kind: z.enum(PROMPT_KINDS),
      questionPlain: z.string(),
      questionEasyRead: z.string(),
      influences: z.string(),
    }),
  ),
});

const params = z.object({ engagementId: z.string().max(64) });

const inAnOrganisation = (actor: Actor): boolean => actor.organisationId !== null;

export function engagementsApi(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagements'];

  app.get(
    '/api/v1/engagements',
    {
      config: { access: inAnOrganisation },
      schema: {
        tags,
        summary: "Your organisation's engagements",
        response: { 200: z.array(summarySchema) },
      },
    },
    (request) => listEngagementsOf(deps.db, requireActor(request).organisationId ?? ''),
  );

  app.post(
    '/api/v1/engagements',
    {
      config: { access: canCreateEngagements },
      schema: {
        tags,
        summary: 'Start an engagement',
        body: engagementSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await createEngagement(deps, requireActor(request), request.body);
      if (!created.ok) throw new InvalidInputError(created.errors, 422);
      return reply.code(201).send(created.value);
    },
  );

  app.get(
    '/api/v1/engagements/:engagementId',
    {
      config: { access: inAnOrganisation },
      schema: {
        tags,
        summary: 'An engagement with its commitment and questions',
        params,
        response: { 200: engagementRecordSchema },
      },
    },
    async (request) => {
      const engagement = await engagementFor(
        deps,
        requireActor(request),
        request.params.engagementId,
        'view',
      );
      return loadRecord(deps, engagement);
    },
  );

  app.post(
    '/api/v1/engagements/:engagementId/prompts',
    {
      config: { access: inAnOrganisation },
      schema: {
        tags,
        summary: 'Add a question',
        description:
          "kind is open (answered in people's own words, the default) or statements (agree or disagree with statements; one per engagement, else 422).",
        params,
        body: promptSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'edit');
      const added = await addPrompt(deps, actor, engagement, request.body);
      if (!added.ok) throw new InvalidInputError(added.errors, 422);
      return reply.code(201).send(added.value);
    },
  );

  app.post(
    '/api/v1/engagements/:engagementId/commitment',
    {
      config: { access: inAnOrganisation },
      schema: {
        tags,
        summary: "Sign (or change) the decision maker's commitment",
        params,
        body: commitmentSchema,
        response: { 201: z.object({ version: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'sign_commitment',
      );
      const signed = await signCommitment(deps, actor, engagement, request.body);
      if (!signed.ok) throw new InvalidInputError(signed.errors, 422);
      return reply.code(201).send(signed.value);
    },
  );

  app.post(
    '/api/v1/engagements/:engagementId/phase',
    {
      config: { access: inAnOrganisation },
      schema: {
        tags,
        summary: 'Move the engagement to the next or previous phase',
        params,
        body: phaseSchema,
        response: { 200: z.object({ phase: z.enum(PHASES) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'move_phase',
      );
      const moved = await movePhase(deps, actor, engagement, request.body.phase);
      if (!moved.ok) throw new InvalidInputError(moved.errors, 422);
      return { phase: moved.value };
    },
  );
}
