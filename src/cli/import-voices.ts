import { existsSync, readFileSync, statSync } from 'node:fs';
import { findCredentials, loadActor } from '../features/accounts/accounts.repository.ts';
import { PERSPECTIVES, isPerspective } from '../features/engagements/index.ts';
import {
  type VoiceColumns,
  VoiceImportError,
  importVoices,
  readVoiceFile,
} from '../features/voices/index.ts';
import { CsvError } from '../platform/csv.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

const USAGE =
  'heard import voices FILE.csv --engagement ID --prompt ID --text-column NAME --by EMAIL (--consent-column NAME | --all-consented)';

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** The columns the options name, or a UsageError saying what is missing or contradictory. */
function columnsFrom(values: OptionValues): VoiceColumns {
  const textColumn = text(values, 'text-column');
  if (textColumn === undefined) throw new UsageError(`Give the column of the words: ${USAGE}`);
  const consentColumn = text(values, 'consent-column');
  const allConsented = values['all-consented'] === true;
  if ((consentColumn === undefined) === !allConsented) {
    throw new UsageError(
      'Say how each person agreed to their words being used: --consent-column NAME (rows saying yes, y, true or 1 are imported), or --all-consented if every person agreed. Give one, not both.',
    );
  }
  const perspective = text(values, 'perspective');
  const perspectiveColumn = text(values, 'perspective-column');
  if (perspective !== undefined && perspectiveColumn !== undefined)
    throw new UsageError('Give --perspective or --perspective-column, not both.');
  const every = perspective ?? 'community_member';
  if (!isPerspective(every))
    throw new UsageError(`--perspective must be one of ${PERSPECTIVES.join(', ')}`);
  return {
    text: textColumn,
    consentUse: consentColumn === undefined ? 'all' : { column: consentColumn },
    consentQuote: text(values, 'quote-column'),
    perspective: perspectiveColumn === undefined ? { every } : { column: perspectiveColumn },
    id: text(values, 'id-column'),
  };
}

/**
 * `heard import voices FILE.csv ...`: paper forms or another survey's answers, as voices to one
 * question, all or nothing.
 */
export async function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  const engagement = text(values, 'engagement');
  const prompt = text(values, 'prompt');
  const by = text(values, 'by');
  if (
    file === undefined ||
    extra.length > 0 ||
    engagement === undefined ||
    prompt === undefined ||
    by === undefined
  )
    throw new UsageError(`Give one file, the engagement, the question and who imports: ${USAGE}`);
  const columns = columnsFrom(values);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);

  await withDatabase(async (deps) => {
    const credentials = await findCredentials(deps.db, by.trim().toLowerCase());
    const actor =
      credentials === undefined ? undefined : await loadActor(deps.db, credentials.userId);
    if (actor === undefined) throw new UsageError(`There is no active user with email ${by}.`);
    try {
      const summary = await importVoices(
        deps,
        actor,
        engagement,
        prompt,
        readVoiceFile(readFileSync(file), file, columns),
        'cli',
      );
      console.log(
        `Imported ${summary.imported} voices; skipped ${summary.alreadyImported} already imported, ${summary.noConsent} without consent to use, ${summary.empty} empty.`,
      );
      if (summary.flagged > 0) {
        console.error(
          `${summary.flagged} of them may be safeguarding disclosures: the engagement's safeguarding lead and deputy have been told.`,
        );
      }
    } catch (error) {
      if (error instanceof CsvError || error instanceof VoiceImportError)
        throw new UsageError(`Nothing was imported. ${error.message}`);
      throw error;
    }
  });
}
