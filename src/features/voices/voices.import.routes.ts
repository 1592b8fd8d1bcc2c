import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CsvError } from '../../platform/csv.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/uploads.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { requireActor } from '../accounts/index.ts';
import {
  type Engagement,
  PERSPECTIVES,
  type Prompt,
  engagementFor,
  listPrompts,
  takesVoices,
} from '../engagements/index.ts';
import { readVoiceFile } from './voices.import-csv.ts';
import { VOICE_IMPORT_FIELDS, voiceImportSchema } from './voices.import.schemas.ts';
import { type VoiceImportSummary, VoiceImportError, importVoices } from './voices.import.ts';
import { labelsFor } from './voices.labels.ts';

type EngagementParams = { Params: { engagementId: string } };
type Values = Partial<Record<(typeof VOICE_IMPORT_FIELDS)[number], string>>;

const VIEWS = 'voices/views';
const staff = { access: 'signed-in' } as const;

/** Who filled in the forms, unless the person says: the perspective that claims nothing. */
const DEFAULT_PERSPECTIVE = 'community_member';

const megabytes = `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;

/**
 * Most rows one upload adds: the import holds the database in one transaction, about half a
 * second a thousand rows (bench/voice-import.ts), so a bigger file goes through the command.
 */
export const MOST_ROWS_FROM_THE_WEB = 10_000;

/** Which field each reason the engagement cannot take the file belongs to, and its words. */
const IMPORT_REFUSED: Record<VoiceImportError['reason'], FieldErrors> = {
  noEngagement: { file: 'voicesImport.errors.noEngagement' },
  notAllowed: { file: 'voicesImport.errors.notAllowed' },
  notListening: { file: 'voicesImport.errors.notListening' },
  noPrompt: { file: 'voicesImport.errors.fileAgain', prompt: 'voicesImport.errors.promptMissing' },
  raced: { file: 'voicesImport.errors.raced' },
};

/** The counts for the voices page's banner: numbers only, never words from the file. */
const bannerQuery = (summary: VoiceImportSummary): string =>
  new URLSearchParams({
    saved: 'imported',
    imported: String(summary.imported),
    alreadyImported: String(summary.alreadyImported),
    noConsent: String(summary.noConsent),
    empty: String(summary.empty),
    flagged: String(summary.flagged),
  }).toString();

/** What was typed or chosen, as text, to show again (a file cannot be put back in the form). */
function typedValues(body: Record<string, unknown>): Values {
  const values: Values = {};
  for (const field of VOICE_IMPORT_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * A lead or advocate adds the answers on paper forms, or from another survey, as voices to one
 * question, from a CSV file: the web door to `heard import voices`, all or nothing.
 */
export function voicesImportRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/engagements/:engagementId/voices/import';
  const perspectiveLabels = labelsFor(deps.t, 'engagements.audiences', PERSPECTIVES);

  async function capturer(request: FastifyRequest<EngagementParams>) {
    const actor = requireActor(request);
    const engagement = await engagementFor(
      deps,
      actor,
      request.params.engagementId,
      'capture_voices',
    );
    return { actor, engagement };
  }

  const openQuestions = async (engagement: Engagement): Promise<Prompt[]> =>
    (await listPrompts(deps.db, engagement.id)).filter((prompt) => prompt.kind === 'open');

  /** Voices are added only while listening: the page says so, with no form. */
  const notListening = (reply: FastifyReply, engagement: Engagement) =>
    reply.code(409).render(`${VIEWS}/import.njk`, {
      engagement,
      notListening: true,
      phase: deps.t(`phases.${engagement.phase}`),
    });

  const form = (
    reply: FastifyReply,
    engagement: Engagement,
    prompts: Prompt[],
    values: Values,
    errors?: FieldErrors,
    fault?: string,
  ) =>
    reply.render(`${VIEWS}/import.njk`, {
      engagement,
      prompts,
      perspectives: PERSPECTIVES,
      perspectiveLabels,
      values,
      errors,
      errorParams: {
        limit: megabytes,
        fault: fault ?? '',
        most: MOST_ROWS_FROM_THE_WEB.toLocaleString('en-GB'),
      },
      limit: megabytes,
    });

  app.get<EngagementParams>(path, { config: staff }, async (request, reply) => {
    const { engagement } = await capturer(request);
    if (!takesVoices(engagement)) return notListening(reply, engagement);
    const prompts = await openQuestions(engagement);
    const [only, ...others] = prompts;
    return form(reply, engagement, prompts, {
      prompt: only !== undefined && others.length === 0 ? only.id : undefined,
      perspective: DEFAULT_PERSPECTIVE,
    });
  });

  app.post<EngagementParams>(path, { config: staff }, async (request, reply) => {
    const { actor, engagement } = await capturer(request);
    if (!takesVoices(engagement)) return notListening(reply, engagement);
    const prompts = await openQuestions(engagement);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = typedValues(body);
    const parsed = parseForm(voiceImportSchema(prompts.map((prompt) => prompt.id)), body);
    if (!parsed.ok) {
      // A file that was fine still has to be chosen again: the browser cannot be sent it back.
      const errors = { file: 'voicesImport.errors.fileAgain', ...parsed.errors };
      return form(reply.code(400), engagement, prompts, values, errors);
    }
    const { file, promptId, columns } = parsed.value;
    let summary: VoiceImportSummary;
    try {
      const read = readVoiceFile(file.bytes, file.filename, columns);
      const rows = read.rows.length + read.noConsent + read.empty;
      if (rows > MOST_ROWS_FROM_THE_WEB) {
        const errors = { file: 'voicesImport.errors.tooManyRows' };
        return await form(
          reply.code(400),
          engagement,
          prompts,
          values,
          errors,
          rows.toLocaleString('en-GB'),
        );
      }
      summary = await importVoices(deps, actor, engagement.id, promptId, read, 'web');
    } catch (error) {
      if (error instanceof CsvError) {
        const errors = { file: 'voicesImport.errors.fault' };
        return form(reply.code(400), engagement, prompts, values, errors, error.message);
      }
      if (error instanceof VoiceImportError) {
        const errors = IMPORT_REFUSED[error.reason];
        return form(reply.code(400), engagement, prompts, values, errors);
      }
      throw error;
    }
    return reply.redirect(`/engagements/${engagement.id}/voices?${bannerQuery(summary)}`, 303);
  });
}
