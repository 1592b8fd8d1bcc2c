// A suggested split of one theme into two: 2-means on its voices' vectors, each part named from
// its key phrases. Pure and deterministic: a starting point a person confirms or changes.
import { keyPhrases, labelFrom } from './key-phrases.ts';
import { sphericalKMeans } from './kmeans.ts';
import { seededRandom } from './random.ts';
import { analyseVoice } from './tokens.ts';
import { pickRows, voiceVectors } from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

export interface SplitPart {
  /** A name from the part's key phrases; empty when it has none. */
  label: string;
  /** The voices of the part, in the order given. */
  ids: string[];
}

const SEED = 0x73_706c_74;

/**
 * Two parts of the voices, the larger first. Voices with no words to go on join the larger part;
 * with fewer than two voices that have words, every voice is in the first part.
 */
export function suggestSplit(
  voices: readonly { id: string; text: string }[],
): [SplitPart, SplitPart] {
  const analysed = voices.map((voice) => analyseVoice(voice.text));
  // Fewer dimensions than a draft's: two parts of one theme need less, and it runs while a person waits.
  const { distinct, rowOf, hasContent } = voiceVectors(analysed, seededRandom(SEED), {
    wordVectors: shippedWordVectors(),
    dimensions: 30,
  });
  const withContent = voices.map((_, r) => r).filter((r) => hasContent[r]);
  const partOf = voices.map(() => 0);
  if (withContent.length >= 2) {
    const { assignment } = sphericalKMeans(
      pickRows(
        distinct,
        withContent.map((r) => rowOf[r] ?? 0),
      ),
      2,
      seededRandom(SEED + 1),
      { restarts: 2 },
    );
    withContent.forEach((r, i) => (partOf[r] = assignment[i] ?? 0));
    const second = partOf.filter((part) => part === 1).length;
    // The larger part first; voices without words stay in it.
    const larger = second > withContent.length - second ? 1 : 0;
    voices.forEach((_, r) => {
      const part = hasContent[r] ? (partOf[r] ?? 0) : larger;
      partOf[r] = part === larger ? 0 : 1;
    });
  }
  const phrases = keyPhrases(
    analysed.map((voice) => voice.words),
    partOf,
    2,
  );
  const part = (index: number): SplitPart => ({
    label: labelFrom(phrases[index]?.phrases ?? []),
    ids: voices.filter((_, r) => partOf[r] === index).map((voice) => voice.id),
  });
  return [part(0), part(1)];
}
