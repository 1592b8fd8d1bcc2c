// How closely Heard's opinion groups match Polis's own: runs the maths on every conversation in
// ../shared/data/polis and prints the adjusted Rand index against Polis's group-id (over
// participants both grouped), the number of groups each found, and the time of a full recompute
// (median of 10 after 3 warm-up runs, votes already read): wall-clock, and CPU time (user +
// system), which other work on a shared machine inflates less.
// Run: npx tsx bench/opinion-accuracy.ts [data folder]
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyseOpinions } from '../src/analysis/opinion/analyse.ts';
import { readPolisFolder } from '../src/cli/polis-folder.ts';

const DATA = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/polis');

/** Adjusted Rand index of two labellings of the same items (Hubert and Arabie). */
export function adjustedRandIndex(first: readonly string[], second: readonly string[]): number {
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  first.forEach((a, i) => {
    const b = second[i] ?? '';
    table.set(`${a}\u0000${b}`, (table.get(`${a}\u0000${b}`) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((sum, n) => sum + pairs(n), 0);
  const rowSum = [...rows.values()].reduce((sum, n) => sum + pairs(n), 0);
  const colSum = [...cols.values()].reduce((sum, n) => sum + pairs(n), 0);
  const expected = (rowSum * colSum) / pairs(first.length);
  const maximum = (rowSum + colSum) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

console.log(
  '| conversation | participants × statements | ARI | groups (Heard / Polis) | recompute, median of 10 | CPU time, median of 10 |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const name of readdirSync(DATA).sort()) {
  const folder = join(DATA, name);
  if (!statSync(folder).isDirectory()) continue;
  const data = readPolisFolder(folder, { polisGroups: true });
  const map = analyseOpinions(data.votes, data.statements);
  const heard = new Map<string, string>();
  for (const group of map.groups)
    for (const member of group.members) heard.set(member, String(group.id));
  const both = [...data.polisGroups.keys()].filter((participant) => heard.has(participant));
  const ari = adjustedRandIndex(
    both.map((participant) => heard.get(participant) ?? ''),
    both.map((participant) => data.polisGroups.get(participant) ?? ''),
  );
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 13; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    analyseOpinions(data.votes, data.statements);
    const used = process.cpuUsage(cpu);
    if (run < 3) continue;
    times.push(performance.now() - started);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const polisGroups = new Set(data.polisGroups.values()).size;
  console.log(
    `| ${name} | ${map.participants.length} × ${map.statements.length} | ${ari.toFixed(3)} | ${map.groups.length} / ${polisGroups} | ${median(times).toFixed(0)} ms | ${median(cpuTimes).toFixed(0)} ms |`,
  );
}
console.log(
  `\nLoad average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} (1, 5, 15 minutes) at the end.`,
);
