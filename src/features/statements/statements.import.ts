import { CsvError } from '../../platform/csv.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { type UploadedFile, uploadedFileSchema } from '../../platform/http/uploads.ts';
import type { FieldErrors } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import type { Engagement, Perspective } from '../engagements/index.ts';
// The CLI computes the map straight after an import too: imported votes carry their Polis
// times, older than the background recompute looks for.
import { computeFromVotes, saveSnapshot } from '../opinion/opinion.recompute.ts';
import { type PolisImportSummary, PolisImportError, importPolisExport } from './polis-import.ts';
import { type CsvFile, polisExport, readPolisComments, readPolisVotes } from './polis-read.ts';
import { mayModerate } from './statements.permissions.ts';

/** The two files of the staff page's form: comments.csv, and votes.csv or participants-votes.csv. */
export const POLIS_FILES = ['comments', 'votes'] as const;
type PolisFile = (typeof POLIS_FILES)[number];

/** What the form sent: a file in each box (or not), and who the people were. */
export interface PolisUpload {
  files: Partial<Record<PolisFile, unknown>>;
  perspective: Perspective;
}

export type PolisUploadOutcome =
  | { ok: true; value: PolisImportSummary }
  | {
      ok: false;
      errors: FieldErrors;
      /** The first fault in the files, naming file and line, as the reader words it. */
      fault?: string;
    };

// Files that are not CSV text, by their first bytes: a zip (an .xlsx or .ods workbook), an
// older Excel workbook, a PDF.
const NOT_TEXT = [
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
  Buffer.from('%PDF', 'latin1'),
];

/** A CSV file by its name and by its bytes (a workbook renamed .csv is still a workbook). */
const isCsv = (file: UploadedFile): boolean =>
  file.filename.toLowerCase().endsWith('.csv') &&
  !NOT_TEXT.some((start) => file.bytes.subarray(0, start.length).equals(start));

/** Each box's file, checked for presence, size and type; or what is wrong with each. */
function checkFiles(
  sent: PolisUpload['files'],
): { ok: true; files: Record<PolisFile, CsvFile> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const files: Partial<Record<PolisFile, CsvFile>> = {};
  for (const field of POLIS_FILES) {
    const parsed = uploadedFileSchema.safeParse(sent[field]);
    if (!parsed.success) errors[field] = `statements.import.${field}Missing`;
    else if (parsed.data.tooLarge) errors[field] = `statements.import.${field}TooLarge`;
    else if (!isCsv(parsed.data)) errors[field] = `statements.import.${field}NotCsv`;
    else files[field] = { name: parsed.data.filename, bytes: parsed.data.bytes };
  }
  const { comments, votes } = files;
  return comments === undefined || votes === undefined
    ? { ok: false, errors }
    : { ok: true, files: { comments, votes } };
}

/** Reads one file, turning its first fault into the form's error for that box. */
function readOrFault<T>(
  field: PolisFile,
  read: () => T,
): { ok: true; value: T } | { ok: false; errors: FieldErrors; fault: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, errors: { [field]: 'statements.import.fault' }, fault: error.message };
  }
}

/**
 * The advocacy lead imports a Polis conversation from the staff page: both files are read and
 * checked before anything is written, then written in one transaction (audited with who did
 * it) and the opinion map computed. All or nothing: a fault in either file leaves the engagement as it was.
 */
export async function importPolisUpload(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  upload: PolisUpload,
): Promise<PolisUploadOutcome> {
  if (!mayModerate(actor, engagement)) throw new ForbiddenError();
  const checked = checkFiles(upload.files);
  if (!checked.ok) return checked;
  const comments = readOrFault('comments', () => readPolisComments(checked.files.comments));
  if (!comments.ok) return comments;
  const votes = readOrFault('votes', () => readPolisVotes(checked.files.votes, comments.value));
  if (!votes.ok) return votes;
  let summary: PolisImportSummary;
  try {
    summary = await importPolisExport(
      deps.db,
      deps.clock,
      engagement.id,
      polisExport(comments.value, votes.value, checked.files.votes.name),
      {
        perspective: upload.perspective,
        by: { userId: actor.userId, organisationId: actor.organisationId },
      },
    );
  } catch (error) {
    if (!(error instanceof PolisImportError)) throw error;
    return { ok: false, errors: { comments: `statements.import.${error.reason}` } };
  }
  await saveSnapshot(
    deps.db,
    deps.clock,
    engagement.id,
    await computeFromVotes(deps.db, engagement.id),
  );
  return { ok: true, value: summary };
}
