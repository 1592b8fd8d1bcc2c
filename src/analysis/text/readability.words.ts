// Sentences, words and syllables for the readability check: simple rules over the text as
// written, with character offsets so a page can point at what it found.

export interface Span {
  text: string;
  start: number;
  end: number;
}

// Short forms that end in a full stop without ending the sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'e.g', 'i.e', 'eg', 'ie', 'no']);

/**
 * Sentences as written. A line break always ends one (lists and Easy Read put each idea on its
 * own line); so does . ! ? or … followed by a space, unless it closes a short form like "Dr.".
 * A full stop inside a number or an address ("1.5", "example.org") does not end a sentence.
 */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') {
      sentences.push({
        text: trimmed,
        start: start + leading,
        end: start + leading + trimmed.length,
      });
    }
  };
  const boundary = /[.!?…]+["'”’)\]]*(?=\s|$)|\r?\n|\r/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = /([\p{L}.]+)\.$/u.exec(text.slice(start, match.index + 1));
    if (match[0] === '.' && before?.[1] !== undefined && ABBREVIATIONS.has(before[1].toLowerCase()))
      continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return sentences;
}

// A word: letters or digits, joined by apostrophes ("don't") or hyphens ("well-being").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words in a piece of text, with their offsets within it. */
export function words(text: string, offset = 0): Span[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/**
 * Approximately how many syllables a word has, from its spelling: count the groups of vowels
 * (a, e, i, o, u, and y after the first letter), after taking off endings that are usually silent —
 * a final "e" (care, service) but not "-le" after a consonant (table, people), "-ed" except after
 * t or d (cared, but wanted), and "-es" except after s, x, z, c, g, ch or sh (homes, but
 * services); and an "e" before -ly, -ful, -less, -ment or -ness (lonely, careful). Every word has at least one. English spelling has many exceptions ("create",
 * "area"), so a count can be one out: the readability check is a guide, never a rule.
 */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return 0;
  if (letters.length <= 3) return 1;
  return Math.max(
    1,
    withoutSilentEnding(letters)
      .replace(/^y/, '')
      .match(/[aeiouy]+/g)?.length ?? 0,
  );
}

function withoutSilentEnding(word: string): string {
  const suffixed = /[^aeiouy]e(?:ly|ful|less|ment|ments|ness)$/.exec(word);
  if (suffixed !== null) {
    const silentE = suffixed.index + 1;
    return word.slice(0, silentE) + word.slice(silentE + 1);
  }
  if (/(?:[sxzcg]|ch|sh)es$/.test(word)) return word;
  const singular = /[^aeiouy]es$/.test(word) ? word.slice(0, -1) : word;
  if (/[^aeiouytd]ed$/.test(singular)) return singular.slice(0, -2);
  if (/[^aeiouy]le$/.test(singular)) return singular;
  if (/[^aeiouy]e$/.test(singular)) return singular.slice(0, -1);
  return singular;
}

/** How many letters a word has, leaving out apostrophes and hyphens. */
export const countLetters = (word: string): number => word.replace(/[^\p{L}\p{N}]/gu, '').length;
