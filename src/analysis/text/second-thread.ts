// The second thread the themes pipeline hands work to (see parallel.ts for what it does there):
// started only when there is enough work to repay starting it, asked one task at a time, and
// answering "failed" rather than never if it cannot start or stops.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadTask } from './second-thread.entry.ts';

/**
 * A worker thread running a TypeScript file, registering tsx first as the serving process does
 * (a worker does not inherit the loader registered by `bin/heard.js`).
 */
export function typeScriptThread(entry: URL): Worker {
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
}

export interface SecondThread {
  ask(task: ThreadTask): Promise<ThreadReply>;
  close(): void;
}

/** Below this many different texts, starting a thread (about 0.4 s) costs more than it saves. */
const SECOND_THREAD_FROM = 10_000;

/**
 * Starts the second thread for the themes of these voices' texts: none for fewer than 10,000
 * different texts, or on a machine with one core.
 */
export function secondThreadFor(
  texts: readonly string[],
  from = SECOND_THREAD_FROM,
): SecondThread | undefined {
  if (availableParallelism() < 2 || new Set(texts).size < from) return undefined;
  const thread = typeScriptThread(new URL('./second-thread.entry.ts', import.meta.url));
  thread.unref();
  let waiting: ((reply: ThreadReply) => void) | undefined;
  let stopped: string | undefined;
  const answer = (reply: ThreadReply): void => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(reply);
  };
  const stop = (message: string): void => {
    stopped ??= message;
    answer({ kind: 'failed', message });
  };
  thread.on('message', answer);
  thread.on('error', (error) => stop(error.message));
  thread.on('exit', (code) => stop(`the second thread stopped (exit code ${code})`));
  return {
    ask: (task) => {
      if (stopped !== undefined) return Promise.resolve({ kind: 'failed', message: stopped });
      if (waiting !== undefined) throw new Error('the second thread is already busy');
      const reply = new Promise<ThreadReply>((resolve) => (waiting = resolve));
      thread.postMessage(task);
      return reply;
    },
    close: () => void thread.terminate(),
  };
}
