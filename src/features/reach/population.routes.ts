import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  EQUALITY_QUESTIONS,
  EQUALITY_QUESTION_KEYS,
  type EqualityQuestionKey,
  equalityQuestion,
} from '../../analysis/reach/census-categories.ts';
import type { Deps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/forms.ts';
import {
  MAX_UPLOAD_BYTES,
  type UploadedFile,
  uploadedFileSchema,
} from '../../platform/http/uploads.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { requireActor } from '../accounts/index.ts';
import type { Organisation } from '../organisations/index.ts';
import { populationOf } from './population.repository.ts';
import { councilForPopulation, importPopulation } from './population.service.ts';

type OrganisationParams = { Params: { organisationId: string } };
type Values = { question?: string; areaCode?: string };

const VIEW = 'reach/views/population.njk';
const staff = { access: 'signed-in' } as const;
const megabytes = `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;

/** An ONS area code: a letter, then 8 numbers (E06000023, W06000015, K04000001). */
const AREA_CODE = /^[A-Z]\d{8}$/;

const nomisFile = z
  .custom<UploadedFile>((value) => uploadedFileSchema.safeParse(value).success, {
    error: 'reachPopulation.errors.fileMissing',
  })
  .refine((file) => !file.tooLarge, 'reachPopulation.errors.fileTooLarge')
  .refine(
    (file) => file.filename.toLowerCase().endsWith('.csv'),
    'reachPopulation.errors.fileNotCsv',
  );

/** The upload form. Messages are catalogue keys. */
const populationFileSchema = z.object({
  file: nomisFile,
  question: z.enum(EQUALITY_QUESTION_KEYS, { error: 'reachPopulation.errors.questionMissing' }),
  areaCode: z
    .string({ error: 'reachPopulation.errors.areaCodeMissing' })
    .trim()
    .toUpperCase()
    .min(1, 'reachPopulation.errors.areaCodeMissing')
    .regex(AREA_CODE, 'reachPopulation.errors.areaCodeFormat'),
});

/** What was typed or chosen, to show again (a file cannot be put back in the form). */
function typedValues(body: Record<string, unknown>): Values {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined;
  return { question: text(body.question), areaCode: text(body.areaCode) };
}

const isQuestionKey = (value: unknown): value is EqualityQuestionKey =>
  (EQUALITY_QUESTION_KEYS as readonly unknown[]).includes(value);

/**
 * A council's population by census category, one Nomis file per question: the figures held, and
 * a form to add or replace one question's. For the council's decision makers and officers, and
 * the lead of an advocacy organisation running an engagement for it.
 */
export function populationRoutes(app: FastifyInstance, deps: Deps): void {
  const path = '/organisations/:organisationId/population';
  const { t } = deps;

  const questionName = (key: EqualityQuestionKey): string =>
    t('reachPopulation.questionLabel', {
      topic: t(`reachPopulation.questions.${key}`),
      table: equalityQuestion(key).table,
    });

  async function page(
    reply: FastifyReply,
    council: Organisation,
    values: Values,
    problems?: { errors: FieldErrors; fault: string },
    saved?: EqualityQuestionKey,
  ) {
    const population = await populationOf(deps.db, council.id);
    const questions = EQUALITY_QUESTIONS.map((question) => {
      const held = population.get(question.key);
      return {
        key: question.key,
        label: questionName(question.key),
        fileHint: t('reachPopulation.fileName', {
          file: `census2021-${question.table.toLowerCase()}-ltla.csv`,
        }),
        area:
          held === undefined
            ? undefined
            : t('reachPopulation.areaHeld', { name: held.areaName, code: held.areaCode }),
        censusDate: held?.censusDate,
      };
    });
    const savedArea = saved === undefined ? undefined : population.get(saved);
    return reply.render(VIEW, {
      council,
      questions,
      values,
      errors: problems?.errors,
      errorParams: {
        limit: megabytes,
        fault: problems?.fault ?? '',
        code: (values.areaCode ?? '').trim().toUpperCase(),
      },
      limit: megabytes,
      saved:
        saved === undefined || savedArea === undefined
          ? undefined
          : t('reachPopulation.saved', {
              question: questionName(saved),
              area: savedArea.areaName,
              code: savedArea.areaCode,
              date: savedArea.censusDate,
            }),
    });
  }

  const council = (request: FastifyRequest<OrganisationParams>) =>
    councilForPopulation(deps, requireActor(request), request.params.organisationId);

  app.get<OrganisationParams>(path, { config: staff }, async (request, reply) => {
    const found = await council(request);
    const saved = (request.query as { saved?: unknown }).saved;
    return page(reply, found, {}, undefined, isQuestionKey(saved) ? saved : undefined);
  });

  app.post<OrganisationParams>(path, { config: staff }, async (request, reply) => {
    const found = await council(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = typedValues(body);
    const parsed = parseForm(populationFileSchema, body);
    if (!parsed.ok) {
      // A file that was fine still has to be chosen again: the browser cannot be sent it back.
      const errors = { file: 'reachPopulation.errors.fileAgain', ...parsed.errors };
      return page(reply.code(400), found, values, { errors, fault: '' });
    }
    const imported = await importPopulation(deps, requireActor(request), found, parsed.value);
    if (!imported.ok) return page(reply.code(400), found, values, imported);
    return reply.redirect(
      `/organisations/${found.id}/population?saved=${parsed.value.question}`,
      303,
    );
  });
}
