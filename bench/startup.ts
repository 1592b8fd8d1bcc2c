// How long `npm start` takes to serve: spawns `heard serve` on a new SQLite file (first start:
// migrate and add the demo) and again on the same file, and times each until /readyz answers.
// Run: npx tsx bench/startup.ts [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEARD = fileURLToPath(new URL('../bin/heard.js', import.meta.url));
const PORT = 3917;

async function timeToReady(file: string): Promise<number> {
  const started = performance.now();
  const server = spawn(process.execPath, [HEARD, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${file}`,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/readyz`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000)
        throw new Error('Heard did not become ready within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

const runs = Number(process.argv[2] ?? 5);
const first: number[] = [];
const again: number[] = [];
for (let run = 0; run < runs; run++) {
  const folder = mkdtempSync(join(tmpdir(), 'heard-bench-'));
  const file = join(folder, 'heard.sqlite');
  first.push(await timeToReady(file));
  again.push(await timeToReady(file));
  rmSync(folder, { recursive: true, force: true });
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const max = (values: number[]): number => Math.max(...values);
console.log(`runs: ${runs}`);
console.log(
  `first start (migrate + demo): median ${median(first).toFixed(0)} ms, max ${max(first).toFixed(0)} ms`,
);
console.log(
  `later start:                  median ${median(again).toFixed(0)} ms, max ${max(again).toFixed(0)} ms`,
);
