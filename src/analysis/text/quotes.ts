// Representative quotes: voices close to the theme's centre, each unlike the ones already picked
// (maximal marginal relevance), and only from people who agreed to be quoted. A quote is always
// the voice's own words: the whole voice, or for a long one its most telling sentence.
import { type Dense, dot, row } from './matrix.ts';
import { type AnalysedVoice, sentencesOf } from './tokens.ts';

export interface Quote {
  /** The voice's id. */
  id: string;
  /** An exact part of the voice's text. */
  text: string;
}

export interface QuoteCandidate {
  id: string;
  text: string;
  analysed: AnalysedVoice;
  /** Row in the vectors, shared only by voices with the same text. */
  row: number;
}

const LONGEST_QUOTE = 300;
/** Spacing other than single spaces, evened out before texts are compared. */
const UNEVEN_SPACING = /\s\s|[^\S ]/;
/** Weight of closeness to the centre against difference from quotes already picked. */
const RELEVANCE = 0.5;

/** The sentence of a long voice with most of the theme's key words, else its first words. */
export function quoteText(
  text: string,
  analysed: AnalysedVoice,
  lemmaWeights: Map<string, number>,
): string {
  const trimmed = text.trim();
  if (trimmed.length <= LONGEST_QUOTE) return trimmed;
  let best = '';
  let bestScore = -1;
  for (const sentence of sentencesOf(text)) {
    if (sentence.length > LONGEST_QUOTE || !text.includes(sentence)) continue;
    const lower = sentence.toLowerCase();
    let score = 0;
    for (const word of analysed.words) {
      if (lower.includes(word.text.toLowerCase())) score += lemmaWeights.get(word.lemma) ?? 0;
    }
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  if (best !== '') return best.trim();
  const cut = trimmed.lastIndexOf(' ', LONGEST_QUOTE);
  return trimmed.slice(0, cut > 0 ? cut : LONGEST_QUOTE);
}

/**
 * A theme's voices to quote from: the same words said twice are quoted once, and voices of three
 * words or more are preferred when there are enough of them.
 */
export function quotePool(candidates: readonly QuoteCandidate[], count = 5): QuoteCandidate[] {
  const seen = new Set<string>();
  // Voices sharing a row said the same text: they are passed over before its spacing and
  // capitals are evened out.
  const seenRows = new Set<number>();
  const pool = candidates.filter((candidate) => {
    if (seenRows.has(candidate.row)) return false;
    seenRows.add(candidate.row);
    const trimmed = candidate.text.trim().toLowerCase();
    const key = UNEVEN_SPACING.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const substantial = pool.filter((candidate) => candidate.analysed.words.length >= 3);
  return substantial.length >= Math.min(count, 3) ? substantial : pool;
}

/**
 * Up to `count` of the voices in `rows` of the vectors to quote for a theme whose centre is
 * `centroid`, as places in `rows`: close to the centre, each unlike those picked before it.
 */
export function pickQuotes(
  rows: ArrayLike<number>,
  vectors: Dense,
  centroid: Float64Array,
  count = 5,
): number[] {
  const relevance = Float64Array.from(rows, (r) => dot(row(vectors, r), centroid));
  const closest = new Float64Array(rows.length).fill(-Infinity);
  const width = vectors.columns;
  const data = vectors.data;
  const picked: number[] = [];
  const taken = new Uint8Array(rows.length);
  while (picked.length < Math.min(count, rows.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < rows.length; i++) {
      if (taken[i] === 1) continue;
      const redundancy = picked.length === 0 ? 0 : (closest[i] ?? 0);
      const score = RELEVANCE * (relevance[i] ?? 0) - (1 - RELEVANCE) * redundancy;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    picked.push(best);
    // Each candidate's likeness to the quote just picked, read straight from the vectors.
    const pickedAt = (rows[best] ?? 0) * width;
    for (let i = 0; i < rows.length; i++) {
      let likeness = 0;
      for (let j = 0, at = (rows[i] ?? 0) * width; j < width; j++)
        likeness += (data[at + j] ?? 0) * (data[pickedAt + j] ?? 0);
      closest[i] = Math.max(closest[i] ?? -Infinity, likeness);
    }
  }
  return picked;
}

/** `pickQuotes` for each theme: `pools[t]` its rows of the vectors, row t of `centroids` its centre. */
export function pickThemesQuotes(
  pools: readonly ArrayLike<number>[],
  vectors: Dense,
  centroids: Dense,
  count: number,
): number[][] {
  return pools.map((rows, t) => pickQuotes(rows, vectors, row(centroids, t), count));
}

/** The quote of a voice: its own words, all of them or its most telling sentence. */
export function quoteOf(candidate: QuoteCandidate, lemmaWeights: Map<string, number>): Quote {
  return { id: candidate.id, text: quoteText(candidate.text, candidate.analysed, lemmaWeights) };
}
