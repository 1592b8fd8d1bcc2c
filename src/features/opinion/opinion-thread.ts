import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { computeFromVotes } from './opinion.recompute.ts';

// A worker thread's entry (see opinion-worker.ts): reads votes through a connection of its own
// and runs the maths here, so neither a large read nor the maths holds up the serving thread.

export interface ComputeRequest {
  id: number;
  engagementId: string;
}

export type ComputeReply =
  | { id: number; ok: true; computed: Awaited<ReturnType<typeof computeFromVotes>> }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (port === null) throw new Error('opinion-thread.ts runs only as a worker thread');
const db = openDatabase((workerData as { database: DatabaseConfig }).database);

port.on('message', (request: ComputeRequest) => {
  computeFromVotes(db, request.engagementId).then(
    (computed) => port.postMessage({ id: request.id, ok: true, computed } satisfies ComputeReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ComputeReply),
  );
});
port.on('close', () => void db.destroy());
