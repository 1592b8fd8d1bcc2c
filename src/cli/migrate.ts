import { migrateToLatest } from '../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

export const run = (): Promise<void> =>
  withDatabase(async ({ db }) => {
    const ran = await migrateToLatest(db);
    console.log(ran.length === 0 ? 'The database is up to date.' : `Ran: ${ran.join(', ')}`);
  });
