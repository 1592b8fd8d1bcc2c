// The second thread's entry (see parallel.ts): reads the texts and trains the theme models it is
// sent, one task at a time, and sends back what it made.
import { parentPort } from 'node:worker_threads';
import { type LogisticOptions, trainOneVsRest } from './logistic.ts';
import { packVoices } from './packed.ts';
import { analyseVoice } from './tokens.ts';

export type ThreadTask =
  | { kind: 'read'; texts: string[] }
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
  | { kind: 'trained'; weights: Float64Array }
  | { kind: 'failed'; message: string };

function carryOut(task: ThreadTask): ThreadReply {
  if (task.kind === 'read') {
    return {
      kind: 'read',
      packed: packVoices(task.texts.map(analyseVoice)),
      count: task.texts.length,
    };
  }
  const { rows, columns, data, labels, labelCount, options } = task;
  const model = trainOneVsRest({ rows, columns, data }, labels, labelCount, options);
  return { kind: 'trained', weights: model.weights.data };
}

const port = parentPort;
if (port === null) throw new Error('parallel-thread.ts runs only as a worker thread');

port.on('message', (task: ThreadTask) => {
  try {
    port.postMessage(carryOut(task) satisfies ThreadReply);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadReply);
  }
});
