import { JARGON } from './readability.jargon.ts';
import {
  type Span,
  countLetters,
  countSyllables,
  splitSentences,
  words,
} from './readability.words.ts';

/**
 * A readability check for public text as it is written: long sentences, long words and jargon.
 * It is a guide to show beside a text, never a reason to refuse it.
 *
 *   const findings = checkReadability(engagement.purposeEasyRead, 'easy-read');
 *   {% for finding in findings %}{{ t(finding.message.key, finding.message.params) }}{% endfor %}
 *
 * Each finding says what it found as written (`excerpt`, at `start`..`end` in the text), the
 * numbers behind it, and a catalogue message (namespace `readability`) explaining it in plain words.
 */
export type ReadingLevel = 'plain' | 'easy-read';

/** A catalogue key and the values for its {placeholders}. */
export interface ReadabilityMessage {
  key: string;
  params: Record<string, string | number>;
}

interface FindingBase {
  /** The sentence or word as written. */
  excerpt: string;
  /** Where the excerpt is in the text (first occurrence, for words), as string offsets. */
  start: number;
  end: number;
  message: ReadabilityMessage;
}

export type ReadabilityFinding =
  | (FindingBase & { kind: 'long-sentence'; words: number; limit: number })
  | (FindingBase & {
      kind: 'long-word';
      letters: number;
      syllables: number;
      /** Which measure made it long, and that measure's limit (the most allowed). */
      measure: 'letters' | 'syllables';
      limit: number;
    })
  | (FindingBase & {
      kind: 'jargon';
      /** The jargon list's id for the term, or 'acronym' for capital-letter short forms. */
      term: string;
      /** How many times the word appears in the text; it is reported once. */
      count: number;
    });

type Range = Pick<Span, 'start' | 'end'>;

/** The most words a sentence should have at each level (Easy Read: 10–15 words at most). */
export const SENTENCE_LIMITS: Readonly<Record<ReadingLevel, number>> = {
  plain: 25,
  'easy-read': 15,
};
/** Longer than this many letters is a long word at either level. */
export const LETTER_LIMIT = 12;
/** In Easy Read, a word with more syllables than this is long. */
export const EASY_READ_SYLLABLE_LIMIT = 2;

// Everyday words that every reader knows, which the syllable count would otherwise flag.
const EVERYDAY = new Set([
  'another',
  'anybody',
  'anyone',
  'anything',
  'already',
  'different',
  'difficult',
  'everybody',
  'everyday',
  'every',
  'everyone',
  'everything',
  'everywhere',
  'families',
  'family',
  'holiday',
  'hospital',
  'important',
  'library',
  'medicine',
  'remember',
  'something',
  'sometimes',
  'telephone',
  'together',
  'tomorrow',
  'understand',
  'yesterday',
]);

const compiled = JARGON.map((term) => ({
  ...term,
  regex: new RegExp(
    `\\b(?:${term.pattern.replace(/ \?/g, '[\\s-]?').replace(/ /g, '[\\s-]+')})\\b`,
    'gi',
  ),
}));

/**
 * Long sentences, long words and jargon in a text, in the order they appear (a sentence before
 * the words in it).
 */
export function checkReadability(text: string, level: ReadingLevel): ReadabilityFinding[] {
  const sentences = splitSentences(text);
  const jargon = findJargon(text, sentences, level);
  const covered = (word: Range) =>
    jargon.some((finding) => word.start < finding.end && finding.start < word.end);
  return [
    ...sentences.flatMap((sentence) => longSentence(sentence, level)),
    ...longWords(sentences, level).filter((finding) => !covered(finding)),
    ...jargon,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
}

function longSentence(sentence: Span, level: ReadingLevel): ReadabilityFinding[] {
  const count = words(sentence.text).length;
  const limit = SENTENCE_LIMITS[level];
  if (count <= limit) return [];
  return [
    {
      kind: 'long-sentence',
      excerpt: sentence.text,
      start: sentence.start,
      end: sentence.end,
      words: count,
      limit,
      message: {
        key:
          level === 'easy-read'
            ? 'readability.longSentence.easyRead'
            : 'readability.longSentence.plain',
        params: { words: count, limit },
      },
    },
  ];
}

/**
 * Long words, each reported once. Names are left alone: a capitalised word that does not start
 * its sentence (Northshire, Talking Points). A hyphenated word is read as its parts, so
 * "well-being" is two short words. Words with digits are numbers, codes or dates, not words.
 * In Easy Read a word's syllables are counted without "-ing", "-ed" or "-es", which add a
 * syllable but no difficulty ("answering" is as easy as "answer").
 */
function longWords(sentences: readonly Span[], level: ReadingLevel): ReadabilityFinding[] {
  const found = new Map<string, ReadabilityFinding>();
  for (const sentence of sentences) {
    words(sentence.text, sentence.start).forEach((word, index) => {
      if (/\p{N}/u.test(word.text)) return;
      if (index > 0 && /^\p{Lu}/u.test(word.text)) return;
      const key = word.text.toLowerCase();
      if (found.has(key)) return;
      const finding = longWord(word, level);
      if (finding !== undefined) found.set(key, finding);
    });
  }
  return [...found.values()];
}

function longWord(word: Span, level: ReadingLevel): ReadabilityFinding | undefined {
  const parts = word.text.split('-');
  const letters = Math.max(...parts.map(countLetters));
  const syllables = Math.max(...parts.map((part) => countSyllables(withoutInflection(part))));
  const hard = parts.some(
    (part) =>
      !isEveryday(part) && countSyllables(withoutInflection(part)) > EASY_READ_SYLLABLE_LIMIT,
  );
  const base = { kind: 'long-word' as const, excerpt: word.text, start: word.start, end: word.end };
  if (letters > LETTER_LIMIT) {
    return {
      ...base,
      letters,
      syllables,
      measure: 'letters',
      limit: LETTER_LIMIT,
      message: { key: 'readability.longWord.letters', params: { word: word.text, letters } },
    };
  }
  if (level === 'easy-read' && hard) {
    return {
      ...base,
      letters,
      syllables,
      measure: 'syllables',
      limit: EASY_READ_SYLLABLE_LIMIT,
      message: { key: 'readability.longWord.syllables', params: { word: word.text, syllables } },
    };
  }
  return undefined;
}

const withoutInflection = (word: string): string =>
  word.length > 5 ? word.replace(/(?:ing|ed|es)$/i, '') : word;

const isEveryday = (word: string): boolean =>
  EVERYDAY.has(word.toLowerCase()) || EVERYDAY.has(withoutInflection(word).toLowerCase());

/**
 * Jargon from the list, each term reported once at its first appearance. In Easy Read, short
 * forms in capital letters (NHS, GP) are jargon too: Easy Read writes words out in full.
 */
function findJargon(
  text: string,
  sentences: readonly Span[],
  level: ReadingLevel,
): ReadabilityFinding[] {
  const findings: ReadabilityFinding[] = [];
  for (const term of compiled) {
    if (term.easyReadOnly === true && level !== 'easy-read') continue;
    const matches = [...text.matchAll(term.regex)];
    const [first] = matches;
    if (first === undefined) continue;
    findings.push({
      kind: 'jargon',
      term: term.id,
      excerpt: first[0],
      start: first.index,
      end: first.index + first[0].length,
      count: matches.length,
      message: { key: `readability.jargon.${term.id}`, params: { word: first[0] } },
    });
  }
  if (level !== 'easy-read') return findings;
  const listed = (word: Range) =>
    findings.some((finding) => word.start < finding.end && finding.start < word.end);
  return [...findings, ...acronyms(sentences).filter((finding) => !listed(finding))];
}

function acronyms(sentences: readonly Span[]): ReadabilityFinding[] {
  const all = sentences.flatMap((sentence) =>
    words(sentence.text, sentence.start).filter((word) => /^\p{Lu}{2,}s?$/u.test(word.text)),
  );
  const seen = new Map<string, ReadabilityFinding & { kind: 'jargon' }>();
  for (const word of all) {
    const earlier = seen.get(word.text);
    if (earlier !== undefined) {
      earlier.count += 1;
      continue;
    }
    seen.set(word.text, {
      kind: 'jargon',
      term: 'acronym',
      excerpt: word.text,
      start: word.start,
      end: word.end,
      count: 1,
      message: { key: 'readability.jargon.acronym', params: { word: word.text } },
    });
  }
  return [...seen.values()];
}

/**
 * One line to sum up a text's findings, e.g. above the list: "3 things to check".
 * The key is readability.summary.none, .one or .other, with {count}.
 */
export function readabilitySummary(findings: readonly ReadabilityFinding[]): ReadabilityMessage {
  const count = findings.length;
  const key = count === 0 ? 'none' : count === 1 ? 'one' : 'other';
  return { key: `readability.summary.${key}`, params: { count } };
}
