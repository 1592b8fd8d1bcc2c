// Theme labels from class-based TF-IDF (as in BERTopic): phrases frequent in one theme's voices
// and rare in the others'. Phrases are counted by lemma but shown as people wrote them.
import { type Word, isWordLike, tellingWords } from './tokens.ts';

interface Phrase {
  /** Lemmas joined by spaces. */
  key: string;
  /** The lemmas of its content words (not "of" in "lack of communication"). */
  lemmas: string[];
  /** As written, e.g. "organised" where the lemma is "organize". */
  text: string;
}

/** Runs of one to three words with no punctuation inside, neither starting nor ending on a stop word. */
export function phrasesOf(words: readonly Word[], longest = 3): Phrase[] {
  const telling = tellingWords(words);
  const phrases: Phrase[] = [];
  for (let start = 0; start < words.length; start++) {
    const first = words[start];
    if (first === undefined || !telling.has(first)) continue;
    let text = first.text;
    const all = [first.lemma];
    const lemmas = [first.lemma];
    phrases.push({ key: first.lemma, lemmas: [...lemmas], text });
    for (let end = start + 1; end < Math.min(words.length, start + longest); end++) {
      const word = words[end];
      if (word === undefined || word.breakBefore || !isWordLike(word)) break;
      text += word.spaceBefore + word.text;
      all.push(word.lemma);
      if (telling.has(word)) {
        lemmas.push(word.lemma);
        phrases.push({ key: all.join(' '), lemmas: [...lemmas], text });
      }
    }
  }
  return phrases;
}

/** The number of words in a phrase key (lemmas joined by single spaces). */
function wordCount(key: string): number {
  let words = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * For each phrase key, the longer keys among `keys` that hold it word for word ("long wait" and
 * "very long wait" for "wait"), in the order of `keys`.
 */
function longerPhrases(keys: Iterable<string>): Map<string, string[]> {
  const longer = new Map<string, string[]>();
  for (const key of keys) {
    const words = key.split(' ');
    const inside = new Set<string>();
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= words.length; to++) {
        if (to - from < words.length) inside.add(words.slice(from, to).join(' '));
      }
    }
    for (const part of inside) {
      const list = longer.get(part) ?? [];
      list.push(key);
      longer.set(part, list);
    }
  }
  return longer;
}

/** The way of writing a phrase people used most, preferring lower case to capitals at a sentence start. */
function commonWriting(writings: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [text, count] of writings) {
    const score = count * (text === text.toLowerCase() ? 4 : 1);
    if (score > bestScore || (score === bestScore && text < best)) {
      best = text;
      bestScore = score;
    }
  }
  return best;
}

export interface ThemeKeyPhrases {
  /** Best first, each as people wrote it. */
  phrases: string[];
  /** The lemmas of those phrases with their weights, for finding a voice's most telling sentence. */
  lemmaWeights: Map<string, number>;
}

/**
 * Up to `count` key phrases for each theme. `themeOf[v]` is the theme of voice v (-1 for none).
 * A phrase sharing a word with a better one is skipped, and a longer phrase takes the place of a
 * word when at least half the voices using the word use it in that phrase ("long wait", not "wait").
 */
export function keyPhrases(
  voices: readonly (readonly Word[])[],
  themeOf: readonly number[],
  themes: number,
  count = 5,
): ThemeKeyPhrases[] {
  const inTheme = Array.from({ length: themes }, () => new Map<string, number>());
  // For each phrase: its content lemmas, how people wrote it and the voices using it.
  const seenPhrases = new Map<
    string,
    { lemmas: string[]; writings: Map<string, number>; voices: number }
  >();
  const sizes = new Array<number>(themes).fill(0);
  // Voices read from the same text share their words: each words-and-theme pair is read once
  // and counted as often as it occurs.
  const copies = new Map<readonly Word[], Map<number, number>>();
  voices.forEach((words, v) => {
    const theme = themeOf[v] ?? -1;
    if (inTheme[theme] === undefined) return;
    sizes[theme] = (sizes[theme] ?? 0) + 1;
    const byTheme = copies.get(words) ?? new Map<number, number>();
    byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
    copies.set(words, byTheme);
  });
  for (const [words, byTheme] of copies) {
    const phrases = phrasesOf(words);
    for (const [theme, times] of byTheme) {
      const counts = inTheme[theme] ?? new Map<string, number>();
      const seen = new Set<string>();
      for (const phrase of phrases) {
        let known = seenPhrases.get(phrase.key);
        if (known === undefined) {
          known = { lemmas: phrase.lemmas, writings: new Map<string, number>(), voices: 0 };
          seenPhrases.set(phrase.key, known);
        }
        known.writings.set(phrase.text, (known.writings.get(phrase.text) ?? 0) + times);
        known.lemmas = phrase.lemmas;
        if (seen.has(phrase.key)) continue;
        seen.add(phrase.key);
        counts.set(phrase.key, (counts.get(phrase.key) ?? 0) + times);
        known.voices += times;
      }
    }
  }
  const averageSize = sizes.reduce((a, b) => a + b, 0) / Math.max(1, themes);
  return inTheme.map((counts, theme) => {
    const size = Math.max(1, sizes[theme] ?? 0);
    const least = size >= 10 ? 2 : 1;
    const weight = (key: string): number =>
      ((counts.get(key) ?? 0) / size) *
      Math.log(1 + averageSize / (seenPhrases.get(key)?.voices ?? 1));
    const ranked = [...counts]
      .filter(([, n]) => n >= least)
      .map(([key]) => ({ key, weight: weight(key) }))
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
    const chosen: string[] = [];
    const used = new Set<string>();
    const lemmaWeights = new Map<string, number>();
    let around: Map<string, string[]> | undefined;
    for (const { key, weight: score } of ranked) {
      if (chosen.length === count) break;
      let pick = key;
      const uses = counts.get(key) ?? 0;
      // The longest phrase around this word that most of its uses share.
      around ??= longerPhrases(counts.keys());
      for (const longer of around.get(key) ?? []) {
        if ((counts.get(longer) ?? 0) * 2 >= uses && wordCount(longer) > wordCount(pick)) {
          pick = longer;
        }
      }
      const lemmas = seenPhrases.get(pick)?.lemmas ?? [];
      if (lemmas.some((lemma) => used.has(lemma))) continue;
      for (const lemma of lemmas) {
        used.add(lemma);
        lemmaWeights.set(lemma, score);
      }
      chosen.push(commonWriting(seenPhrases.get(pick)?.writings ?? new Map<string, number>()));
    }
    return { phrases: chosen, lemmaWeights };
  });
}

/** A short label from the key phrases: the first two, the first letter a capital. */
export function labelFrom(phrases: readonly string[]): string {
  const label = phrases.slice(0, 2).join(', ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
