import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { asList, parseForm } from '../../platform/forms.ts';
import { requireActor } from '../accounts/index.ts';
import { type Engagement, PERSPECTIVES, listPrompts, takesVoices } from '../engagements/index.ts';
import {
  ADVOCATE_CONSENT_WAYS,
  CONTACT_ROUTES,
  HELP_GIVEN,
  VOICE_MAX_LENGTH,
  WHOSE_VIEW,
  contactSchema,
  onBehalfSchema,
  voiceLabels,
} from '../voices/index.ts';
import type { ListeningSession } from './sessions.core.ts';
import { sessionLabel } from './sessions.labels.ts';
import {
  type SessionParams,
  VIEWS,
  engagementToCapture,
  notListening,
  staff,
} from './sessions.web.ts';
import { recordVoiceInSession, sessionIn } from './sessions.service.ts';

/**
 * The shared messages speak to the person answering ("Write what you want to say"). Here the
 * advocate is filling in the form about someone else, so a few are said about "the person".
 */
const ADVOCATE_WORDING: Record<string, string> = {
  'validation.voice.empty': 'sessions.voice.errors.textEmpty',
  'validation.voice.tooLong': 'sessions.voice.errors.textTooLong',
  'validation.voice.perspectiveMissing': 'sessions.voice.errors.perspectiveMissing',
  'validation.consent.useNeeded': 'sessions.voice.errors.useNeeded',
  'validation.consent.quoteMissing': 'sessions.voice.errors.quoteMissing',
  'validation.contact.routeMissing': 'sessions.voice.errors.contactRouteMissing',
  'validation.contact.emailMissing': 'sessions.voice.errors.emailMissing',
  'validation.contact.phoneMissing': 'sessions.voice.errors.phoneMissing',
  'validation.contact.addressMissing': 'sessions.voice.errors.addressMissing',
};

const forAdvocate = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [field, ADVOCATE_WORDING[key] ?? key]),
  );

/** Recording what one person said in a session, on their behalf, with the consents they gave. */
export function sessionVoicesRoutes(app: FastifyInstance, deps: Deps): void {
  const formContext = async (engagement: Engagement, session: ListeningSession) => ({
    engagement,
    session,
    sessionTitle: sessionLabel(deps.t, session),
    prompts: await listPrompts(deps.db, engagement.id),
    labels: voiceLabels(deps.t),
    perspectives: PERSPECTIVES,
    helpGiven: HELP_GIVEN,
    whoseView: WHOSE_VIEW,
    consentWays: ADVOCATE_CONSENT_WAYS,
    contactRoutes: ['none', ...CONTACT_ROUTES],
    maxLength: VOICE_MAX_LENGTH,
  });

  app.get<SessionParams>(
    '/engagements/:engagementId/sessions/:sessionId/voices/new',
    { config: staff },
    async (request, reply) => {
      const engagement = await engagementToCapture(deps, request);
      const session = await sessionIn(deps, engagement, request.params.sessionId);
      if (!takesVoices(engagement)) return notListening(deps, reply, engagement);
      return reply.render(`${VIEWS}/new-voice.njk`, {
        ...(await formContext(engagement, session)),
        values: { helpGiven: [] },
      });
    },
  );

  app.post<SessionParams>(
    '/engagements/:engagementId/sessions/:sessionId/voices/new',
    { config: staff },
    async (request, reply) => {
      const engagement = await engagementToCapture(deps, request);
      const session = await sessionIn(deps, engagement, request.params.sessionId);
      if (!takesVoices(engagement)) return notListening(deps, reply, engagement);
      const body = (request.body ?? {}) as Record<string, unknown>;
      // Being told what happened is optional: no choice means they did not ask.
      const contactRoute =
        body.contactRoute === undefined || body.contactRoute === '' ? 'none' : body.contactRoute;
      const voice = parseForm(onBehalfSchema, body);
      const contact = parseForm(contactSchema, { ...body, contactRoute });
      // The advocate notes that the person wants their letter in Easy Read.
      const format = body.contactEasyRead === 'yes' ? 'easy-read' : 'plain';
      const recorded =
        voice.ok && contact.ok
          ? await recordVoiceInSession(
              deps,
              requireActor(request),
              engagement,
              session,
              voice.value,
              contact.value && { ...contact.value, format },
            )
          : {
              ok: false as const,
              errors: { ...(voice.ok ? {} : voice.errors), ...(contact.ok ? {} : contact.errors) },
            };
      if (!recorded.ok) {
        return reply.code(400).render(`${VIEWS}/new-voice.njk`, {
          ...(await formContext(engagement, session)),
          values: { ...body, helpGiven: asList(body.helpGiven) },
          errors: forAdvocate(recorded.errors),
        });
      }
      return reply.redirect(
        `/engagements/${engagement.id}/sessions/${session.id}?recorded=voice&voice=${recorded.value.voiceId}`,
        303,
      );
    },
  );
}
