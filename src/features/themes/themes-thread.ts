import { parentPort } from 'node:worker_threads';
import {
  type DraftedThemes,
  type GivenVectors,
  type MappedThemes,
  type Voice,
  draftThemes,
  mapToThemes,
} from '../../analysis/text/themes.ts';
import { loadSentenceEncoder } from '../../platform/sentence-encoder/sentence-encoder.ts';

// A worker thread's entry (see themes.drafting.ts): runs the pure pipeline on the voices it is
// sent, reporting progress, so drafting and mapping never hold up the serving thread. No
// database here. A draft loads the sentence encoder here, in the thread that runs it (its
// model cannot cross between threads); mapping goes without it, to stay within 10 s.

/**
 * Draft themes from the voices, or map them to the themes of the hand-coded voices; either with
 * the helper service's embeddings, when given.
 */
export type ThreadJob =
  | { kind: 'draft'; voices: Voice[]; given?: GivenVectors }
  | { kind: 'map'; voices: Voice[]; coded: [string, string[]][]; given?: GivenVectors };

export type DraftMessage =
  | { kind: 'progress'; stage: string; done: number; total: number }
  | { kind: 'drafted'; drafted: DraftedThemes }
  | { kind: 'mapped'; mapped: MappedThemes }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port === null) throw new Error('themes-thread.ts runs only as a worker thread');

const carryOut = async (job: ThreadJob): Promise<void> => {
  const onProgress = (stage: string, done: number, total: number) =>
    port.postMessage({ kind: 'progress', stage, done, total } satisfies DraftMessage);
  try {
    port.postMessage(
      (job.kind === 'draft'
        ? {
            kind: 'drafted',
            drafted: await draftThemes(
              job.voices,
              { onProgress, sentenceEncoder: await loadSentenceEncoder() },
              job.given,
            ),
          }
        : {
            kind: 'mapped',
            mapped: await mapToThemes(job.voices, new Map(job.coded), { onProgress }, job.given),
          }) satisfies DraftMessage,
    );
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies DraftMessage);
  }
};

port.once('message', (job: ThreadJob) => void carryOut(job));
