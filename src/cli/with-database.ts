import { type Config, loadConfig } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n/i18n.ts';

/** Runs a command against the configured database and always closes it. */
export async function withDatabase<T>(
  work: (deps: Deps) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
  const db = openDatabase(config.database);
  try {
    return await work({ config, db, clock: systemClock, t: translator('en') });
  } finally {
    await db.destroy();
  }
}
