// From voices to themes: draft themes when nobody has coded anything yet, or map every voice to
// the themes people coded by hand. Pure and deterministic: the same voices and seed give the
// same themes, labels, quotes and assignments.
import { keyPhrases, labelFrom } from './key-phrases.ts';
import { cosines } from './kmeans.ts';
import type { OneVsRest } from './logistic.ts';
import { type Dense, dense, dot, row } from './matrix.ts';
import { type Quote, type QuoteCandidate, quoteOf, quotePool } from './quotes.ts';
import { seededRandom } from './random.ts';
import { type ThemeCountTrial, clusterVoices } from './theme-count.ts';
import {
  pickQuotesInParallel,
  predictInParallel,
  readVoices,
  sharedWith,
  trainThemeModels,
  voiceVectorsInParallel,
} from './parallel.ts';
import { type SecondThread, secondThreadFor } from './second-thread.ts';
import { type SentenceEncoder, sentenceVectors } from './sentence-vectors.ts';
import type { AnalysedVoice } from './tokens.ts';
import { joinVectors, pickRows } from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

/** Changes whenever the same voices could come out in different themes. */
export const THEMES_MODEL_VERSION = 'themes-7';

export interface Voice {
  id: string;
  text: string;
  /** The person agreed to be quoted. */
  quotable: boolean;
}

export interface Theme {
  id: string;
  label: string;
  keyPhrases: string[];
  quotes: Quote[];
  /** Voices whose main theme this is. */
  voices: number;
}

export interface ThemeAssignment {
  id: string;
  /** Main theme first; empty for a voice with no words to go on. */
  themes: { theme: string; confidence: number }[];
}

export type ThemeProgress = (
  stage: 'reading' | 'vectors' | 'themes' | 'quotes',
  done: number,
  total: number,
) => void;

export interface ThemeOptions {
  seed?: number;
  minThemes?: number;
  maxThemes?: number;
  /** A draft theme has at least this many voices, and at least 1 % of them. */
  minVoicesPerTheme?: number;
  /** Join the shipped word vectors to the TF-IDF vectors. */
  useWordVectors?: boolean;
  /** The share of two voices' cosine that comes from their word vectors. */
  wordVectorWeight?: number;
  /** Dimensions kept from the SVD of the TF-IDF rows. */
  dimensions?: number;
  /**
   * A sentence encoder (loaded by the caller: see platform/sentence-encoder/), whose vectors of
   * a sample of the texts, spread to every text (sentence-vectors.ts), join the voice vectors.
   * Without it the voices are themed from their words alone.
   */
  sentenceEncoder?: SentenceEncoder;
  /** The share of two voices' cosine that comes from their sentence vectors. */
  sentenceWeight?: number;
  onProgress?: ThemeProgress;
}

type Settings = Required<Omit<ThemeOptions, 'sentenceEncoder'>> &
  Pick<ThemeOptions, 'sentenceEncoder'>;

/**
 * Vectors made elsewhere (a helper service's embeddings), one unit row per voice in order, and
 * the share of two voices' cosine that comes from them: 1 uses them alone.
 */
export interface GivenVectors {
  vectors: Dense;
  weight: number;
}

const DEFAULTS = {
  seed: 0x7468_656d,
  minThemes: 5,
  maxThemes: 40,
  minVoicesPerTheme: 5,
  useWordVectors: true,
  wordVectorWeight: 0.5,
  dimensions: 100,
  sentenceWeight: 0.3,
  onProgress: () => undefined,
} satisfies Settings;

/** A voice also belongs to another draft theme when its confidence there is at least this. */
const SECOND_THEME = 0.3;
/**
 * A voice is mapped to each coded theme whose model gives at least this probability (besides
 * its likeliest): a little under even odds, as the models are trained on few voices a theme.
 */
const MAPPED_THEME = 0.4;
/** Quotes shown for each theme. */
const QUOTES = 5;
/** How sharply draft-theme confidence falls as a voice's cosine to a theme falls. */
const SHARPNESS = 20;

interface Prepared {
  analysed: AnalysedVoice[];
  /** One row per distinct analysis (voices read from the same text share one). */
  vectors: Dense;
  /** The row of `vectors` of each voice. */
  rowOf: Int32Array;
  hasContent: boolean[];
}

async function prepare(
  voices: readonly Voice[],
  options: Settings,
  given: GivenVectors | undefined,
  thread: SecondThread | undefined,
): Promise<Prepared> {
  // The same words said again are read once: many voices are "Nothing" or "Very good".
  const analysed = await readVoices(
    voices.map((voice) => voice.text),
    { thread, onProgress: (done, total) => options.onProgress('reading', done, total) },
  );
  options.onProgress('vectors', 0, 1);
  const found = await voiceVectorsInParallel(
    analysed,
    seededRandom(options.seed),
    {
      wordVectors: options.useWordVectors ? shippedWordVectors() : undefined,
      wordVectorWeight: options.wordVectorWeight,
      dimensions: options.dimensions,
    },
    thread,
  );
  const { rowOf, hasContent } = found;
  const distinct = await withSentences(found.distinct, voices, found.rowOf, options);
  options.onProgress('vectors', 1, 1);
  if (given !== undefined && given.vectors.rows !== voices.length)
    throw new Error(`${given.vectors.rows} given vectors for ${voices.length} voices`);
  if (given === undefined)
    return { analysed, vectors: sharedWith(thread, distinct), rowOf, hasContent };
  const joined = joinVectors(pickRows(distinct, rowOf), given.vectors, given.weight);
  return {
    analysed,
    vectors: sharedWith(thread, joined),
    rowOf: rowOf.map((_, r) => r),
    hasContent,
  };
}

/**
 * The distinct voices' vectors joined with their sentence vectors, when an encoder is given. A
 * row with no words to go on stays empty. The encoder's sample is seeded, so the same voices and
 * seed give the same vectors.
 */
async function withSentences(
  distinct: Dense,
  voices: readonly Voice[],
  rowOf: Int32Array,
  options: Settings,
): Promise<Dense> {
  if (options.sentenceEncoder === undefined) return distinct;
  const texts = new Array<string>(distinct.rows).fill('');
  for (let r = voices.length - 1; r >= 0; r--) texts[rowOf[r] ?? 0] = voices[r]?.text ?? '';
  const sentences = await sentenceVectors(
    texts,
    (r) => row(distinct, r).every((v) => v === 0),
    options.sentenceEncoder,
    seededRandom(options.seed + 2),
  );
  return joinVectors(distinct, sentences, options.sentenceWeight);
}

/** Unit mean direction of the rows of each theme's members (by main theme). */
function centroidsOf(prepared: Prepared, mainTheme: readonly number[], themes: number): Dense {
  const { vectors, rowOf } = prepared;
  const centroids = dense(themes, vectors.columns);
  mainTheme.forEach((theme, r) => {
    if (theme < 0) return;
    const target = row(centroids, theme);
    const source = row(vectors, rowOf[r] ?? 0);
    for (let j = 0; j < target.length; j++) target[j] = (target[j] ?? 0) + (source[j] ?? 0);
  });
  for (let t = 0; t < themes; t++) {
    const c = row(centroids, t);
    const norm = Math.sqrt(dot(c, c));
    if (norm > 0) for (let j = 0; j < c.length; j++) c[j] = (c[j] ?? 0) / norm;
  }
  return centroids;
}

/** Each theme's key phrases, label, quotes and size; quotes are picked while key phrases are found. */
async function describeThemes(
  voices: readonly Voice[],
  prepared: Prepared,
  mainTheme: readonly number[],
  count: number,
  labels: readonly string[] | undefined,
  options: Settings,
  thread: SecondThread | undefined,
): Promise<Theme[]> {
  const candidates: QuoteCandidate[][] = Array.from({ length: count }, () => []);
  voices.forEach((voice, r) => {
    const theme = mainTheme[r] ?? -1;
    if (theme >= 0 && voice.quotable) {
      candidates[theme]?.push({
        id: voice.id,
        text: voice.text,
        analysed: prepared.analysed[r] ?? { words: [] },
        row: prepared.rowOf[r] ?? 0,
      });
    }
  });
  const pools = candidates.map((themeCandidates) => quotePool(themeCandidates, QUOTES));
  const picking = pickQuotesInParallel(
    pools.map((pool) => Int32Array.from(pool, (candidate) => candidate.row)),
    prepared.vectors,
    centroidsOf(prepared, mainTheme, count),
    QUOTES,
    thread,
  );
  const phrases = keyPhrases(
    prepared.analysed.map((voice) => voice.words),
    mainTheme,
    count,
  );
  options.onProgress('quotes', 0, 1);
  const picks = await picking;
  const sizes = new Array<number>(count).fill(0);
  for (const theme of mainTheme) if (theme >= 0) sizes[theme] = (sizes[theme] ?? 0) + 1;
  return Array.from({ length: count }, (_, t) => {
    const { phrases: key, lemmaWeights } = phrases[t] ?? { phrases: [], lemmaWeights: new Map() };
    return {
      id: `theme-${t + 1}`,
      label: labels?.[t] ?? labelFrom(key),
      keyPhrases: key,
      quotes: (picks[t] ?? []).flatMap((i) => {
        const candidate = pools[t]?.[i];
        return candidate === undefined ? [] : [quoteOf(candidate, lemmaWeights)];
      }),
      voices: sizes[t] ?? 0,
    };
  });
}

export interface DraftedThemes {
  version: string;
  themes: Theme[];
  assignments: ThemeAssignment[];
  /** The k tried and their silhouettes, to show why this many themes. */
  trials: ThemeCountTrial[];
}

/**
 * Draft themes for voices nobody has coded: spherical k-means on the voice vectors, k chosen by
 * silhouette between `minThemes` and `maxThemes`, themes numbered from the largest.
 */
export async function draftThemes(
  voices: readonly Voice[],
  themeOptions: ThemeOptions = {},
  given?: GivenVectors,
): Promise<DraftedThemes> {
  const options = { ...DEFAULTS, ...themeOptions };
  const thread = secondThreadFor(voices.map((voice) => voice.text));
  try {
    return await draftFrom(voices, await prepare(voices, options, given, thread), options, thread);
  } finally {
    thread?.close();
  }
}

async function draftFrom(
  voices: readonly Voice[],
  prepared: Prepared,
  options: Settings,
  thread: SecondThread | undefined,
): Promise<DraftedThemes> {
  const withContent = voices.map((_, r) => r).filter((r) => prepared.hasContent[r]);
  const minVoices = Math.max(options.minVoicesPerTheme, Math.ceil(0.01 * withContent.length));
  options.onProgress('themes', 0, 1);
  const { clustering, trials } =
    withContent.length === 0
      ? { clustering: undefined, trials: [] }
      : clusterVoices(
          pickRows(
            prepared.vectors,
            withContent.map((r) => prepared.rowOf[r] ?? 0),
          ),
          seededRandom(options.seed + 1),
          {
            minThemes: options.minThemes,
            maxThemes: options.maxThemes,
            minVoices,
            sampleSize: 2000,
            restarts: 3,
          },
        );
  options.onProgress('themes', 1, 1);
  const k = clustering?.centroids.rows ?? 0;
  // Largest theme first, ties by first voice, so numbering does not depend on k-means' order.
  const sizes = new Array<number>(k).fill(0);
  clustering?.assignment.forEach((c) => (sizes[c] = (sizes[c] ?? 0) + 1));
  const order = [...sizes.keys()].sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  const renumber = new Map(order.map((c, i) => [c, i]));
  const mainTheme = voices.map(() => -1);
  withContent.forEach(
    (r, i) => (mainTheme[r] = renumber.get(clustering?.assignment[i] ?? -1) ?? -1),
  );
  const themes = await describeThemes(voices, prepared, mainTheme, k, undefined, options, thread);
  const centroids = centroidsOf(prepared, mainTheme, k);
  // Each distinct voice is compared once, and its themes shared by every voice that said it.
  const similarities = cosines(prepared.vectors, centroids);
  // Keyed by row and main theme: voices with the same vector share both, but that is not assumed.
  const ofRow = new Map<number, ThemeAssignment['themes']>();
  const themesOf = (r: number, main: number): ThemeAssignment['themes'] => {
    const similarity = [...row(similarities, r)];
    const best = Math.max(...similarity);
    const weights = similarity.map((s) => Math.exp(SHARPNESS * (s - best)));
    const total = weights.reduce((a, b) => a + b, 0);
    const confidence = weights.map((w) => w / total);
    const others = confidence
      .map((c, t) => ({ t, c }))
      .filter(({ t, c }) => t !== main && c >= SECOND_THEME)
      .sort((a, b) => b.c - a.c || a.t - b.t);
    return [{ t: main, c: confidence[main] ?? 0 }, ...others].map(({ t, c }) => ({
      theme: `theme-${t + 1}`,
      confidence: round(c),
    }));
  };
  const assignments = voices.map((voice, r): ThemeAssignment => {
    const main = mainTheme[r] ?? -1;
    if (main < 0) return { id: voice.id, themes: [] };
    const at = prepared.rowOf[r] ?? 0;
    const key = at * k + main;
    const themes = ofRow.get(key) ?? themesOf(at, main);
    ofRow.set(key, themes);
    return { id: voice.id, themes };
  });
  return { version: THEMES_MODEL_VERSION, themes, assignments, trials };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** A distinct voice's mapped themes: its main theme (-1 for none) and each theme named. */
interface RowThemes {
  main: number;
  confidence: number;
  named: ThemeAssignment['themes'];
}

export interface MappedThemes {
  version: string;
  themes: Theme[];
  assignments: ThemeAssignment[];
  /** Voices not coded by hand, the least sure first (then in the voices' order): the ones to code next. */
  uncertainty: { id: string; confidence: number }[];
}

/**
 * Every voice mapped to the themes people coded: a coded voice keeps its themes (confidence 1);
 * the others get each theme whose model gives probability ≥ 0.4, the likeliest first and
 * always at least one. `coded` maps a voice id to theme names; themes keep the order in which
 * their names first appear.
 */
export async function mapToThemes(
  voices: readonly Voice[],
  coded: ReadonlyMap<string, readonly string[]>,
  themeOptions: ThemeOptions = {},
  given?: GivenVectors,
): Promise<MappedThemes> {
  const options = { ...DEFAULTS, ...themeOptions };
  const thread = secondThreadFor(voices.map((voice) => voice.text));
  try {
    const prepared = await prepare(voices, options, given, thread);
    return await mapFrom(voices, coded, prepared, options, thread);
  } finally {
    thread?.close();
  }
}

async function mapFrom(
  voices: readonly Voice[],
  coded: ReadonlyMap<string, readonly string[]>,
  prepared: Prepared,
  options: Settings,
  thread: SecondThread | undefined,
): Promise<MappedThemes> {
  const names = [...new Set([...coded.values()].flat())];
  const indexOf = new Map(names.map((name, t) => [name, t]));
  const codedRows = voices.map((_, r) => r).filter((r) => coded.has(voices[r]?.id ?? ''));
  options.onProgress('themes', 0, 1);
  const model: OneVsRest = await trainThemeModels(
    pickRows(
      prepared.vectors,
      codedRows.map((r) => prepared.rowOf[r] ?? 0),
    ),
    codedRows.map((r) =>
      (coded.get(voices[r]?.id ?? '') ?? []).map((name) => indexOf.get(name) ?? 0),
    ),
    names.length,
    { penalty: 1e-4, iterations: 100 },
    thread,
  );
  // Each distinct voice is scored once.
  const probabilities = await predictInParallel(prepared.vectors, model, thread);
  options.onProgress('themes', 1, 1);
  // Each distinct voice's themes, main theme first, worked out once and shared by every voice
  // that said the same.
  const ofRow: (RowThemes | undefined)[] = [];
  const themesOfRow = (r: number): RowThemes => {
    const known = ofRow[r];
    if (known !== undefined) return known;
    const p = row(probabilities, r);
    let best = 0;
    for (let t = 1; t < p.length; t++) if ((p[t] ?? 0) > (p[best] ?? 0)) best = t;
    const others: { t: number; p: number }[] = [];
    p.forEach((q, t) => {
      if (t !== best && q >= MAPPED_THEME) others.push({ t, p: q });
    });
    const themes =
      p.length === 0
        ? []
        : [{ t: best, p: p[best] ?? 0 }, ...others.sort((a, b) => b.p - a.p || a.t - b.t)];
    const found = {
      main: themes.length === 0 ? -1 : best,
      confidence: p[best] ?? 0,
      named: themes.map(({ t, p: q }) => ({ theme: `theme-${t + 1}`, confidence: round(q) })),
    };
    ofRow[r] = found;
    return found;
  };
  const uncertain: number[] = [];
  const mainTheme = new Array<number>(voices.length).fill(-1);
  const assignments = voices.map((voice, r): ThemeAssignment => {
    const byHand = coded.get(voice.id);
    if (byHand !== undefined) {
      const themes = [...new Set(byHand)].map((name) => indexOf.get(name) ?? 0);
      mainTheme[r] = themes[0] ?? -1;
      return {
        id: voice.id,
        themes: themes.map((t) => ({ theme: `theme-${t + 1}`, confidence: 1 })),
      };
    }
    if (!prepared.hasContent[r]) return { id: voice.id, themes: [] };
    const { main, confidence, named } = themesOfRow(prepared.rowOf[r] ?? 0);
    mainTheme[r] = main;
    // Sorted as one number: the confidence in thousandths, then the voice's place.
    if (main >= 0) uncertain.push(Math.round(confidence * 1000) * voices.length + r);
    return { id: voice.id, themes: named };
  });
  const uncertainty = Array.from(Float64Array.from(uncertain).sort(), (key) => {
    const r = key % voices.length;
    return { id: voices[r]?.id ?? '', confidence: (key - r) / voices.length / 1000 };
  });
  const themes = await describeThemes(
    voices,
    prepared,
    mainTheme,
    names.length,
    names,
    options,
    thread,
  );
  return { version: THEMES_MODEL_VERSION, themes, assignments, uncertainty };
}
