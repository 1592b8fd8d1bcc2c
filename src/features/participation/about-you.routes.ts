import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { publicPostLimit } from '../../platform/http/public-posts.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FieldErrors } from '../../platform/result.ts';
import {
  equalityAnswersOf,
  equalityFormContext,
  equalityAnswersSchema,
  forgetAboutThemselves,
  tellAboutThemselves,
} from '../reach/index.ts';
import { findParticipant } from '../voices/index.ts';
import {
  type ReadingFormat,
  YOUR_ANSWERS,
  aboutYouParticipant,
  aboutYouPath,
  forgetAboutYou,
  readingFormat,
} from './participation.cookies.ts';
import { type Body, PUBLIC, VIEWS, formBody, formatContext } from './participation.pages.ts';
import { askForCode, returningPerson } from './participation.returning.ts';
import { publicEngagement } from './participation.service.ts';

type EngagementParams = { Params: { engagementId: string } };

interface FormPage {
  format: ReadingFormat;
  action: string;
  skipHref: string;
  backHref?: string;
  keptAge?: string;
  values: Body;
  errors?: FieldErrors;
}

const aboutYouForm = (reply: FastifyReply, page: FormPage) =>
  reply.code(page.errors ? 400 : 200).render(`${VIEWS}/about-you.njk`, {
    ...formatContext(page.format),
    ...page,
    ...equalityFormContext,
  });

/**
 * Equality monitoring, always optional: straight after answering (the person's browser carries
 * who they are for 30 minutes, to this page only), or later, on coming back with the code, when
 * the person can also change or delete what they told. Never shown to anyone else as theirs.
 */
export function aboutYouRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.secureCookies;
  // Every form here is open to anyone, so each is limited per address.
  const posting = publicPostLimit(deps.config);

  /** The person who has just answered in this engagement, unless they have since withdrawn. */
  async function justAnswered(request: FastifyRequest, engagementId: string) {
    const participantId = aboutYouParticipant(request, engagementId, deps.clock());
    if (participantId === undefined) return undefined;
    const participant = await findParticipant(deps.db, { id: participantId });
    return participant?.withdrawnAt === null ? participant.id : undefined;
  }

  app.get<EngagementParams>(
    '/take-part/:engagementId/about-you',
    { config: PUBLIC },
    async (request, reply) => {
      const { engagement } = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      if ((await justAnswered(request, engagement.id)) === undefined)
        return reply.render(`${VIEWS}/about-you-expired.njk`, formatContext(format));
      return aboutYouForm(reply, {
        format,
        action: aboutYouPath(engagement.id),
        skipHref: '/take-part',
        values: {},
      });
    },
  );

  app.post<EngagementParams>(
    '/take-part/:engagementId/about-you',
    { config: posting },
    async (request, reply) => {
      const { engagement } = await publicEngagement(deps, request.params.engagementId);
      const format = readingFormat(request, reply, secure);
      const participantId = await justAnswered(request, engagement.id);
      if (participantId === undefined)
        return reply.code(409).render(`${VIEWS}/about-you-expired.njk`, formatContext(format));
      const body = formBody(request);
      const parsed = parseForm(equalityAnswersSchema, body);
      if (!parsed.ok)
        return aboutYouForm(reply, {
          format,
          action: aboutYouPath(engagement.id),
          skipHref: '/take-part',
          values: body,
          errors: parsed.errors,
        });
      await tellAboutThemselves(deps, participantId, parsed.value);
      forgetAboutYou(reply, engagement.id);
      return reply.redirect(`${aboutYouPath(engagement.id)}/saved`, 303);
    },
  );

  app.get<EngagementParams>(
    '/take-part/:engagementId/about-you/saved',
    { config: PUBLIC },
    (request, reply) =>
      reply.render(
        `${VIEWS}/about-you-saved.njk`,
        formatContext(readingFormat(request, reply, secure)),
      ),
  );

  const yourPage = `${YOUR_ANSWERS}/about-you`;

  app.get(yourPage, { config: PUBLIC }, async (request, reply) => {
    const person = await returningPerson(deps, request, reply);
    if (person === undefined) return askForCode(reply);
    const { age, ...given } = Object.fromEntries(
      await equalityAnswersOf(deps.db, person.participant.id),
    );
    return aboutYouForm(reply, {
      format: person.format,
      action: yourPage,
      skipHref: YOUR_ANSWERS,
      backHref: YOUR_ANSWERS,
      ...(age === undefined ? {} : { keptAge: age }),
      values: given,
    });
  });

  app.post(yourPage, { config: posting }, async (request, reply) => {
    const person = await returningPerson(deps, request, reply);
    if (person === undefined) return askForCode(reply);
    const body = formBody(request);
    const parsed = parseForm(equalityAnswersSchema, body);
    const before = await equalityAnswersOf(deps.db, person.participant.id);
    const keptAge = before.get('age');
    if (!parsed.ok)
      return aboutYouForm(reply, {
        format: person.format,
        action: yourPage,
        skipHref: YOUR_ANSWERS,
        backHref: YOUR_ANSWERS,
        ...(keptAge === undefined ? {} : { keptAge }),
        values: body,
        errors: parsed.errors,
      });
    // Only the age band is kept, so a blank age box keeps the band given before.
    const answers = new Map(parsed.value);
    if (!answers.has('age') && keptAge !== undefined) answers.set('age', keptAge);
    await tellAboutThemselves(deps, person.participant.id, answers);
    return reply.redirect(`${YOUR_ANSWERS}?done=aboutYou`, 303);
  });

  app.post(`${yourPage}/delete`, { config: posting }, async (request, reply) => {
    const person = await returningPerson(deps, request, reply);
    if (person === undefined) return askForCode(reply);
    await forgetAboutThemselves(deps, person.participant.id);
    return reply.redirect(`${YOUR_ANSWERS}?done=aboutYouDeleted`, 303);
  });
}
