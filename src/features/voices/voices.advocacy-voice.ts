import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { listVoices } from './voices.repository.ts';

export type VoiceParams = { Params: { engagementId: string; voiceId: string } };

/**
 * A voice the advocacy organisation acts on (to correct it, or for the person who said it), with
 * who is acting: only those who capture voices may; withdrawn voices are found too, so a page can
 * say so.
 */
export async function advocacyVoice(deps: Deps, request: FastifyRequest<VoiceParams>) {
  const actor = requireActor(request);
  const engagement = await engagementFor(
    deps,
    actor,
    request.params.engagementId,
    'capture_voices',
  );
  const [voice] = await listVoices(deps.db, engagement.id, {
    voiceId: request.params.voiceId,
    includeWithdrawn: true,
  });
  if (voice === undefined) throw new NotFoundError();
  return { actor, engagement, voice };
}
