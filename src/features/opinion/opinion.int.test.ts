import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { addOutsideLead } from '../../../test/advocacy-fixtures.ts';
import { type TestDatabase, testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { startOpinionWorker } from './opinion-worker.ts';
import { castVote, insertParticipant, insertStatement, seedCamps } from './opinion.fixtures.ts';
import { latestPriority } from './opinion.priority.ts';
import {
  type RecomputeState,
  computeFromVotes,
  freshRecomputeState,
  recomputeDueMaps,
} from './opinion.recompute.ts';
import { insertSnapshot, latestSnapshot } from './opinion.repository.ts';
import type { OpinionResult } from './opinion.result.ts';

const CAMPS = {
  agreeFirstHalf: { lived_experience: 11, family_carer: 5 },
  agreeSecondHalf: { professional: 5, provider: 3 },
};

const snapshotsOf = (heard: TestApp, engagementId: string) =>
  heard.db
    .selectFrom('opinion_snapshots')
    .select(['version', 'votes', 'participants'])
    .where('engagement_id', '=', engagementId)
    .orderBy('version')
    .execute();

const signedIn = async (heard: TestApp, email: string): Promise<Browser> => {
  const browser = new Browser(heard.app);
  expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
  return browser;
};

async function waitFor<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  // Generous: starting a worker thread on a busy machine can take seconds.
  for (let tries = 0; tries < 600; tries++) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe.each(testDatabases)('the opinion map on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;
  let engagementId: string;
  let seeded: Awaited<ReturnType<typeof seedCamps>>;
  let unvoted: string;
  let pending: string;
  let state: RecomputeState;
  const now = () => heard.clock().toISOString();
  const recompute = () =>
    recomputeDueMaps(heard.db, heard.clock, state, {
      minIntervalMs: 5_000,
      compute: (id) => computeFromVotes(heard.db, id),
    });

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    engagementId = (await startListening(heard.db)).id;
    seeded = await seedCamps(heard.db, engagementId, CAMPS, '2026-11-26T08:00:00.000Z');
    unvoted = await insertStatement(heard.db, engagementId, 'A statement nobody has seen', now());
    pending = await insertStatement(
      heard.db,
      engagementId,
      'Waiting for moderation',
      now(),
      'pending',
    );
    state = freshRecomputeState();
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'saves version 1 from the votes, with groups, points and priorities',
    async () => {
      expect((await recompute()).saved).toEqual([{ engagementId, version: 1 }]);
      const snapshot = await latestSnapshot(heard.db, engagementId);
      const voters = [...seeded.firstCamp, ...seeded.secondCamp];
      expect(snapshot?.votes).toBe(voters.length * seeded.statementIds.length);
      expect(snapshot?.participants).toBe(voters.length);
      const result = snapshot?.result;
      expect(Object.keys(result?.points ?? {}).sort()).toEqual([...voters].sort());
      // The two camps are the two groups.
      const groups = (result?.groups ?? []).map((g) => [...g.members].sort());
      expect(groups).toHaveLength(2);
      expect(groups).toContainEqual([...seeded.firstCamp].sort());
      expect(groups).toContainEqual([...seeded.secondCamp].sort());
      // Every approved statement has a priority, the unseen one with the novelty boost.
      const priority = result?.priority ?? {};
      expect(Object.keys(priority).sort()).toEqual([...seeded.statementIds, unvoted].sort());
      expect(priority[pending]).toBeUndefined();
      const seen = Math.max(...seeded.statementIds.map((id) => priority[id] ?? Infinity));
      expect(priority[unvoted]).toBeGreaterThan(seen);
      expect(await latestPriority(heard.db, engagementId)).toEqual(
        new Map(Object.entries(priority)),
      );
    },
  );

  it.skipIf(skip)('saves nothing while no vote has changed', async () => {
    heard.advanceMinutes(5);
    expect((await recompute()).saved).toEqual([]);
    // A fresh poller (after a restart) reads every vote again and still finds nothing to do.
    state = freshRecomputeState();
    expect((await recompute()).saved).toEqual([]);
    expect(await snapshotsOf(heard, engagementId)).toHaveLength(1);
  });

  it.skipIf(skip)(
    'waits out the interval after a snapshot, then saves the next version from the new votes',
    async () => {
      const newcomer = await insertParticipant(heard.db, engagementId, 'family_carer', now());
      await castVote(heard.db, newcomer, unvoted, 1, now());
      // The snapshot is five minutes old: the new vote is mapped at once.
      expect((await recompute()).saved).toEqual([{ engagementId, version: 2 }]);

      // A changed vote a second later waits until five seconds have passed since version 2.
      const secondLater = new Date(heard.clock().getTime() + 1_000).toISOString();
      await castVote(heard.db, newcomer, unvoted, -1, secondLater);
      expect((await recompute()).saved).toEqual([]);
      heard.advanceMinutes(1);
      expect((await recompute()).saved).toEqual([{ engagementId, version: 3 }]);
      expect((await recompute()).saved).toEqual([]);

      const versions = await snapshotsOf(heard, engagementId);
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
      const first = versions[0]?.votes ?? 0;
      expect(versions.map((v) => v.votes)).toEqual([first, first + 1, first + 1]);
      const latest = await latestSnapshot(heard.db, engagementId);
      expect(latest?.result.tallies.everyone[unvoted]).toEqual([0, 1, 1]);
      expect(latest?.result.priority[unvoted]).toBeDefined();
    },
  );

  it.skipIf(skip)(
    'recomputes in the background from the serving process',
    async () => {
      const other = (await startListening(heard.db)).id;
      const camps = await seedCamps(heard.db, other, CAMPS, now());
      const worker = startOpinionWorker(
        { config: heard.config, db: heard.db, clock: heard.clock, t: translator('en') },
        { info: () => undefined, error: () => undefined },
        // PostgreSQL is shared, so the maths runs in a worker thread with its own connection.
        { pollEveryMs: 20, minIntervalMs: 5_000 },
      );
      try {
        const snapshot = await waitFor(() => latestSnapshot(heard.db, other), 'a snapshot');
        expect(snapshot.version).toBe(1);
        expect(snapshot.participants).toBe(camps.firstCamp.length + camps.secondCamp.length);
      } finally {
        await worker.stop();
      }
    },
    60_000,
  );

  describe('the report page', () => {
    it.skipIf(skip)('is not there for someone outside the engagement', async () => {
      const outsider = await signedIn(heard, await addOutsideLead(heard.db));
      expect((await outsider.get(`/engagements/${engagementId}/opinion`)).statusCode).toBe(404);
      expect(
        (await new Browser(heard.app).get(`/engagements/${engagementId}/opinion`)).statusCode,
      ).toBe(303);
    });

    it.skipIf(skip)('shows advocates who is in which group, and every rate', async () => {
      const lead = await signedIn(heard, DEMO.lead);
      const page = await lead.get(`/engagements/${engagementId}/opinion`);
      expect(page.statusCode).toBe(200);
      for (const id of seeded.firstCamp) expect(page.body).toContain(id);
      const text = visibleText(page.body);
      expect(text).toContain('Care providers');
      expect(text).not.toContain('fewer than 5 people voted');
    });

    it.skipIf(skip)(
      'shows the council the groups, but not who is in them or rates from fewer than 5',
      async () => {
        const director = await signedIn(heard, DEMO.decisionMaker);
        const page = await director.get(`/engagements/${engagementId}/opinion`);
        expect(page.statusCode).toBe(200);
        const voters = await heard.db
          .selectFrom('participants')
          .select('id')
          .where('engagement_id', '=', engagementId)
          .execute();
        for (const { id } of voters) expect(page.body).not.toContain(id);
        const text = visibleText(page.body);
        expect(text).toContain(`Group A: ${seeded.firstCamp.length} people`);
        // Three providers voted: their rates are hidden, the professionals' are shown.
        expect(text).toContain('fewer than 5 people voted');
        expect(text).toMatch(/The map as a table/);
      },
    );

    it.skipIf(skip)('merges groups of fewer than 5 people for the council', async () => {
      const small = (await startListening(heard.db)).id;
      const people = (n: number, prefix: string) =>
        Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
      const big = people(12, 'big-person');
      const tiny = people(3, 'tiny-person');
      const statement = await insertStatement(
        heard.db,
        small,
        'Shorter waits for assessments.',
        now(),
      );
      const result: OpinionResult = {
        statements: [statement],
        points: Object.fromEntries(
          [...big, ...tiny].map((id, i) => [id, [i % 2 ? 1 : -1, i / 15]]),
        ),
        groups: [
          { id: 0, members: big },
          { id: 1, members: tiny },
        ],
        repness: {
          '0': [{ statement, direction: 'agree' }],
          '1': [{ statement, direction: 'disagree' }],
        },
        consensus: { agree: [], disagree: [], groupAware: {} },
        priority: { [statement]: 1 },
        tallies: {
          everyone: { [statement]: [12, 3, 15] },
          groups: { '0': { [statement]: [12, 0, 12] }, '1': { [statement]: [0, 3, 3] } },
          perspectives: {},
        },
      };
      await insertSnapshot(heard.db, {
        engagementId: small,
        version: 1,
        votes: 15,
        participants: 15,
        lastVoteAt: now(),
        computedAt: now(),
        result,
      });
      const url = `/engagements/${small}/opinion`;

      const council = visibleText((await (await signedIn(heard, DEMO.officer)).get(url)).body);
      expect(council).toContain('Group A: 12 people');
      expect(council).not.toContain('Group B');
      expect(council).toContain('Other small groups');
      expect(council).toContain('Together they have fewer than 5 people');
      // With everyone grouped, the number of voters would give the small groups' size away.
      expect(council).not.toContain('votes of 15 people');
      expect(council).not.toContain('tiny-person');

      const advocate = (await (await signedIn(heard, DEMO.advocate)).get(url)).body;
      expect(visibleText(advocate)).toContain('Group B: 3 people');
      expect(visibleText(advocate)).toContain('votes of 15 people');
      expect(advocate).toContain('tiny-person-0');
    });
  });
});

/** SQLite in a file, which a worker thread can open too, unlike one in memory. */
const sqliteFile: TestDatabase = {
  name: 'sqlite',
  label: 'SQLite in a file',
  skipReason: undefined,
  async open() {
    const folder = mkdtempSync(join(tmpdir(), 'heard-opinion-'));
    const config: DatabaseConfig = { dialect: 'sqlite', filename: join(folder, 'heard.sqlite') };
    const db = openDatabase(config);
    await migrateToLatest(db);
    return {
      db,
      config,
      async drop() {
        await db.destroy();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

describe('the opinion map worker thread', () => {
  it('computes in a thread of its own and saves the snapshot', async () => {
    const heard = await startTestApp(sqliteFile);
    try {
      const engagementId = (await startListening(heard.db)).id;
      await seedCamps(heard.db, engagementId, CAMPS, heard.clock().toISOString());
      const worker = startOpinionWorker(
        { config: heard.config, db: heard.db, clock: heard.clock, t: translator('en') },
        { info: () => undefined, error: (details) => console.error(details) },
        { pollEveryMs: 20, inThread: true },
      );
      try {
        const snapshot = await waitFor(() => latestSnapshot(heard.db, engagementId), 'a snapshot');
        expect(snapshot.result.groups).toHaveLength(2);
      } finally {
        await worker.stop();
      }
    } finally {
      await heard.close();
    }
  }, 60_000);
});
