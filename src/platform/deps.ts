import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { Translate } from './i18n/i18n.ts';

/** What every feature is given by the composition root, and nothing else. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  t: Translate;
}
