import { parentPort } from 'node:worker_threads';
import { type DraftedThemes, type Voice, draftThemes } from '../../analysis/text/themes.ts';

// A worker thread's entry (see themes.drafting.ts): runs the pure pipeline on the voices it is
// sent, reporting progress, so drafting never holds up the serving thread. No database here.

export type DraftMessage =
  | { kind: 'progress'; stage: string; done: number; total: number }
  | { kind: 'done'; drafted: DraftedThemes }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port === null) throw new Error('themes-thread.ts runs only as a worker thread');

port.once('message', (voices: Voice[]) => {
  try {
    const drafted = draftThemes(voices, {
      onProgress: (stage, done, total) =>
        port.postMessage({ kind: 'progress', stage, done, total } satisfies DraftMessage),
    });
    port.postMessage({ kind: 'done', drafted } satisfies DraftMessage);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies DraftMessage);
  }
});
