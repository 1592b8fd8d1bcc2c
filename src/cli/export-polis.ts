import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPolis } from '../features/statements/polis-export.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

/** `heard export polis --engagement ID FOLDER`: the three Polis files, into a folder. */
export async function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [folder, ...extra] = positionals;
  const engagement = values.engagement;
  if (folder === undefined || extra.length > 0 || typeof engagement !== 'string')
    throw new UsageError(
      'Give the engagement and one folder: heard export polis --engagement ID FOLDER',
    );
  await withDatabase(async ({ db }) => {
    const found = await db
      .selectFrom('engagements')
      .select('id')
      .where('id', '=', engagement)
      .executeTakeFirst();
    if (found === undefined) throw new UsageError(`There is no engagement with id ${engagement}.`);
    const files = await exportPolis(db, engagement);
    const paths = Object.keys(files).map((name) => join(folder, name));
    const taken = paths.filter((path) => existsSync(path));
    // An export never overwrites: an earlier one may be the only copy of what it held.
    if (taken.length > 0)
      throw new UsageError(`${taken.join(', ')}: already there, nothing written`);
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    console.log(`Wrote ${paths.join(', ')}.`);
  });
}
