// Words, lemmas and sentences of a voice, from wink-nlp and its English model (both ship in their
// npm packages, so nothing is downloaded when Heard runs). The model's lemmas use American
// spellings ("organised" -> "organize"), so lemmas are only ever keys: what a person reads is
// always built from `text`, the voice's own characters.
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Word {
  /** As written in the voice. */
  text: string;
  /** Lower-case lemma, the key for counting and comparing. */
  lemma: string;
  /** A function word ("the", "was", "not") that says little about a theme on its own. */
  stop: boolean;
  /** The spaces between this word and the one before it in the voice. */
  spaceBefore: string;
  /** Punctuation, a symbol or a sentence boundary comes between this word and the one before. */
  breakBefore: boolean;
  /** The word's part of speech as wink-nlp tags it, in Universal Dependencies' names ("ADJ", "NOUN"). */
  partOfSpeech: string;
}

export interface AnalysedVoice {
  words: Word[];
}

// wink-nlp's typings declare the `its` helpers as methods (and lemma with the wrong shape), but
// they are plain functions handed to out(), so they are typed here as what they are.
interface TokenHelpers {
  type: ItsFunction<string>;
  value: ItsFunction<string>;
  lemma: ItsFunction<string>;
  stopWordFlag: ItsFunction<boolean>;
  precedingSpaces: ItsFunction<string>;
  span: ItsFunction<[number, number]>;
  pos: ItsFunction<string>;
}

let loaded: { reader: WinkMethods; its: TokenHelpers } | undefined;

// Loading the model takes about a tenth of a second, so it waits until a voice needs it.
function nlp(): { reader: WinkMethods; its: TokenHelpers } {
  if (loaded === undefined) {
    const reader = winkNLP(model, ['sbd', 'pos']);
    loaded = { reader, its: reader.its as unknown as TokenHelpers };
  }
  return loaded;
}

/**
 * Splits a voice into words; punctuation, numbers, emoji and sentence ends break phrases. Each
 * property is read for all tokens at once, which spares wink-nlp making an object per token.
 */
export function analyseVoice(text: string): AnalysedVoice {
  const { reader, its } = nlp();
  const doc = reader.readDoc(text);
  const spans = doc.sentences().out(its.span) as [number, number][];
  const tokens = doc.tokens();
  const type = tokens.out(its.type);
  const value = tokens.out(its.value);
  const lemma = tokens.out(its.lemma);
  const stop = tokens.out(its.stopWordFlag);
  const spaces = tokens.out(its.precedingSpaces);
  const partOfSpeech = tokens.out(its.pos);
  const words: Word[] = [];
  for (const [first, last] of spans) {
    let breakBefore = true;
    for (let i = first; i <= last; i++) {
      if (type[i] !== 'word') {
        breakBefore = true;
        continue;
      }
      words.push({
        text: value[i] ?? '',
        lemma: (lemma[i] ?? '').toLowerCase(),
        stop: stop[i] === true,
        spaceBefore: spaces[i] ?? '',
        breakBefore,
        partOfSpeech: partOfSpeech[i] ?? '',
      });
      breakBefore = false;
    }
  }
  return { words };
}

/** A voice's sentences, as written (only a long voice's are needed, to quote one of them). */
export function sentencesOf(text: string): string[] {
  return nlp().reader.readDoc(text).sentences().out();
}

const WORDLIKE = /^\p{L}[\p{L}\p{M}'’-]*$/u;

/** Letters (and apostrophes or hyphens after the first), not an abbreviation such as "No.". */
export function isWordLike(word: Word): boolean {
  return WORDLIKE.test(word.lemma);
}

/** A word that can say what a voice is about: word-like, not a stop word, not a lone letter. */
export function isContentWord(word: Word): boolean {
  return !word.stop && word.lemma.length > 1 && isWordLike(word);
}

// Vectors, TF-IDF, key phrases and quotes each ask for a voice's telling words: they are worked
// out once a list of words.
const tellingOf = new WeakMap<readonly Word[], ReadonlySet<Word>>();

/**
 * The words that say what a voice is about: its content words or, when it has none ("Nothing.",
 * "Not at all"), every word-like word, so that such answers still find each other.
 */
export function tellingWords(words: readonly Word[]): ReadonlySet<Word> {
  let telling = tellingOf.get(words);
  if (telling === undefined) {
    const content = words.filter(isContentWord);
    telling = new Set(content.length > 0 ? content : words.filter(isWordLike));
    tellingOf.set(words, telling);
  }
  return telling;
}
