// Whether the opinion maths scales to the target: a synthetic conversation of 100,000
// participants and 2,000 statements in which each person votes on 5 % of the statements (about
// 10 million votes), with three latent camps so that there are groups to find. Prints the time
// of each full recompute (analyseOpinions from the votes in memory to the finished map), the
// time of its main steps, and the process's peak resident memory (getrusage maxRSS, through
// process.resourceUsage(); it includes the 10 million votes themselves).
// Run: node --max-old-space-size=4096 --import tsx bench/opinion-scale.ts [runs, default 3]
import { loadavg } from 'node:os';
import { analyseOpinions } from '../src/analysis/opinion/analyse.ts';
import { groupPoints } from '../src/analysis/opinion/groups.ts';
import { inConversation } from '../src/analysis/opinion/in-conversation.ts';
import { principalComponents } from '../src/analysis/opinion/pca.ts';
import { projectParticipants } from '../src/analysis/opinion/projection.ts';
import {
  buildVoteMatrix,
  type StatementState,
  type Vote,
  type VoteValue,
} from '../src/analysis/opinion/vote-matrix.ts';

const PARTICIPANTS = 100_000;
const STATEMENTS = 2_000;
const DENSITY = 0.05;
const CAMPS = 3;
/** People voting at the same time: their votes interleave, as they arrive in Polis. */
const AT_ONCE = 50;
/** Share of votes cast again later with a new value (latest wins). */
const CHANGED = 0.01;
const RUNS = Number(process.argv[2] ?? 3);

/** Seeded uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Each camp has its own chance of agreeing with each statement (a few statements are common
 * ground, agreed by every camp); a person votes with their camp's chances, passing 15 % of the
 * time, on a random 5 % of the statements.
 */
function syntheticConversation(): { votes: Vote[]; statements: StatementState[] } {
  const next = random(2026);
  const participantIds = Array.from({ length: PARTICIPANTS }, (_, i) => `p${i}`);
  const statementIds = Array.from({ length: STATEMENTS }, (_, j) => `s${j}`);
  const agreeChance = Float64Array.from({ length: CAMPS * STATEMENTS }, (_, i) =>
    (i % STATEMENTS) % 20 === 0 ? 0.85 : next() < 0.5 ? 0.15 + next() * 0.2 : 0.65 + next() * 0.2,
  );
  const perPerson = Math.round(STATEMENTS * DENSITY);
  const deck = Int32Array.from({ length: STATEMENTS }, (_, j) => j);
  const voteOf = (camp: number, statement: number): VoteValue => {
    if (next() < 0.15) return 0;
    return next() < (agreeChance[camp * STATEMENTS + statement] ?? 0) ? 1 : -1;
  };
  const votes: Vote[] = [];
  for (let first = 0; first < PARTICIPANTS; first += AT_ONCE) {
    const people = Math.min(AT_ONCE, PARTICIPANTS - first);
    // Each person's statements: the first perPerson of a partial Fisher–Yates shuffle.
    const seen = new Int32Array(people * perPerson);
    for (let p = 0; p < people; p++) {
      for (let k = 0; k < perPerson; k++) {
        const pick = k + Math.floor(next() * (STATEMENTS - k));
        const chosen = deck[pick] ?? 0;
        deck[pick] = deck[k] ?? 0;
        deck[k] = chosen;
        seen[p * perPerson + k] = chosen;
      }
    }
    for (let k = 0; k < perPerson; k++) {
      for (let p = 0; p < people; p++) {
        const person = first + p;
        const camp = person % CAMPS;
        const statement = seen[p * perPerson + k] ?? 0;
        const participant = participantIds[person] ?? '';
        const id = statementIds[statement] ?? '';
        votes.push({ participant, statement: id, value: voteOf(camp, statement) });
        if (next() < CHANGED)
          votes.push({ participant, statement: id, value: voteOf(camp, statement) });
      }
    }
  }
  const statements = statementIds.map((id, j) => ({
    id,
    moderatedOut: j % 50 === 7,
    meta: j % 400 === 3,
  }));
  return { votes, statements };
}

/** How many people are in a group whose most common latent camp is their own (person i is in camp i mod 3). */
function inMajorityCamp(groups: readonly { members: readonly string[] }[]): number {
  let agreeing = 0;
  for (const group of groups) {
    const counts = new Array<number>(CAMPS).fill(0);
    for (const member of group.members) {
      const camp = Number(member.slice(1)) % CAMPS;
      counts[camp] = (counts[camp] ?? 0) + 1;
    }
    agreeing += Math.max(...counts);
  }
  return agreeing;
}

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Wall-clock time, and CPU time (user + system), which the machine's other work inflates less. */
function timed<T>(work: () => T): { result: T; ms: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const generated = timed(syntheticConversation);
const { votes, statements } = generated.result;
console.log(
  `${PARTICIPANTS.toLocaleString('en-GB')} participants × ${STATEMENTS.toLocaleString('en-GB')} statements, ${votes.length.toLocaleString('en-GB')} votes, made in ${seconds(generated.ms)}; peak RSS so far ${mib(process.resourceUsage().maxRSS)}`,
);

const times: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const { result: map, ms, cpuMs } = timed(() => analyseOpinions(votes, statements));
  times.push(ms);
  cpuTimes.push(cpuMs);
  console.log(
    `run ${run + 1}: ${seconds(ms)} (CPU ${seconds(cpuMs)}), ${map.groups.length} groups of ${map.groups.map((g) => g.members.length).join(', ')}, ${inMajorityCamp(map.groups).toLocaleString('en-GB')} people in a group whose most common camp is theirs; peak RSS ${mib(process.resourceUsage().maxRSS)}`,
  );
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(
  `median of ${RUNS}: ${seconds(median(times))} (CPU ${seconds(median(cpuTimes))}); load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);

// The main steps once more, each timed on its own (the rest is tallies, repness, consensus,
// priority and the output maps).
const matrix = timed(() => buildVoteMatrix(votes, statements));
const pca = timed(() => principalComponents(matrix.result));
const projected = timed(() => projectParticipants(matrix.result, pca.result));
const clustered = timed(() => inConversation(matrix.result));
const points = new Float64Array(clustered.result.length * 2);
clustered.result.forEach((row, i) => {
  points[i * 2] = projected.result[row * 2] ?? 0;
  points[i * 2 + 1] = projected.result[row * 2 + 1] ?? 0;
});
const grouping = timed(() => groupPoints(points));
console.log(
  `steps: vote matrix ${seconds(matrix.ms)}, PCA ${seconds(pca.ms)}, projection ${seconds(projected.ms)}, in conversation ${seconds(clustered.ms)}, base clusters and groups ${seconds(grouping.ms)}`,
);
console.log(`peak RSS ${mib(process.resourceUsage().maxRSS)}`);
