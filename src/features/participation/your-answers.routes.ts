import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { publicPostLimit } from '../../platform/http/public-posts.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { takesVoices } from '../engagements/index.ts';
import {
  type Contact,
  addPublicVoices,
  changeContact,
  contactSchema,
  findContact,
  listVoices,
  participantByReference,
  withdraw,
} from '../voices/index.ts';
import {
  YOUR_ANSWERS,
  forgetParticipant,
  readingFormat,
  rememberParticipant,
} from './participation.cookies.ts';
import { PUBLIC, VIEWS, formBody, formatContext } from './participation.pages.ts';
import { equalityAnswersOf } from '../reach/index.ts';
import { outcomesForPerson } from '../sorting/index.ts';
import { answersSchema, referenceSchema } from './participation.schemas.ts';
import { type Returning, askForCode, returningPerson } from './participation.returning.ts';
import { questionsIn } from './participation.service.ts';

/**
 * Per address: a reference code is the only key to someone's answers, so guessing is slowed
 * hard. Ten tries in 15 minutes is plenty for a person copying a code by hand.
 */
export const REFERENCE_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' };

/** The contact form's fields, filled from what the person chose before. */
const contactValues = (contact: Contact | undefined): Record<string, string> => ({
  contactRoute: contact?.route ?? 'none',
  contactEmail: contact?.route === 'email' ? contact.detail : '',
  contactPhone: contact?.route === 'text' ? contact.detail : '',
  contactAddress: contact?.route === 'post' ? contact.detail : '',
});

/** Coming back with a reference code: see, add to, change the contact choice, or withdraw. */
export function yourAnswersRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.secureCookies;
  // Every form here is open to anyone, so each is limited per address.
  const posting = publicPostLimit(deps.config);

  const returning = (request: FastifyRequest, reply: FastifyReply) =>
    returningPerson(deps, request, reply);

  const closedPage = (reply: FastifyReply, person: Returning) =>
    reply.code(409).render(`${VIEWS}/closed.njk`, {
      ...formatContext(person.format),
      ...person.record,
      returning: true,
    });

  function addForm(person: Returning, reply: FastifyReply, values: object, errors?: FieldErrors) {
    return reply.render(`${VIEWS}/add.njk`, {
      ...formatContext(person.format),
      ...person.record,
      questions: questionsIn(person.record.prompts, person.format),
      values,
      errors,
    });
  }

  const contactForm = (
    person: Returning,
    reply: FastifyReply,
    values: object,
    errors?: FieldErrors,
  ) => reply.render(`${VIEWS}/contact.njk`, { ...formatContext(person.format), values, errors });

  app.get('/take-part/return', { config: PUBLIC }, (request, reply) =>
    reply.render(`${VIEWS}/return.njk`, {
      ...formatContext(readingFormat(request, reply, secure)),
      values: {},
    }),
  );

  app.post(
    '/take-part/return',
    { config: { access: 'public', rateLimit: REFERENCE_RATE_LIMIT } },
    async (request, reply) => {
      const body = formBody(request);
      const parsed = parseForm(referenceSchema, body);
      const participant = parsed.ok
        ? await participantByReference(deps, parsed.value.reference)
        : undefined;
      if (participant === undefined) {
        // The typed code is kept on the page for the person to correct, but never logged.
        return reply.code(400).render(`${VIEWS}/return.njk`, {
          ...formatContext(readingFormat(request, reply, secure)),
          values: { reference: body.reference },
          errors: parsed.ok
            ? { reference: 'participation.validation.referenceUnknown' }
            : parsed.errors,
        });
      }
      rememberParticipant(reply, participant.id, deps.clock(), secure);
      return reply.redirect(YOUR_ANSWERS, 303);
    },
  );

  app.get<{ Querystring: { done?: string } }>(
    YOUR_ANSWERS,
    { config: PUBLIC },
    async (request, reply) => {
      const person = await returning(request, reply);
      if (person === undefined) return askForCode(reply);
      const { participant, record } = person;
      const [voices, contact, aboutYou] = await Promise.all([
        listVoices(deps.db, record.engagement.id, { participantId: participant.id }),
        findContact(deps.db, participant.id),
        equalityAnswersOf(deps.db, participant.id),
      ]);
      const questions = questionsIn(record.prompts, person.format);
      const outcomes = await outcomesForPerson(
        deps.db,
        voices.map((voice) => voice.id),
      );
      return reply.render(`${VIEWS}/your-answers.njk`, {
        ...formatContext(person.format),
        ...record,
        participant,
        said: voices.map((voice) => ({
          question: questions.find((question) => question.promptId === voice.promptId)?.text,
          text: voice.text,
          ...outcomes.get(voice.id),
        })),
        contact,
        aboutYouGiven: aboutYou.size > 0,
        listening: takesVoices(record.engagement),
        done: request.query.done,
      });
    },
  );

  app.get(`${YOUR_ANSWERS}/add`, { config: PUBLIC }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    if (!takesVoices(person.record.engagement)) return closedPage(reply, person);
    return addForm(person, reply, {});
  });

  app.post(`${YOUR_ANSWERS}/add`, { config: posting }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    if (!takesVoices(person.record.engagement)) return closedPage(reply, person);
    const body = formBody(request);
    const parsed = parseForm(answersSchema(person.record.prompts), body);
    if (!parsed.ok) return addForm(person, reply.code(400), body, parsed.errors);
    await addPublicVoices(deps, person.record.engagement, person.participant, parsed.value);
    return reply.redirect(`${YOUR_ANSWERS}?done=added`, 303);
  });

  app.get(`${YOUR_ANSWERS}/contact`, { config: PUBLIC }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    const contact = await findContact(deps.db, person.participant.id);
    return contactForm(person, reply, contactValues(contact));
  });

  app.post(`${YOUR_ANSWERS}/contact`, { config: posting }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    const body = formBody(request);
    const parsed = parseForm(contactSchema, body);
    if (!parsed.ok) return contactForm(person, reply.code(400), body, parsed.errors);
    await changeContact(
      deps,
      person.participant,
      parsed.value && { ...parsed.value, format: person.format },
    );
    return reply.redirect(`${YOUR_ANSWERS}?done=contact`, 303);
  });

  app.get(`${YOUR_ANSWERS}/withdraw`, { config: PUBLIC }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    return reply.render(`${VIEWS}/withdraw.njk`, formatContext(person.format));
  });

  app.post(`${YOUR_ANSWERS}/withdraw`, { config: posting }, async (request, reply) => {
    const person = await returning(request, reply);
    if (person === undefined) return askForCode(reply);
    await withdraw(deps, person.participant);
    forgetParticipant(reply);
    return reply.redirect(`${YOUR_ANSWERS}/withdrawn`, 303);
  });

  app.get(`${YOUR_ANSWERS}/withdrawn`, { config: PUBLIC }, (request, reply) =>
    reply.render(`${VIEWS}/withdrawn.njk`, formatContext(readingFormat(request, reply, secure))),
  );

  // For a shared computer or phone: the next person cannot see these answers.
  app.post(`${YOUR_ANSWERS}/close`, { config: posting }, (_request, reply) => {
    forgetParticipant(reply);
    return reply.redirect(`${YOUR_ANSWERS}/closed`, 303);
  });

  app.get(`${YOUR_ANSWERS}/closed`, { config: PUBLIC }, (request, reply) =>
    reply.render(`${VIEWS}/finished.njk`, formatContext(readingFormat(request, reply, secure))),
  );
}
