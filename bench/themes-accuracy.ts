// How well draft themes and mapping match human coding, and how long they take.
//   npx tsx bench/themes-accuracy.ts
// On the NHS FFT comments in ../shared/data/fft (5,096 comments coded into 50 themes): NMI of the
// draft themes against each comment's first human theme (comments coded only "Labelling not
// possible" or with no theme left out), and micro/macro F1 of mapping when 10 % or 20 % of the
// comments are coded by hand, picked at random or by Heard (uncertainty sampling from 2 %).
// Results and the command go in bench/README.md, "Themes (issue 5)".
import { readFileSync } from 'node:fs';
import { type Voice, draftThemes, mapToThemes } from '../src/analysis/text/themes.ts';
import { seededRandom, shuffledIndices } from '../src/analysis/text/random.ts';
import { csvTable, parseCsv } from '../src/cli/csv.ts';

const FILE = new URL('../../shared/data/fft/neas-dev.csv', import.meta.url);
const FIRST_THEME_COLUMN = 'Not assigned';
const IGNORED = new Set(['Not assigned', 'Labelling not possible']);

interface Comment {
  voice: Voice;
  /** Human themes in the file's column order; empty when none but the ignored ones. */
  themes: string[];
}

function readComments(): Comment[] {
  const records = parseCsv(readFileSync(FILE), FILE.pathname);
  const table = csvTable(records, FILE.pathname, ['Comment ID', 'FFT answer']);
  const themeColumns = table.header.slice(table.header.indexOf(FIRST_THEME_COLUMN));
  return table.rows.map((row) => ({
    voice: { id: row.get('Comment ID'), text: row.get('FFT answer'), quotable: true },
    themes: themeColumns.filter((column) => !IGNORED.has(column) && row.get(column) === '1'),
  }));
}

/** Normalised mutual information (arithmetic mean of the entropies, as scikit-learn). */
export function nmi(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const count = (keys: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const ca = count(a);
  const cb = count(b);
  const joint = count(a.map((x, i) => `${x}\u0000${b[i] ?? ''}`));
  const entropy = (counts: Map<string, number>) =>
    [...counts.values()].reduce((h, c) => h - (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x = '', y = ''] = key.split('\u0000');
    mutual += (c / n) * Math.log((c * n) / ((ca.get(x) ?? 1) * (cb.get(y) ?? 1)));
  }
  const mean = (entropy(ca) + entropy(cb)) / 2;
  return mean === 0 ? 1 : mutual / mean;
}

function f1(
  truth: readonly string[][],
  predicted: readonly string[][],
): { micro: number; macro: number } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const of = (theme: string) => {
    const c = counts.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(theme, c);
    return c;
  };
  truth.forEach((themes, i) => {
    const guess = new Set(predicted[i]);
    for (const theme of themes) {
      if (guess.has(theme)) of(theme).tp++;
      else of(theme).fn++;
    }
    for (const theme of guess) if (!themes.includes(theme)) of(theme).fp++;
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perTheme: number[] = [];
  for (const [, c] of counts) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    if (c.tp + c.fn > 0) perTheme.push((2 * c.tp) / (2 * c.tp + c.fp + c.fn));
  }
  return {
    micro: (2 * tp) / (2 * tp + fp + fn),
    macro: perTheme.reduce((a, b) => a + b, 0) / perTheme.length,
  };
}

/** Wall-clock time, and this process's CPU time (the machine is shared, so both are shown). */
function timed<T>(work: () => T): { result: T; seconds: string } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const { user, system } = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / 1000;
  return { result, seconds: `${wall.toFixed(1)} s (CPU ${((user + system) / 1e6).toFixed(1)} s)` };
}

function draft(comments: readonly Comment[]): void {
  const { result, seconds } = timed(() => draftThemes(comments.map((c) => c.voice)));
  const mainOf = new Map(result.assignments.map((a) => [a.id, a.themes[0]?.theme ?? 'none']));
  const scored = comments.filter((c) => c.themes.length > 0);
  const score = nmi(
    scored.map((c) => c.themes[0] ?? ''),
    scored.map((c) => mainOf.get(c.voice.id) ?? 'none'),
  );
  console.log(
    `| draft | ${comments.length} | ${result.themes.length} themes | NMI ${score.toFixed(3)} (${scored.length} coded comments) | ${seconds} |`,
  );
}

function codedMap(comments: readonly Comment[]): Map<string, string[]> {
  return new Map(comments.map((c) => [c.voice.id, c.themes]));
}

function mapping(all: readonly Comment[], coded: readonly Comment[], how: string): void {
  const codedIds = new Set(coded.map((c) => c.voice.id));
  const { result, seconds } = timed(() =>
    mapToThemes(
      all.map((c) => c.voice),
      codedMap(coded),
    ),
  );
  const labelOf = new Map(result.themes.map((t) => [t.id, t.label]));
  const predicted = new Map(
    result.assignments.map((a) => [a.id, a.themes.map((t) => labelOf.get(t.theme) ?? '')]),
  );
  const test = all.filter((c) => !codedIds.has(c.voice.id) && c.themes.length > 0);
  const { micro, macro } = f1(
    test.map((c) => c.themes),
    test.map((c) => predicted.get(c.voice.id) ?? []),
  );
  console.log(
    `| map | ${how} | ${coded.length} coded, ${test.length} scored | micro-F1 ${micro.toFixed(3)}, macro-F1 ${macro.toFixed(3)} | ${seconds} |`,
  );
}

/** Heard picks which comments to code: 2 % at random, then the least sure, 2 % at a time. */
function activelyCoded(comments: readonly Comment[], share: number): Comment[] {
  const usable = comments.filter((c) => c.themes.length > 0);
  const byId = new Map(usable.map((c) => [c.voice.id, c]));
  const order = shuffledIndices(usable.length, seededRandom(7));
  const step = Math.round(0.02 * comments.length);
  const coded = order
    .slice(0, step)
    .map((i) => usable[i])
    .filter((c) => c !== undefined);
  while (coded.length < share * comments.length) {
    const { uncertainty } = mapToThemes(
      comments.map((c) => c.voice),
      codedMap(coded),
    );
    // Comments with no human theme cannot be coded in this data, so the next sure one is asked.
    const next = uncertainty
      .map((u) => byId.get(u.id))
      .filter((c) => c !== undefined)
      .slice(0, Math.min(step, Math.ceil(share * comments.length) - coded.length));
    coded.push(...next);
  }
  return coded;
}

const comments = readComments();
console.log(
  `${comments.length} comments, ${new Set(comments.flatMap((c) => c.themes)).size} themes\n`,
);
console.log('| task | voices or coding | result | quality | time |');
console.log('| --- | --- | --- | --- | --- |');
draft(comments.slice(0, 800));
draft(comments);
const usable = comments.filter((c) => c.themes.length > 0);
const shuffled = shuffledIndices(usable.length, seededRandom(5))
  .map((i) => usable[i])
  .filter((c) => c !== undefined);
for (const share of [0.1, 0.2]) {
  mapping(
    comments,
    shuffled.slice(0, Math.round(share * comments.length)),
    `random ${share * 100} %`,
  );
}
mapping(comments, activelyCoded(comments, 0.1), 'Heard picks 10 %');
