import { seedDemo } from '../features/demo/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

export function run(values: OptionValues): Promise<void> {
  if (values.demo !== true) throw new UsageError('Say what to add: heard seed --demo');
  return withDatabase(async (deps) => {
    await migrateToLatest(deps.db);
    const { seeded } = await seedDemo(deps);
    console.log(
      seeded ? 'Demo data added.' : 'The database already has organisations: nothing added.',
    );
  });
}
