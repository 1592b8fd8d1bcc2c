import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { Clock } from '../clock.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const START = new Date('2026-11-26T09:00:00.000Z');
const WINDOW = 15 * 60_000;
const ADDRESS = '198.51.100.7';
const SIGN_IN = { routeInfo: { method: 'POST', url: '/sign-in' } };

const silent = pino({ level: 'silent' });

/** What the plugin hands a route's store; its types call this RouteOptions, so the cast. */
const routeOptions = (route: typeof SIGN_IN) =>
  route as unknown as Parameters<FastifyRateLimitStore['child']>[0];

/** A store for one route, as @fastify/rate-limit makes it: the plugin's store, then its child. */
function routeStore(db: Db, clock: Clock, route = SIGN_IN): FastifyRateLimitStore {
  const Store = databaseRateLimitStore({ db, clock, secret: SECRET, log: silent });
  return new Store({}).child(routeOptions(route));
}

function hit(
  store: FastifyRateLimitStore,
  key = ADDRESS,
  timeWindow = WINDOW,
): Promise<{ current: number; ttl: number }> {
  return new Promise((resolve, reject) => {
    store.incr(
      key,
      (error, result) => {
        if (error !== null) reject(error);
        else if (result === undefined) reject(new Error('no count'));
        else resolve(result);
      },
      timeWindow,
      10,
    );
  });
}

describe.each(testDatabases)('the database rate-limit store on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let db: Db;
  let drop: () => Promise<void>;
  let now: Date;
  const clock: Clock = () => new Date(now);
  const advance = (ms: number): void => {
    now = new Date(now.getTime() + ms);
  };
  const rows = () => db.selectFrom('rate_limit_counts').selectAll().execute();

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await database.open());
  });
  afterAll(async () => {
    if (skip) return;
    await drop();
  });
  beforeEach(async () => {
    if (skip) return;
    now = START;
    await db.deleteFrom('rate_limit_counts').execute();
  });

  it.skipIf(skip)('counts up within a window and starts again after it', async () => {
    const store = routeStore(db, clock);
    expect(await hit(store)).toEqual({ current: 1, ttl: WINDOW });
    advance(60_000);
    expect(await hit(store)).toEqual({ current: 2, ttl: WINDOW - 60_000 });
    advance(WINDOW - 60_001);
    expect(await hit(store)).toEqual({ current: 3, ttl: 1 });
    advance(1);
    expect(await hit(store)).toEqual({ current: 1, ttl: WINDOW });
    expect(await hit(store)).toEqual({ current: 2, ttl: WINDOW });
  });

  it.skipIf(skip)('counts each address and each route apart', async () => {
    const signIn = routeStore(db, clock);
    const comeBack = routeStore(db, clock, {
      routeInfo: { method: 'POST', url: '/take-part/return' },
    });
    expect((await hit(signIn)).current).toBe(1);
    expect((await hit(signIn)).current).toBe(2);
    expect((await hit(signIn, '203.0.113.9')).current).toBe(1);
    expect((await hit(comeBack)).current).toBe(1);
    expect(await rows()).toHaveLength(3);
  });

  it.skipIf(skip)('shares one count between processes, even at the same moment', async () => {
    const first = routeStore(db, clock);
    const second = routeStore(db, clock);
    expect((await hit(first)).current).toBe(1);
    expect((await hit(second)).current).toBe(2);
    expect((await hit(first)).current).toBe(3);

    const together = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hit(i % 2 === 0 ? first : second)),
    );
    const counts = together.map((result) => result.current).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
  });

  it.skipIf(skip)(
    'counts requests that arrive together in one batch, each numbered in the order it came',
    async () => {
      const store = routeStore(db, clock);
      const together = await Promise.all([
        hit(store),
        hit(store, '203.0.113.9'),
        hit(store),
        hit(store),
      ]);
      expect(together.map((result) => result.current)).toEqual([1, 1, 2, 3]);
      advance(WINDOW);
      const after = await Promise.all([hit(store), hit(store)]);
      expect(after).toEqual([
        { current: 1, ttl: WINDOW },
        { current: 2, ttl: WINDOW },
      ]);
    },
  );

  it.skipIf(skip)('keeps only a keyed hash, never the address', async () => {
    await hit(routeStore(db, clock));
    const saved = await rows();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(saved)).not.toContain(ADDRESS);
    expect(JSON.stringify(saved)).not.toContain('sign-in');
  });

  it.skipIf(skip)('clears out windows that have ended, now and then', async () => {
    const store = routeStore(db, clock);
    await hit(store, '192.0.2.1', 30_000);
    await hit(store, '192.0.2.2', WINDOW);
    expect(await rows()).toHaveLength(2);

    // The first window has ended, but the last clearing out was under a minute ago.
    advance(30_000);
    await hit(store, '192.0.2.3', WINDOW);
    expect(await rows()).toHaveLength(3);

    advance(30_000);
    await hit(store, '192.0.2.4', WINDOW);
    const left = await rows();
    expect(left).toHaveLength(3);
    expect(left.every((row) => row.window_ends > now.toISOString())).toBe(true);
  });
});

describe('the database rate-limit store when the database fails', () => {
  it('lets the request through and logs the failure without the address', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    // Never migrated: the table is not there.
    const db = openDatabase({ dialect: 'sqlite', filename: ':memory:' });
    try {
      const Store = databaseRateLimitStore({ db, clock: () => START, secret: SECRET, log });
      const store = new Store({}).child(routeOptions(SIGN_IN));
      expect(await hit(store)).toEqual({ current: 0, ttl: WINDOW });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('Rate limit not counted');
      expect(lines[0]).not.toContain(ADDRESS);
    } finally {
      await db.destroy();
    }
  });
});
