import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requireActor } from '../accounts/index.ts';
import { PERSPECTIVES, can, engagementFor } from '../engagements/index.ts';
import { CHANNELS, CONSENT_GIVEN_BY, HELP_GIVEN, WHOSE_VIEW } from './voices.core.ts';
import { toVoiceFilters, voiceFiltersSchema } from './voices.filters.ts';
import { voicesFor } from './voices.service.ts';

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

/**
 * Two shapes, told apart by `view`. The council's has no field that could point to a person,
 * and the response schema drops anything not listed, so none can slip through.
 */
const voicesView = z.discriminatedUnion('view', [
  z.object({ view: z.literal('advocacy'), voices: z.array(advocacyVoice) }),
  z.object({ view: z.literal('council'), voices: z.array(deidentifiedVoice) }),
]);

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
        params: engagementParams,
        querystring: voiceFiltersSchema,
        response: { 200: voicesView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(
        deps,
        actor,
        request.params.engagementId,
        'see_voices',
      );
      const identifiable = can(actor, 'see_identifiable_voices', engagement);
      const filters = toVoiceFilters({
        ...request.query,
        session: identifiable ? request.query.session : undefined,
      });
      const seen = await voicesFor(deps, actor, engagement, filters);
      if (seen.view === 'council') return seen;
      return {
        view: seen.view,
        voices: seen.voices.map((voice) =>
          voice.withdrawnAt === null ? voice : { ...voice, text: '' },
        ),
      };
    },
  );
}
