import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { listDemoAccounts, seedDemo } from './features/demo/index.ts';
import { startOpinionWorker } from './features/opinion/index.ts';
import { startOverdueDigestWorker } from './features/responses/overdue-digest.worker.ts';
import { startSortingWorker } from './features/sorting/sorting-worker.ts';
import { stopRunsHere } from './features/themes/index.ts';
import { systemClock } from './platform/clock.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { translator } from './platform/i18n/i18n.ts';
import { startMailWorker } from './platform/mail/mail-worker.ts';

function printDemoAccounts(config: Config): void {
  const t = translator('en');
  const url = `http://localhost:${config.port}`;
  const rows = listDemoAccounts().map((a) => `  ${a.email.padEnd(28)} ${a.password}   ${t(a.who)}`);
  console.log(
    `\nHeard demo: sign in at ${url}/sign-in with any of these accounts\n${rows.join('\n')}\n`,
  );
}

/** Starts Heard: config -> database -> app -> listen, and closes cleanly on SIGINT or SIGTERM. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const db = openDatabase(config.database);
  if (config.database.dialect === 'sqlite') await migrateToLatest(db);
  const app = await buildApp({ config, db, clock: systemClock });
  if (config.demo) {
    const { seeded } = await seedDemo({ config, db, clock: systemClock, t: translator('en') });
    if (seeded) app.log.info('demo data added');
    printDemoAccounts(config);
  }
  // Only here, not in buildApp: tests and CLI commands build the app without sending email.
  const mailWorker = startMailWorker({
    db,
    mail: config.mail,
    notify: config.notify,
    clock: systemClock,
    logger: app.log,
  });
  const sortingWorker = startSortingWorker(
    { config, db, clock: systemClock, t: translator('en') },
    app.log,
  );
  const opinionWorker = startOpinionWorker(
    { config, db, clock: systemClock, t: translator('en') },
    app.log,
  );
  const digestWorker = startOverdueDigestWorker(
    { config, db, clock: systemClock, t: translator('en') },
    app.log,
  );

  let closing = false;
  const close = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    await mailWorker.stop();
    await sortingWorker.stop();
    await opinionWorker.stop();
    await digestWorker.stop();
    await stopRunsHere({ config, db, clock: systemClock, t: translator('en') });
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
}
