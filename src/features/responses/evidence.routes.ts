import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { requireActor } from '../accounts/index.ts';
import { engagementFor } from '../engagements/index.ts';
import { evidenceFileToServe } from './evidence.repository.ts';
import { findPage } from './feedback.repository.ts';

type FileParams = { Params: { engagementId: string; fileId: string } };

/** The header for a download: an ASCII name for old browsers, the real one for the rest. */
const disposition = (filename: string): string => {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
};

function sendFile(
  reply: FastifyReply,
  file: { filename: string; contentType: string; bytes: Buffer },
  cache: string,
) {
  // Always a download, never shown in Heard's own origin, and its type never guessed.
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', disposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .send(file.bytes);
}

/**
 * Files attached to progress updates: the engagement's staff fetch any; the public only one the
 * person attaching it said may be public, once "You said, we did" is published.
 */
export function evidenceRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<FileParams>(
    '/engagements/:engagementId/evidence/:fileId',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const actor = requireActor(request);
      const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
      const file = await evidenceFileToServe(deps.db, request.params.fileId);
      if (file?.engagementId !== engagement.id || !file.responsePublished)
        throw new NotFoundError();
      return sendFile(reply, file, 'private, no-store');
    },
  );

  app.get<FileParams>(
    '/you-said-we-did/:engagementId/evidence/:fileId',
    { config: { access: 'public' } },
    async (request, reply) => {
      const { engagementId, fileId } = request.params;
      const [file, page] = await Promise.all([
        evidenceFileToServe(deps.db, fileId),
        findPage(deps.db, engagementId),
      ]);
      if (
        page === undefined ||
        file?.engagementId !== engagementId ||
        !file.public ||
        !file.responsePublished
      )
        throw new NotFoundError();
      return sendFile(reply, file, 'public, max-age=300');
    },
  );
}
