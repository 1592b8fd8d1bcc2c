// Themes at scale (issue 5): draft themes for 100,000 voices (≤ 60 s on 2 cores, peak memory
// ≤ 2 GB) and map 100,000 voices to 30 coded themes (≤ 10 s).
//   /usr/bin/time -v npx tsx bench/themes-scale.ts [voices, default 100000] [map]
// With `map`, only the mapping is run (to compare versions of it in turn on a busy machine).
// The voices are the NHS FFT comments of ../shared/data/fft repeated with variation: every copy
// after the first drops each word with chance 1 in 10 and swaps each pair of neighbouring words
// with chance 1 in 10 (a seeded generator, so every run sees the same voices). For mapping,
// 1,000 voices are coded by hand with their human themes among the 30 most common.
// Prints wall time, this process's CPU time and time per stage; peak RSS comes from getrusage
// (and from /usr/bin/time -v). Results and the command go in bench/README.md, "Themes (issue 5)".
import { loadavg } from 'node:os';
import { seededRandom, shuffledIndices } from '../src/analysis/text/random.ts';
import {
  type ThemeProgress,
  type Voice,
  draftThemes,
  mapToThemes,
} from '../src/analysis/text/themes.ts';
import { loadSentenceEncoder } from '../src/platform/sentence-encoder/sentence-encoder.ts';
import { type Comment, readComments } from './fft-comments.ts';
import { timedAsync } from './timed.ts';

const VOICES = Number(process.argv[2] ?? 100_000);
const MAP_ONLY = process.argv[3] === 'map';
const CODED = 1000;
const THEMES = 30;

/** `count` voices from the comments, each copy after the first with words dropped and swapped. */
function varied(comments: readonly Comment[], count: number): Comment[] {
  const random = seededRandom(42);
  return Array.from({ length: count }, (_, i) => {
    const comment = comments[i % comments.length] ?? { voice: { id: '', text: '' }, themes: [] };
    const copy = Math.floor(i / comments.length);
    let words = comment.voice.text.split(/\s+/).filter((word) => word !== '');
    if (copy > 0) {
      words = words.filter(() => random() >= 0.1);
      for (let j = 0; j + 1 < words.length; j++) {
        if (random() < 0.1) words.splice(j, 2, words[j + 1] ?? '', words[j] ?? '');
      }
    }
    return {
      voice: { id: `${comment.voice.id}-${copy}`, text: words.join(' '), quotable: true },
      themes: comment.themes,
    };
  });
}

/** Logs how long each stage of the pipeline took (wall and CPU), the last when `end` is called. */
function stageTimes(): { onProgress: ThemeProgress; end: () => void } {
  let stage = '';
  let started = performance.now();
  let cpu = process.cpuUsage();
  const next = (name: string): void => {
    if (name === stage) return;
    const now = performance.now();
    const { user, system } = process.cpuUsage(cpu);
    if (stage !== '') {
      console.log(
        `  ${stage}: ${((now - started) / 1000).toFixed(1)} s (CPU ${((user + system) / 1e6).toFixed(1)} s)`,
      );
    }
    stage = name;
    started = now;
    cpu = process.cpuUsage();
  };
  return { onProgress: next, end: () => next('') };
}

/** Runs the work, logging its stages as they end. */
async function staged<T>(
  work: (onProgress: ThemeProgress) => Promise<T>,
): Promise<{ result: T; seconds: string }> {
  const stages = stageTimes();
  const done = await timedAsync(() => work(stages.onProgress));
  stages.end();
  return done;
}

const mib = (bytes: number): string => `${Math.round(bytes / 1024)} MiB`;
const peak = (): string => mib(process.resourceUsage().maxRSS);

const comments = varied(readComments(), VOICES);
const voices: Voice[] = comments.map((c) => c.voice);
console.log(
  `${voices.length.toLocaleString('en-GB')} voices (${new Set(voices.map((v) => v.text)).size.toLocaleString('en-GB')} different texts); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);

if (!MAP_ONLY) {
  // Loading the sentence encoder counts: a draft in a thread of its own loads it each time.
  const drafted = await staged(async (onProgress) =>
    draftThemes(voices, { onProgress, sentenceEncoder: await loadSentenceEncoder() }),
  );
  console.log(
    `draft: ${drafted.result.themes.length} themes in ${drafted.seconds}; peak RSS ${peak()}`,
  );
}

const themeCounts = new Map<string, number>();
for (const c of comments)
  for (const t of c.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
const kept = new Set(
  [...themeCounts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, THEMES)
    .map(([theme]) => theme),
);
const codable = comments.filter((c) => c.themes.some((t) => kept.has(t)));
const coded = new Map(
  shuffledIndices(codable.length, seededRandom(5))
    .slice(0, CODED)
    .map((i) => codable[i])
    .filter((c) => c !== undefined)
    .map((c) => [c.voice.id, c.themes.filter((t) => kept.has(t))]),
);
const mapped = await staged((onProgress) => mapToThemes(voices, coded, { onProgress }));
console.log(
  `map: ${coded.size.toLocaleString('en-GB')} coded voices, ${mapped.result.themes.length} themes, in ${mapped.seconds}; peak RSS ${peak()}`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
