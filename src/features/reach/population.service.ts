import {
  type EqualityQuestionKey,
  equalityQuestion,
} from '../../analysis/reach/census-categories.ts';
import { type CensusArea, CensusFileError, readCensusAreas } from '../../analysis/reach/nomis.ts';
import { CsvError, parseCsv } from '../../platform/csv.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/uploads.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, hasRole } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Organisation, findOrganisation } from '../organisations/index.ts';
import { advocatesFor } from '../engagements/index.ts';
import { replacePopulation } from './population.repository.ts';

/**
 * The council whose population the actor wants to see or import. Its decision makers and officers
 * may, and so may the lead of an advocacy organisation running an engagement for it; others in
 * either organisation are refused. To anyone else the council's page does not exist (as
 * elsewhere, so one organisation cannot confirm another's records), but a platform administrator,
 * who sees every organisation anyway, is refused.
 */
export async function councilForPopulation(
  { db }: Deps,
  actor: Actor,
  organisationId: string,
): Promise<Organisation> {
  const council = await findOrganisation(db, organisationId);
  if (council === undefined || council.type !== 'council') throw new NotFoundError();
  if (actor.organisationId === council.id) {
    if (hasRole(actor, 'decision_maker') || hasRole(actor, 'officer')) return council;
    throw new ForbiddenError();
  }
  if (
    actor.organisationId !== null &&
    actor.organisationType === 'advocacy' &&
    (await advocatesFor(db, actor.organisationId, council.id))
  ) {
    if (hasRole(actor, 'lead')) return council;
    throw new ForbiddenError();
  }
  if (actor.platformAdmin) throw new ForbiddenError();
  throw new NotFoundError();
}

export interface PopulationFile {
  question: EqualityQuestionKey;
  /** The area's ONS code, upper case. */
  areaCode: string;
  file: UploadedFile;
}

/** The area saved, or what to fix, with the file's fault in words where the file is at fault. */
export type PopulationImport =
  { ok: true; area: CensusArea } | { ok: false; errors: FieldErrors; fault: string };

/** The one area's row of a Nomis file, or why it cannot be read. */
function areaInFile(upload: PopulationFile): PopulationImport {
  let areas: CensusArea[];
  try {
    const records = parseCsv(upload.file.bytes, upload.file.filename);
    areas = readCensusAreas(records, upload.file.filename, equalityQuestion(upload.question));
  } catch (error) {
    if (error instanceof CsvError || error instanceof CensusFileError) {
      return { ok: false, errors: { file: 'reachPopulation.errors.fault' }, fault: error.message };
    }
    throw error;
  }
  const area = areas.find((candidate) => candidate.code.toUpperCase() === upload.areaCode);
  if (area === undefined) {
    return {
      ok: false,
      errors: {
        areaCode: 'reachPopulation.errors.areaNotInFile',
        file: 'reachPopulation.errors.fileAgain',
      },
      fault: '',
    };
  }
  return { ok: true, area };
}

/**
 * Saves one area's population for one question from a Nomis bulk file (one row per area),
 * replacing what the council held for that question, all or nothing. The audit row says which
 * question and area, nothing more.
 */
export async function importPopulation(
  deps: Deps,
  actor: Actor,
  council: Organisation,
  upload: PopulationFile,
): Promise<PopulationImport> {
  const found = areaInFile(upload);
  if (!found.ok) return found;
  await deps.db.transaction().execute(async (trx) => {
    await replacePopulation(
      trx,
      council.id,
      upload.question,
      found.area,
      actor.userId,
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'population_imported',
      // The record is the council's figures: "this organisation" would be wrong on the trail of
      // an advocacy organisation whose lead imported them.
      recordType: 'population_baseline',
      recordId: council.id,
      organisationId: actor.organisationId,
      details: { question: upload.question, areaCode: found.area.code },
    });
  });
  return found;
}
