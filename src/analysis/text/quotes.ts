// Representative quotes: voices close to the theme's centre, each unlike the ones already picked
// (maximal marginal relevance), and only from people who agreed to be quoted. A quote is always
// the voice's own words: the whole voice, or for a long one its most telling sentence.
import { type Dense, dot, row } from './matrix.ts';
import type { AnalysedVoice } from './tokens.ts';

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
  /** Row in the vectors. */
  row: number;
}

const LONGEST_QUOTE = 300;
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
  for (const sentence of analysed.sentences) {
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
 * Up to `count` quotes for a theme whose centre is `centroid`. Voices of three words or more are
 * preferred; the same words said twice are quoted once.
 */
export function representativeQuotes(
  candidates: readonly QuoteCandidate[],
  vectors: Dense,
  centroid: Float64Array,
  lemmaWeights: Map<string, number>,
  count = 5,
): Quote[] {
  const seen = new Set<string>();
  // A text said again is passed over before its spacing and capitals are evened out.
  const seenTexts = new Set<string>();
  const pool = candidates.filter((candidate) => {
    if (seenTexts.has(candidate.text)) return false;
    seenTexts.add(candidate.text);
    const key = candidate.text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const substantial = pool.filter((candidate) => candidate.analysed.words.length >= 3);
  const from = substantial.length >= Math.min(count, 3) ? substantial : pool;
  const relevance = from.map((candidate) => dot(row(vectors, candidate.row), centroid));
  const closest = new Float64Array(from.length).fill(-Infinity);
  const width = vectors.columns;
  const data = vectors.data;
  const picked: QuoteCandidate[] = [];
  const taken = new Set<number>();
  while (picked.length < Math.min(count, from.length)) {
    let best = -1;
    let bestScore = -Infinity;
    from.forEach((_, i) => {
      if (taken.has(i)) return;
      const redundancy = picked.length === 0 ? 0 : (closest[i] ?? 0);
      const score = RELEVANCE * (relevance[i] ?? 0) - (1 - RELEVANCE) * redundancy;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    const choice = from[best];
    if (choice === undefined) break;
    taken.add(best);
    picked.push(choice);
    // Each candidate's likeness to the quote just picked, read straight from the vectors.
    const pickedAt = choice.row * width;
    from.forEach((candidate, i) => {
      let likeness = 0;
      for (let j = 0, at = candidate.row * width; j < width; j++)
        likeness += (data[at + j] ?? 0) * (data[pickedAt + j] ?? 0);
      closest[i] = Math.max(closest[i] ?? -Infinity, likeness);
    });
  }
  return picked.map((candidate) => ({
    id: candidate.id,
    text: quoteText(candidate.text, candidate.analysed, lemmaWeights),
  }));
}
