// Read voices packed into one string for the trip from a second thread back to the first: a
// string crosses between threads in one piece, where thousands of small objects are copied one
// by one (about four times slower for 25,000 voices).
import type { AnalysedVoice, Word } from './tokens.ts';

const FIELD = '\u0000';
const PART = '\u0001';
const VOICE = '\u0002';

/** Whether a text can be packed once read: it holds none of the characters packing uses. */
export const packable = (text: string): boolean =>
  !text.includes(FIELD) && !text.includes(PART) && !text.includes(VOICE);

/** Packs voices read from packable texts (see `packable`). */
export function packVoices(voices: readonly AnalysedVoice[]): string {
  return voices
    .map(({ sentences, words }) =>
      [
        [String(sentences.length), ...sentences].join(FIELD),
        words.map((w) => w.text).join(FIELD),
        words.map((w) => w.lemma).join(FIELD),
        words.map((w) => w.spaceBefore).join(FIELD),
        words.map((w) => String((w.stop ? 1 : 0) + (w.breakBefore ? 2 : 0))).join(''),
      ].join(PART),
    )
    .join(VOICE);
}

/** The voices `packVoices` packed, equal to those it was given. */
export function unpackVoices(packed: string, count: number): AnalysedVoice[] {
  if (count === 0) return [];
  return packed.split(VOICE).map((voice): AnalysedVoice => {
    const [sentences = '', texts = '', lemmas = '', spaces = '', flags = ''] = voice.split(PART);
    const lemmaOf = lemmas.split(FIELD);
    const spaceOf = spaces.split(FIELD);
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
            };
          });
    const [, ...sentenceList] = sentences.split(FIELD);
    return { sentences: sentenceList, words };
  });
}
