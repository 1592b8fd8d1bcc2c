import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';

export interface RateLimitStoreOptions {
  db: Db;
  clock: Clock;
  /** Keys the hash that stands for an address and route: the session secret. */
  secret: string;
  log: FastifyBaseLogger;
}

/**
 * What @fastify/rate-limit passes to a store: its options, merged with a route's own and, for a
 * route's store, the route (README, "routeInfo"; its types leave this out).
 */
interface LimitOptions extends FastifyRateLimitOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/** The plugin's types call a route's options RouteOptions; what it passes is as above. */
type RouteLimitOptions = Parameters<FastifyRateLimitStore['child']>[0] & LimitOptions;

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Waiting {
  hash: string;
  timeWindow: number;
  settle: (result: { current: number; ttl: number }) => void;
  fail: (error: unknown) => void;
}

/** Most keys one statement counts: well inside both databases' limits on parameters. */
const MOST_KEYS_PER_STATEMENT = 500;

/**
 * Ended windows are cleared out at most once a minute by each process, with one delete that the
 * index on window_ends keeps cheap. Timed rather than on a random share of requests so that it
 * needs no random source and tests can drive it with the clock; the table then holds only the
 * windows open in the last few minutes, whatever the traffic. An ended row left a while does no
 * harm: the next request for its key starts a new window over it.
 */
const CLEAR_ENDED_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit that keeps its counts in the database, so every Heard process
 * behind a load balancer counts the same requests ("Nothing is kept in process memory that another
 * process needs"). Each route counts apart, as with the plugin's own store. The plugin's
 * `continueExceeding` and `exponentialBackoff` are not offered, as Heard uses neither.
 */
export function databaseRateLimitStore(options: RateLimitStoreOptions): FastifyRateLimitStoreCtor {
  const { db, clock, secret, log } = options;
  let clearedAt = Number.NEGATIVE_INFINITY;

  const keyHash = (route: string, key: string): string =>
    createHmac('sha256', secret).update(`${route}\n${key}`).digest('hex');

  async function clearEnded(now: number): Promise<void> {
    if (now - clearedAt < CLEAR_ENDED_EVERY_MS) return;
    clearedAt = now;
    await db
      .deleteFrom('rate_limit_counts')
      .where('window_ends', '<=', new Date(now).toISOString())
      .execute();
  }

  /**
   * Requests waiting to be counted. Those arriving in one turn of the event loop are counted
   * together, one batch at a time: a public form can take thousands of posts a second (votes), and
   * a statement per request would cost each a commit of its own.
   */
  let waiting: Waiting[] = [];
  let counting = false;

  function count(hash: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    return new Promise((settle, fail) => {
      waiting.push({ hash, timeWindow, settle, fail });
      if (!counting) {
        counting = true;
        setImmediate(() => void countWaiting());
      }
    });
  }

  async function countWaiting(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      const byKey = new Map<string, Waiting[]>();
      for (const item of batch) {
        const ofKey = byKey.get(item.hash);
        if (ofKey === undefined) byKey.set(item.hash, [item]);
        else ofKey.push(item);
      }
      try {
        const now = clock().getTime();
        await clearEnded(now);
        const keys = [...byKey];
        for (let from = 0; from < keys.length; from += MOST_KEYS_PER_STATEMENT) {
          await countKeys(keys.slice(from, from + MOST_KEYS_PER_STATEMENT), now);
        }
      } catch (error) {
        for (const item of batch) item.fail(error);
      }
    }
    counting = false;
  }

  /**
   * One statement for the keys, so concurrent requests from any process each get their own
   * count: a new key starts a window; a key whose window has ended starts again; otherwise its
   * requests are added. The requests of one key are numbered in the order they came.
   */
  async function countKeys(keys: [string, Waiting[]][], now: number): Promise<void> {
    const nowIso = new Date(now).toISOString();
    const counted = await db
      .insertInto('rate_limit_counts')
      .values(
        keys.map(([hash, items]) => ({
          key_hash: hash,
          hits: items.length,
          window_ends: new Date(now + (items[0]?.timeWindow ?? 0)).toISOString(),
        })),
      )
      .onConflict((conflict) =>
        conflict.column('key_hash').doUpdateSet((eb) => {
          const ended = eb('rate_limit_counts.window_ends', '<=', nowIso);
          return {
            hits: eb
              .case()
              .when(ended)
              .then(eb.ref('excluded.hits'))
              .else(eb('rate_limit_counts.hits', '+', eb.ref('excluded.hits')))
              .end(),
            window_ends: eb
              .case()
              .when(ended)
              .then(eb.ref('excluded.window_ends'))
              .else(eb.ref('rate_limit_counts.window_ends'))
              .end(),
          };
        }),
      )
      .returning(['key_hash', 'hits', 'window_ends'])
      .execute();
    const rowOf = new Map(counted.map((row) => [row.key_hash, row]));
    for (const [hash, items] of keys) {
      const row = rowOf.get(hash);
      // Never left waiting: a key the statement did not return fails (and is let through).
      if (row === undefined) {
        for (const item of items) item.fail(new Error('the count was not returned'));
        continue;
      }
      const before = row.hits - items.length;
      const ttl = Date.parse(row.window_ends) - now;
      items.forEach((item, index) => item.settle({ current: before + index + 1, ttl }));
    }
  }

  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /** The route counted, as "METHOD /url"; empty for the plugin's top-level store. */
    private readonly route: string;

    constructor(limit: LimitOptions) {
      if (limit.continueExceeding === true || limit.exponentialBackoff === true) {
        throw new Error(
          'The database rate-limit store does not offer continueExceeding or backoff',
        );
      }
      const method = [limit.routeInfo?.method ?? []].flat().join(',');
      this.route = `${method} ${limit.routeInfo?.url ?? ''}`;
    }

    /**
     * Fails open: if the database cannot count, the request goes on uncounted and the failure is
     * logged (the error only: the key is never in the query, only its hash). Refusing every
     * sign-in while the database blips would lock everyone out; and a request these limits guard
     * needs the database itself, so during a real outage it fails there anyway.
     */
    incr(key: string, counted: Counted, timeWindow: number): void {
      count(keyHash(this.route, key), timeWindow).then(
        (result) => counted(null, result),
        (error: unknown) => {
          log.error({ err: error }, 'Rate limit not counted: the database failed');
          counted(null, { current: 0, ttl: timeWindow });
        },
      );
    }

    child(limit: RouteLimitOptions): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(limit);
    }
  };
}
