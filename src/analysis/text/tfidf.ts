// TF-IDF over lemmas and two-word phrases: the plain, explainable base of a voice's vector.
import { type Word, tellingWords } from './tokens.ts';
import { type SparseRows, sparseRows } from './matrix.ts';

/** The lemmas of a voice's telling words, and each pair of them written side by side. */
export function voiceTerms(words: readonly Word[]): string[] {
  const telling = tellingWords(words);
  const terms: string[] = [];
  let previous: Word | undefined;
  for (const word of words) {
    const content = telling.has(word);
    if (content) {
      terms.push(word.lemma);
      if (previous !== undefined && !word.breakBefore)
        terms.push(`${previous.lemma} ${word.lemma}`);
    }
    previous = content ? word : undefined;
  }
  return terms;
}

export interface TfIdf {
  /** One row per voice, each of length 1 (or all zero when no term of the voice was kept). */
  matrix: SparseRows;
  terms: string[];
  idf: Float64Array;
}

/**
 * Sublinear term frequency times smoothed inverse document frequency, rows scaled to length 1.
 * Terms in fewer than `minVoices` voices are dropped: they cannot link one voice to another.
 * `copies[i]` is how many voices said list i (1 each when not given): a row per distinct voice.
 */
export function tfidf(
  termLists: readonly (readonly string[])[],
  minVoices: number,
  copies?: ArrayLike<number>,
): TfIdf {
  const voicesWith = new Map<string, number>();
  let n = 0;
  termLists.forEach((terms, i) => {
    const times = copies?.[i] ?? 1;
    n += times;
    for (const term of new Set(terms)) voicesWith.set(term, (voicesWith.get(term) ?? 0) + times);
  });
  const terms = [...voicesWith]
    .filter(([, count]) => count >= minVoices)
    .map(([term]) => term)
    .sort();
  const index = new Map(terms.map((term, i) => [term, i]));
  const idf = Float64Array.from(
    terms,
    (term) => Math.log((1 + n) / (1 + (voicesWith.get(term) ?? 0))) + 1,
  );
  const rows = termLists.map((list) => {
    const counts = new Map<number, number>();
    for (const term of list) {
      const column = index.get(term);
      if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
    }
    let norm = 0;
    for (const [column, count] of counts) {
      const weight = (1 + Math.log(count)) * (idf[column] ?? 0);
      counts.set(column, weight);
      norm += weight * weight;
    }
    for (const [column, weight] of counts) counts.set(column, weight / Math.sqrt(norm));
    return counts;
  });
  return { matrix: sparseRows(rows, terms.length), terms, idf };
}
