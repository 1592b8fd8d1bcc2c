// How well draft themes and mapping match human coding, and how long they take.
//   npx tsx bench/themes-accuracy.ts [seed ...]   (seeds: draft all the comments again with each)
// On the NHS FFT comments in ../shared/data/fft (5,096 comments coded into 50 themes): NMI of the
// draft themes against each comment's first human theme (comments coded only "Labelling not
// possible" or with no theme left out), and micro/macro F1 of mapping when 10 % or 20 % of the
// comments are coded by hand, picked at random or by Heard (uncertainty sampling from 2 %).
// Results and the command go in bench/README.md, "Themes (issue 5)".
import { dense, row } from '../src/analysis/text/matrix.ts';
import type { SentenceEncoder } from '../src/analysis/text/sentence-vectors.ts';
import { draftThemes, mapToThemes } from '../src/analysis/text/themes.ts';
import { loadSentenceEncoder } from '../src/platform/sentence-encoder/sentence-encoder.ts';
import { seededRandom, shuffledIndices } from '../src/analysis/text/random.ts';
import { type Comment, readComments } from './fft-comments.ts';
import { timedAsync } from './timed.ts';

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

/** Drafts themes with the given seed (the default when undefined) and returns the NMI. */
async function draft(comments: readonly Comment[], seed?: number): Promise<number> {
  const { result, seconds } = await timedAsync(() =>
    draftThemes(
      comments.map((c) => c.voice),
      seed === undefined ? { sentenceEncoder } : { seed, sentenceEncoder },
    ),
  );
  const mainOf = new Map(result.assignments.map((a) => [a.id, a.themes[0]?.theme ?? 'none']));
  const scored = comments.filter((c) => c.themes.length > 0);
  const score = nmi(
    scored.map((c) => c.themes[0] ?? ''),
    scored.map((c) => mainOf.get(c.voice.id) ?? 'none'),
  );
  console.log(
    `| draft${seed === undefined ? '' : `, seed ${seed}`} | ${comments.length} | ${result.themes.length} themes | NMI ${score.toFixed(3)} (${scored.length} coded comments) | ${seconds} |`,
  );
  return score;
}

function codedMap(comments: readonly Comment[]): Map<string, string[]> {
  return new Map(comments.map((c) => [c.voice.id, c.themes]));
}

async function mapping(
  all: readonly Comment[],
  coded: readonly Comment[],
  how: string,
): Promise<void> {
  const codedIds = new Set(coded.map((c) => c.voice.id));
  const { result, seconds } = await timedAsync(() =>
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
async function activelyCoded(comments: readonly Comment[], share: number): Promise<Comment[]> {
  const usable = comments.filter((c) => c.themes.length > 0);
  const byId = new Map(usable.map((c) => [c.voice.id, c]));
  const order = shuffledIndices(usable.length, seededRandom(7));
  const step = Math.round(0.02 * comments.length);
  const coded = order
    .slice(0, step)
    .map((i) => usable[i])
    .filter((c) => c !== undefined);
  while (coded.length < share * comments.length) {
    const { uncertainty } = await mapToThemes(
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

/**
 * The encoder, remembering each text's pieces and vector, so that each text is encoded once over
 * all the seeds (their samples overlap): 24 seeds then take 5 minutes of CPU rather than 10. A
 * text's vector read in another batch differs by 2e-7 at most (float rounding).
 */
function remembering(encoder: SentenceEncoder): SentenceEncoder {
  const pieces = new Map<string, readonly number[]>();
  const vectors = new Map<string, Float64Array>();
  return {
    pieces: (text) => {
      const known = pieces.get(text) ?? encoder.pieces(text);
      pieces.set(text, known);
      return known;
    },
    encode: async (texts) => {
      const missing = [...new Set(texts.filter((text) => !vectors.has(text)))];
      const encoded = await encoder.encode(missing);
      missing.forEach((text, r) => vectors.set(text, row(encoded, r)));
      const columns = vectors.get(texts[0] ?? '')?.length ?? 0;
      const out = dense(texts.length, columns);
      texts.forEach((text, r) => row(out, r).set(vectors.get(text) ?? []));
      return out;
    },
  };
}

/** Other seeds to draft all the comments with, for the spread of NMI: `-- 1 2 3`. */
const SEEDS = process.argv.slice(2).map(Number);
const sentenceEncoder = remembering(await loadSentenceEncoder());
const comments = readComments();
console.log(
  `${comments.length} comments, ${new Set(comments.flatMap((c) => c.themes)).size} themes\n`,
);
console.log('| task | voices or coding | result | quality | time |');
console.log('| --- | --- | --- | --- | --- |');
await draft(comments.slice(0, 800));
const scores = [await draft(comments)];
for (const seed of SEEDS) scores.push(await draft(comments, seed));
if (scores.length > 1) {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
  console.log(
    `| draft, ${scores.length} seeds | ${comments.length} | | NMI ${mean.toFixed(3)} ± ${sd.toFixed(3)} (mean ± sd) | |`,
  );
}
const usable = comments.filter((c) => c.themes.length > 0);
const shuffled = shuffledIndices(usable.length, seededRandom(5))
  .map((i) => usable[i])
  .filter((c) => c !== undefined);
for (const share of [0.1, 0.2]) {
  await mapping(
    comments,
    shuffled.slice(0, Math.round(share * comments.length)),
    `random ${share * 100} %`,
  );
}
await mapping(comments, await activelyCoded(comments, 0.1), 'Heard picks 10 %');
