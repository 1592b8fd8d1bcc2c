import { seedDemo } from '../features/demo/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { UsageError, type Command } from './main.ts';
import { withDatabase } from './with-database.ts';

export const seedCommand: Command = {
  usage: 'seed --demo',
  summary: 'Add the demo organisations, accounts and engagement to an empty database.',
  options: { demo: { type: 'boolean' } },
  run: (values) => {
    if (values.demo !== true) throw new UsageError('Say what to add: heard seed --demo');
    return withDatabase(async (deps) => {
      await migrateToLatest(deps.db);
      const { seeded } = await seedDemo(deps);
      console.log(
        seeded ? 'Demo data added.' : 'The database already has organisations: nothing added.',
      );
    });
  },
};
