// How long the themes page takes when an engagement has many voices: the advocacy lead's page
// (every theme with its voices' counts, quotes and the voices to code next) and the council
// officer's (published themes, small counts hidden), each read through Heard's routes; and the
// published themes as the public "You said, we did" page reads them; and, beside them, a page of
// the staff list of voices and the sorting queue.
//   npx tsx bench/themes-page.ts [voices]   (20,000 by default)
// The voices are the NHS FFT comments (../shared/data/fft) repeated, written straight into a new
// SQLite file as people answering online would leave them; the lead drafts themes through the
// page (a worker thread, as in production) and publishes them. Results go in bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, DEMO } from '../test/app.ts';
import { startListening } from '../test/listening-engagement.ts';
import { buildApp } from '../src/app.ts';
import { publishedThemes } from '../src/features/themes/index.ts';
import { draftFinished } from '../src/features/themes/themes.drafting.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/db/ids.ts';
import { demoDatabase } from './demo-database.ts';
import { readComments } from './fft-comments.ts';
import { timedAsync } from './timed.ts';

const VOICES = Number(process.argv[2] ?? 20_000);
const PERSPECTIVES = ['lived_experience', 'family_carer', 'professional'];
const READS = 5;

/** People answering the first question online, one voice each, in batches of 500. */
async function writeVoices(db: Db, engagementId: string, promptId: string): Promise<void> {
  const texts = readComments().map((comment) => comment.voice.text);
  const at = new Date().toISOString();
  for (let from = 0; from < VOICES; from += 500) {
    const batch = Array.from({ length: Math.min(500, VOICES - from) }, (_, i) => ({
      participant: newId(),
      voice: newId(),
      text: texts[(from + i) % texts.length] ?? '',
      perspective: PERSPECTIVES[(from + i) % PERSPECTIVES.length] ?? 'lived_experience',
    }));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('participants')
        .values(
          batch.map((b) => ({
            id: b.participant,
            engagement_id: engagementId,
            reference_hash: null,
            perspective: b.perspective,
            created_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('voices')
        .values(
          batch.map((b) => ({
            id: b.voice,
            engagement_id: engagementId,
            prompt_id: promptId,
            participant_id: b.participant,
            channel: 'online',
            session_id: null,
            captured_by_id: null,
            help_given: '[]',
            whose_view: 'own',
            language: 'en',
            consent_use: 1,
            consent_quote: 1,
            consent_given_by: 'online',
            triage_state: 'new',
            created_at: at,
            withdrawn_at: null,
          })),
        )
        .execute();
      await trx
        .insertInto('voice_versions')
        .values(
          batch.map((b) => ({
            id: newId(),
            voice_id: b.voice,
            version: 1,
            text: b.text,
            is_summary: 0,
            reason: 'original',
            written_by_id: null,
            created_at: at,
          })),
        )
        .execute();
    });
  }
}

async function timeReads(browser: Browser, url: string, who: string): Promise<void> {
  const seconds: string[] = [];
  let bytes = 0;
  for (let i = 0; i < READS; i++) {
    const { result, seconds: taken } = await timedAsync(() => browser.get(url));
    if (result.statusCode !== 200) throw new Error(`${who}: ${url} answered ${result.statusCode}`);
    bytes = result.body.length;
    seconds.push(taken);
  }
  console.log(`${who}: ${seconds.join(', ')} (${Math.round(bytes / 1024)} KiB)`);
}

const folder = mkdtempSync(join(tmpdir(), 'heard-themes-page-'));
try {
  const { config, db } = await demoDatabase(folder);
  const app = await buildApp({ config, db, clock: systemClock });
  await app.ready();
  const listening = await startListening(db, new Date().toISOString());
  const written = await timedAsync(() =>
    writeVoices(db, listening.id, listening.promptIds[0] ?? ''),
  );
  console.log(`${VOICES} voices written in ${written.seconds}`);

  const themesUrl = `/engagements/${listening.id}/themes`;
  const lead = new Browser(app);
  await lead.signIn(DEMO.lead, DEMO.password);
  const drafted = await timedAsync(async () => {
    await lead.submit(themesUrl, `${themesUrl}/draft`, {});
    await draftFinished(listening.id);
  });
  console.log(`drafted through the page in ${drafted.seconds}`);
  await timeReads(lead, themesUrl, "advocacy lead's themes page");
  // The staff list of voices beside it, whose pages are read from the database a page at a time.
  await timeReads(lead, `/engagements/${listening.id}/voices?page=2`, "lead's voices list, page 2");
  // And the sorting queue, which finds campaigns among every voice's words.
  await timeReads(lead, `/engagements/${listening.id}/sorting`, "lead's sorting queue");

  const page = (await lead.get(themesUrl)).body;
  const snapshotId = /name="snapshotId" value="([^"]+)"/.exec(page)?.[1] ?? '';
  await lead.submit(themesUrl, `${themesUrl}/review`, { snapshotId });
  const published = await lead.submit(themesUrl, `${themesUrl}/publish`, { snapshotId });
  if (published.statusCode !== 303) throw new Error(`publishing answered ${published.statusCode}`);
  const officer = new Browser(app);
  await officer.signIn(DEMO.officer, DEMO.password);
  await timeReads(officer, themesUrl, "council officer's themes page");
  // What the public "You said, we did" page and the recommendations read of the shared themes.
  const shared: string[] = [];
  for (let i = 0; i < READS; i++) {
    const { result, seconds } = await timedAsync(() =>
      publishedThemes(db, listening.id, { suppress: true }),
    );
    if (result === undefined) throw new Error('no published themes');
    shared.push(seconds);
  }
  console.log(`published themes (public page's part): ${shared.join(', ')}`);
  await app.close();
  await db.destroy();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
