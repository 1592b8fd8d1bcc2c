// How long importing a CSV of voices takes (`heard import voices` and the web page share it):
// N rows of the NHS FFT comments (../shared/data/fft, repeated past 5,096) into a new SQLite
// file with the demo, each through the safeguarding check, in one transaction.
//   npx tsx bench/voice-import.ts [rows]   (5,096 by default)
// Results and the command go in bench/README.md ("Importing voices").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDatabase } from './demo-database.ts';
import { readComments } from './fft-comments.ts';
import { startListening } from '../test/listening-engagement.ts';
import { findCredentials, loadActor } from '../src/features/accounts/accounts.repository.ts';
import { importVoices, readVoiceFile } from '../src/features/voices/index.ts';
import { DEMO } from '../test/app.ts';
const n = Number(process.argv[2] ?? 5096);
const folder = mkdtempSync(join(tmpdir(), 'heard-voice-import-'));
const deps = await demoDatabase(folder);
const { db } = deps;
const listening = await startListening(db, new Date().toISOString());
const texts = readComments().map((c) => c.voice.text);
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const csv = [
  'id,words',
  ...Array.from({ length: n }, (_, i) => `${i},${quote(texts[i % texts.length] || 'x')}`),
].join('\n');
const credentials = await findCredentials(db, DEMO.lead);
const actor = await loadActor(db, credentials?.userId ?? '');
if (!actor) throw new Error('no actor');
const started = performance.now();
const file = readVoiceFile(Buffer.from(csv), 'x.csv', {
  text: 'words',
  consentUse: 'all',
  consentQuote: undefined,
  perspective: { every: 'community_member' },
  id: 'id',
});
const checked = performance.now();
const summary = await importVoices(
  deps,
  actor,
  listening.id,
  listening.promptIds[0] ?? '',
  file,
  'cli',
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `${n} rows (${(csv.length / 1024).toFixed(0)} KiB): read and checked in ${seconds(checked - started)}, saved in ${seconds(performance.now() - checked)}; ${summary.imported} imported, ${summary.flagged} flagged`,
);
await db.destroy();
rmSync(folder, { recursive: true, force: true });
