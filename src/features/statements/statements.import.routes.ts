import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/uploads.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { type Engagement, PERSPECTIVES, engagementFor } from '../engagements/index.ts';
import { POLIS_FILES, importPolisUpload } from './statements.import.ts';
import { mayModerate, takesStatements } from './statements.permissions.ts';
import { perspectiveSchema } from './statements.schemas.ts';
import {
  type Body,
  type EngagementParams,
  VIEWS,
  formBody,
  notTakingPage,
} from './statements.web.ts';

const staff = { access: 'signed-in' } as const;

/** Who Polis's participants were, unless the lead says: the perspective that claims nothing. */
const DEFAULT_PERSPECTIVE = 'community_member';

const megabytes = `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;

/** The advocacy lead imports a Polis conversation into the engagement from two CSV files. */
export function statementsImportRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/engagements/:engagementId/statements/import';

  /** The lead of the advocacy organisation, custodian of who took part, while statements are taken. */
  async function leadOf(
    request: FastifyRequest<EngagementParams>,
  ): Promise<{ actor: Actor; engagement: Engagement }> {
    const actor = requireActor(request);
    const engagement = await engagementFor(deps, actor, request.params.engagementId, 'view');
    if (!mayModerate(actor, engagement)) throw new ForbiddenError();
    return { actor, engagement };
  }

  const form = (
    reply: FastifyReply,
    engagement: Engagement,
    values: Body,
    errors?: FieldErrors,
    fault?: string,
  ) =>
    reply.render(`${VIEWS}/import.njk`, {
      engagement,
      perspectives: PERSPECTIVES,
      values,
      errors,
      errorParams: { limit: megabytes, fault: fault ?? '' },
      limit: megabytes,
    });

  app.get<EngagementParams>(path, { config: staff }, async (request, reply) => {
    const { engagement } = await leadOf(request);
    if (!takesStatements(engagement)) return notTakingPage(reply, deps, engagement);
    return form(reply, engagement, { perspective: DEFAULT_PERSPECTIVE });
  });

  app.post<EngagementParams>(path, { config: staff }, async (request, reply) => {
    const { actor, engagement } = await leadOf(request);
    if (!takesStatements(engagement)) return notTakingPage(reply, deps, engagement);
    const body = formBody(request);
    // The files cannot be put back in the form; what was chosen besides them is kept.
    const values = { perspective: body.perspective };
    const perspective = perspectiveSchema.safeParse(body);
    if (!perspective.success)
      return form(reply.code(400), engagement, values, {
        perspective: 'statements.import.perspectiveMissing',
      });
    const imported = await importPolisUpload(deps, actor, engagement, {
      files: Object.fromEntries(POLIS_FILES.map((field) => [field, body[field]])),
      perspective: perspective.data.perspective,
    });
    if (!imported.ok)
      return form(reply.code(400), engagement, values, imported.errors, imported.fault);
    return reply.redirect(`/engagements/${engagement.id}/statements?saved=imported`, 303);
  });
}
