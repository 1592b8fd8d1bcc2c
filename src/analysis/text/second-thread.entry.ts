// The second thread's entry (see second-thread.ts and parallel.ts): reads texts, makes mean word
// vectors, trains theme models, scores voices by them and picks voices to quote, one task at a
// time, and sends back what it made.
import { parentPort } from 'node:worker_threads';
import { type LogisticOptions, predictOneVsRest, trainOneVsRest } from './logistic.ts';
import type { Dense } from './matrix.ts';
import { packVoices, unpackWordKeys } from './packed.ts';
import { pickThemesQuotes } from './quotes.ts';
import { analyseVoice } from './tokens.ts';
import { meanWordVectors } from './vectors.ts';
import { shippedWordVectors } from './word-vectors.ts';

export type ThreadTask =
  | { kind: 'read'; texts: string[] }
  | { kind: 'means'; packed: string; count: number; copies: Int32Array }
  | { kind: 'predict'; rows: number; columns: number; data: Float64Array; weights: Float64Array }
  | { kind: 'quotes'; pools: Int32Array[]; vectors: Dense; centroids: Dense; count: number }
  | {
      kind: 'train';
      rows: number;
      columns: number;
      data: Float64Array;
      labels: number[][];
      labelCount: number;
      options: LogisticOptions;
    };

export type ThreadReply =
  | { kind: 'read'; packed: string; count: number }
  | { kind: 'means'; data: Float64Array; columns: number }
  | { kind: 'predicted'; data: Float64Array }
  | { kind: 'trained'; weights: Float64Array }
  | { kind: 'quotes'; picks: number[][] }
  | { kind: 'failed'; message: string };

function carryOut(task: ThreadTask): ThreadReply {
  if (task.kind === 'read') {
    return {
      kind: 'read',
      packed: packVoices(task.texts.map(analyseVoice)),
      count: task.texts.length,
    };
  }
  if (task.kind === 'means') {
    const { data, columns } = meanWordVectors(
      unpackWordKeys(task.packed, task.count),
      shippedWordVectors(),
      task.copies,
    );
    return { kind: 'means', data, columns };
  }
  if (task.kind === 'quotes') {
    const { pools, vectors, centroids, count } = task;
    return { kind: 'quotes', picks: pickThemesQuotes(pools, vectors, centroids, count) };
  }
  if (task.kind === 'predict') {
    const { rows, columns, data, weights } = task;
    const labels = weights.length / (columns + 1);
    const probabilities = predictOneVsRest(
      { rows, columns, data },
      { labels, weights: { rows: labels, columns: columns + 1, data: weights } },
    );
    return { kind: 'predicted', data: probabilities.data };
  }
  const { rows, columns, data, labels, labelCount, options } = task;
  const model = trainOneVsRest({ rows, columns, data }, labels, labelCount, options);
  return { kind: 'trained', weights: model.weights.data };
}

const port = parentPort;
if (port === null) throw new Error('second-thread.entry.ts runs only as a worker thread');

port.on('message', (task: ThreadTask) => {
  try {
    const reply = carryOut(task);
    // Vectors and probabilities (megabytes) are handed over rather than copied.
    const handed = reply.kind === 'means' || reply.kind === 'predicted';
    port.postMessage(reply, handed ? [reply.data.buffer as ArrayBuffer] : []);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadReply);
  }
});
