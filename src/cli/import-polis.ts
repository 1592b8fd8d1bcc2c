import { existsSync, statSync } from 'node:fs';
import { PERSPECTIVES, isPerspective } from '../features/engagements/index.ts';
import { computeFromVotes, saveSnapshot } from '../features/opinion/opinion.recompute.ts';
import { importPolis, PolisImportError } from '../features/statements/polis-import.ts';
import { CsvError } from '../platform/csv.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

/** `heard import polis FOLDER --engagement ID [--perspective P]`: a Polis export into Heard. */
export async function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [folder, ...extra] = positionals;
  const engagement = values.engagement;
  if (folder === undefined || extra.length > 0 || typeof engagement !== 'string')
    throw new UsageError(
      'Give one folder and the engagement: heard import polis FOLDER --engagement ID',
    );
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`${folder}: no such folder`);
  const perspective =
    typeof values.perspective === 'string' ? values.perspective : 'community_member';
  if (!isPerspective(perspective))
    throw new UsageError(`--perspective must be one of ${PERSPECTIVES.join(', ')}`);

  await withDatabase(async ({ db, clock }) => {
    try {
      const summary = await importPolis(db, clock, engagement, folder, { perspective });
      console.log(
        `Imported ${summary.statements} statements, ${summary.participants} participants and ${summary.votes} votes (from ${summary.votesFile}).`,
      );
    } catch (error) {
      if (error instanceof CsvError || error instanceof PolisImportError)
        throw new UsageError(`Nothing was imported. ${error.message}`);
      throw error;
    }
    // Imported votes carry their Polis times, older than a running server's background
    // recompute looks for, so the map is computed here, once, for the pages to read.
    const version = await saveSnapshot(
      db,
      clock,
      engagement,
      await computeFromVotes(db, engagement),
    );
    console.error(`Opinion map computed (snapshot ${version ?? 'saved by another server'}).`);
  });
}
