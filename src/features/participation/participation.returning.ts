import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { type Participant, findParticipant } from '../voices/index.ts';
import {
  type ReadingFormat,
  readingFormat,
  rememberParticipant,
  rememberedParticipant,
} from './participation.cookies.ts';
import { type PublicEngagement, publicEngagement } from './participation.service.ts';

export interface Returning {
  participant: Participant;
  record: PublicEngagement;
  format: ReadingFormat;
}

/**
 * The person this browser came back as, with their reference code, their 30 minutes renewed;
 * undefined when they have not given their code, their time is up, or they have withdrawn.
 */
export async function returningPerson(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Returning | undefined> {
  const secure = deps.config.secureCookies;
  const participantId = rememberedParticipant(request, deps.clock());
  const participant =
    participantId === undefined ? undefined : await findParticipant(deps.db, { id: participantId });
  if (participant === undefined || participant.withdrawnAt !== null) return undefined;
  const record = await publicEngagement(deps, participant.engagementId);
  rememberParticipant(reply, participant.id, deps.clock(), secure);
  // What they said and how to reach them are on these pages: never cached.
  reply.header('cache-control', 'no-store');
  return { participant, record, format: readingFormat(request, reply, secure) };
}

/** Where a person who has not given their code (or whose time is up) is sent. */
export const askForCode = (reply: FastifyReply) => reply.redirect('/take-part/return', 303);
