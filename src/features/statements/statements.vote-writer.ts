import type { Db } from '../../platform/db/database.ts';
import { type VoteToStore, upsertVote, upsertVotes, voteKey } from './statements.repository.ts';

interface Waiting {
  vote: VoteToStore;
  at: string;
  settle: (stored: boolean) => void;
  fail: (error: unknown) => void;
}

/**
 * Writes people's votes, those that arrive together in one transaction and, mostly, one SQL
 * statement. A commit waits for the disk (SQLite syncs its log on every commit), so one commit
 * per vote caps a server at a few hundred votes a second; one commit per batch does not. Each vote is acknowledged only once
 * its batch is committed, so nothing acknowledged lives only in memory. If a batch fails, its
 * votes are written one by one, so one bad vote does not fail the others.
 */
export class VoteWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  /** True when the vote was stored; false when a rule failed (see upsertVote). */
  write(vote: VoteToStore, at: string): Promise<boolean> {
    return new Promise((settle, fail) => {
      this.waiting.push({ vote, at, settle, fail });
      if (!this.writing) {
        this.writing = true;
        // After the current turn, so votes arriving in it join the batch.
        setImmediate(() => void this.writeWaiting());
      }
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const stored = await this.db.transaction().execute(async (trx) => {
          const results: boolean[] = [];
          for (const part of distinctParts(batch)) {
            const keys = await upsertVotes(trx, part);
            for (const item of part) results.push(keys.has(voteKey(item.vote)));
          }
          return results;
        });
        batch.forEach((item, index) => item.settle(stored[index] ?? false));
      } catch {
        for (const item of batch) {
          await upsertVote(this.db, item.vote, item.at).then(item.settle, item.fail);
        }
      }
    }
    this.writing = false;
  }
}

/** Most votes one statement writes: well inside both databases' limits on parameters. */
const MOST_PER_STATEMENT = 500;

/**
 * The batch in order, cut where a person's vote on a statement repeats (the later one must
 * replace the earlier, so it goes in a later statement) or a statement would grow too long.
 */
function distinctParts(batch: Waiting[]): Waiting[][] {
  const parts: Waiting[][] = [];
  let part: Waiting[] = [];
  let keys = new Set<string>();
  for (const item of batch) {
    const key = voteKey(item.vote);
    if (keys.has(key) || part.length === MOST_PER_STATEMENT) {
      parts.push(part);
      part = [];
      keys = new Set();
    }
    part.push(item);
    keys.add(key);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

const writers = new WeakMap<Db, VoteWriter>();

/** The one writer for a database, so every request's votes share its batches. */
export function voteWriterFor(db: Db): VoteWriter {
  let writer = writers.get(db);
  if (writer === undefined) {
    writer = new VoteWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
