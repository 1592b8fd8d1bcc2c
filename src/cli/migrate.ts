import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Command } from './main.ts';
import { withDatabase } from './with-database.ts';

export const migrateCommand: Command = {
  usage: 'migrate',
  summary: 'Bring the database (DATABASE_URL, or the SQLite file) up to the latest schema.',
  options: {},
  run: () =>
    withDatabase(async ({ db }) => {
      const ran = await migrateToLatest(db);
      console.log(ran.length === 0 ? 'The database is up to date.' : `Ran: ${ran.join(', ')}`);
    }),
};
