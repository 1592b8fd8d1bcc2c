// Read voices packed into one string for the trip from a second thread back to the first: a
// string crosses between threads in one piece, where thousands of small objects are copied one
// by one (about four times slower for 25,000 voices).
import type { AnalysedVoice, Word } from './tokens.ts';
import type { WordKeys } from './vectors.ts';

const FIELD = '\u0000';
const PART = '\u0001';
const VOICE = '\u0002';

/** Whether a text can be packed once read: it holds none of the characters packing uses. */
export const packable = (text: string): boolean =>
  !text.includes(FIELD) && !text.includes(PART) && !text.includes(VOICE);

/** Packs voices read from packable texts (see `packable`). */
export function packVoices(voices: readonly AnalysedVoice[]): string {
  return voices
    .map(({ words }) =>
      [
        words.map((w) => w.text).join(FIELD),
        words.map((w) => w.lemma).join(FIELD),
        words.map((w) => w.spaceBefore).join(FIELD),
        words.map((w) => String((w.stop ? 1 : 0) + (w.breakBefore ? 2 : 0))).join(''),
        words.map((w) => w.partOfSpeech).join(FIELD),
      ].join(PART),
    )
    .join(VOICE);
}

/** The voices `packVoices` packed, equal to those it was given. */
export function unpackVoices(packed: string, count: number): AnalysedVoice[] {
  if (count === 0) return [];
  return packed.split(VOICE).map((voice): AnalysedVoice => {
    const [texts = '', lemmas = '', spaces = '', flags = '', tags = ''] = voice.split(PART);
    const lemmaOf = lemmas.split(FIELD);
    const spaceOf = spaces.split(FIELD);
    const partOfSpeechOf = tags.split(FIELD);
    const words =
      flags === ''
        ? []
        : texts.split(FIELD).map((text, i): Word => {
            const flag = flags.charCodeAt(i) - 48;
            return {
              text,
              lemma: lemmaOf[i] ?? '',
              stop: (flag & 1) === 1,
              spaceBefore: spaceOf[i] ?? '',
              breakBefore: (flag & 2) === 2,
              partOfSpeech: partOfSpeechOf[i] ?? '',
            };
          });
    return { words };
  });
}

/**
 * Each voice's words as written, their lemmas and parts of speech, or undefined if a word holds a
 * packing character.
 */
export function packWordKeys(voices: readonly (readonly WordKeys[])[]): string | undefined {
  const all = voices.flat();
  if (!all.every((word) => packable(word.text) && packable(word.lemma))) return undefined;
  return voices
    .map((words) =>
      words
        .map((word) => `${word.text}${FIELD}${word.lemma}${FIELD}${word.partOfSpeech}`)
        .join(FIELD),
    )
    .join(VOICE);
}

/** The words `packWordKeys` packed. */
export function unpackWordKeys(packed: string, count: number): WordKeys[][] {
  if (count === 0) return [];
  return packed.split(VOICE).map((voice) => {
    if (voice === '') return [];
    const fields = voice.split(FIELD);
    const words: WordKeys[] = [];
    for (let i = 0; i + 2 < fields.length; i += 3)
      words.push({
        text: fields[i] ?? '',
        lemma: fields[i + 1] ?? '',
        partOfSpeech: fields[i + 2] ?? '',
      });
    return words;
  });
}
