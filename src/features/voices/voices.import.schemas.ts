import { z } from 'zod';
import { type UploadedFile, uploadedFileSchema } from '../../platform/http/uploads.ts';
import { PERSPECTIVES } from '../engagements/index.ts';
import type { VoiceColumns } from './voices.import-csv.ts';

// The staff form for adding voices from a spreadsheet. Messages are catalogue keys.

const COLUMN_MAX_LENGTH = 200;

/** A column's name as typed; blank when the person left the box empty. */
const columnName = z
  .string()
  .trim()
  .max(COLUMN_MAX_LENGTH, 'voicesImport.errors.columnTooLong')
  .default('');

const optionalColumn = columnName.transform((name) => (name === '' ? undefined : name));

const csvFile = z
  .custom<UploadedFile>((value) => uploadedFileSchema.safeParse(value).success, {
    error: 'voicesImport.errors.fileMissing',
  })
  .refine((file) => !file.tooLarge, 'voicesImport.errors.fileTooLarge')
  .refine((file) => file.filename.toLowerCase().endsWith('.csv'), 'voicesImport.errors.fileNotCsv');

/** A check that one field's answer needs another runs even when other fields are wrong. */
const whenValid =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0])));

/**
 * What the form sends, for one of the engagement's open questions. Consent to use is never
 * assumed: either a column says it for each person, or the person importing states that all agreed.
 */
export const voiceImportSchema = (openPromptIds: readonly string[]) =>
  z
    .object({
      file: csvFile,
      prompt: z
        .string({ error: 'voicesImport.errors.promptMissing' })
        .refine((id) => openPromptIds.includes(id), 'voicesImport.errors.promptMissing'),
      textColumn: columnName.refine((name) => name !== '', 'voicesImport.errors.textColumnMissing'),
      consentUse: z.enum(['column', 'all'], { error: 'voicesImport.errors.consentUseMissing' }),
      consentColumn: columnName,
      quoteColumn: optionalColumn,
      idColumn: optionalColumn,
      perspective: z.enum([...PERSPECTIVES, 'column'], {
        error: 'voicesImport.errors.perspectiveMissing',
      }),
      perspectiveColumn: columnName,
    })
    .refine((form) => form.consentUse !== 'column' || form.consentColumn !== '', {
      path: ['consentColumn'],
      message: 'voicesImport.errors.consentColumnMissing',
      when: whenValid('consentUse', 'consentColumn'),
    })
    .refine((form) => form.perspective !== 'column' || form.perspectiveColumn !== '', {
      path: ['perspectiveColumn'],
      message: 'voicesImport.errors.perspectiveColumnMissing',
      when: whenValid('perspective', 'perspectiveColumn'),
    })
    .transform((form): { file: UploadedFile; promptId: string; columns: VoiceColumns } => ({
      file: form.file,
      promptId: form.prompt,
      columns: {
        text: form.textColumn,
        consentUse: form.consentUse === 'all' ? 'all' : { column: form.consentColumn },
        consentQuote: form.quoteColumn,
        perspective:
          form.perspective === 'column'
            ? { column: form.perspectiveColumn }
            : { every: form.perspective },
        id: form.idColumn,
      },
    }));

/** The fields typed or chosen, to show again with the errors (a file cannot be shown again). */
export const VOICE_IMPORT_FIELDS = [
  'prompt',
  'textColumn',
  'consentUse',
  'consentColumn',
  'quoteColumn',
  'idColumn',
  'perspective',
  'perspectiveColumn',
] as const;
