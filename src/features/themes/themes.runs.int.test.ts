import { describe, expect, it, vi } from 'vitest';
import { DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ThemesTest, themesTest } from '../../../test/themes-fixture.ts';
import { draftFinished, startInBackground, stopRunsHere } from './themes.drafting.ts';
import {
  STOPPED_AFTER_MS,
  finishRun,
  lastRunFailure,
  reportRun,
  runningRun,
  startRun,
} from './themes.runs.ts';

// Every Heard process reads runs from the database: each call below stands for any process.
describe.each(testDatabases)('runs of drafting and mapping on $label', (database) => {
  const fixture: ThemesTest = themesTest(database);
  const { skip } = fixture;
  const leadId = async (): Promise<string> =>
    (
      await fixture.heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow()
    ).id;
  const run = async (promptId: string | null = null) => ({
    engagementId: fixture.listening.id,
    promptId,
    startedById: await leadId(),
  });
  const running = () => runningRun(fixture.heard.db, fixture.heard.clock, fixture.listening.id);
  const failure = (promptId: string | null = null) =>
    lastRunFailure(fixture.heard.db, fixture.heard.clock, fixture.listening.id, promptId);
  const outcomes = async () =>
    (
      await fixture.heard.db
        .selectFrom('theme_runs')
        .select('outcome')
        .where('engagement_id', '=', fixture.listening.id)
        .orderBy('started_at')
        .orderBy('id')
        .execute()
    ).map((row) => row.outcome);
  const clearRuns = () =>
    fixture.heard.db
      .deleteFrom('theme_runs')
      .where('engagement_id', '=', fixture.listening.id)
      .execute();

  it.skipIf(skip)(
    'one run at a time for an engagement, whichever scope; its progress read back',
    async () => {
      await clearRuns();
      const { db, clock } = fixture.heard;
      const first = await startRun(db, clock, await run());
      expect(first).toBeDefined();
      // Another request, or another process, asks while it runs: for any scope, it is refused.
      expect(await startRun(db, clock, await run())).toBeUndefined();
      expect(await startRun(db, clock, await run(fixture.listening.promptIds[0] ?? ''))).toBe(
        undefined,
      );
      await reportRun(db, clock, first ?? '', { stage: 'vectors', done: 3, total: 8 });
      expect(await running()).toMatchObject({
        promptId: null,
        stage: 'vectors',
        done: 3,
        total: 8,
      });
      await finishRun(db, clock, first ?? '');
      expect(await running()).toBeUndefined();
      expect(await failure()).toBeUndefined();
      expect(await startRun(db, clock, await run())).toBeDefined();
      expect(await outcomes()).toEqual(['saved', 'running']);
    },
  );

  it.skipIf(skip)(
    'a failure is told on its own scope, until the next run of that scope starts',
    async () => {
      await clearRuns();
      const { db, clock } = fixture.heard;
      const question = fixture.listening.promptIds[0] ?? '';
      const id = await startRun(db, clock, await run(question));
      await finishRun(db, clock, id ?? '', 'the thread ran out of memory');
      expect(await failure(question)).toEqual({
        kind: 'failed',
        message: 'the thread ran out of memory',
      });
      expect(await failure(null)).toBeUndefined();
      await startRun(db, clock, await run(question));
      expect(await failure(question)).toBeUndefined();
    },
  );

  it.skipIf(skip)(
    'a run whose process ended is told as stopped, and another may start',
    async () => {
      await clearRuns();
      const { db, clock } = fixture.heard;
      await startRun(db, clock, await run());
      fixture.heard.advanceMinutes(STOPPED_AFTER_MS / 60_000 - 0.5);
      expect(await running()).toBeDefined();
      fixture.heard.advanceMinutes(1);
      expect(await running()).toBeUndefined();
      expect(await failure()).toEqual({ kind: 'stopped' });
      expect(await startRun(db, clock, await run())).toBeDefined();
      expect(await outcomes()).toEqual(['stopped', 'running']);

      const lead = await fixture.signedIn(DEMO.lead);
      fixture.heard.advanceMinutes(2);
      expect(visibleText((await lead.get(fixture.themesUrl())).body)).toContain(
        'The last draft did not finish: Heard stopped while it was working on it. Nothing you decided was lost.',
      );
    },
  );

  it.skipIf(skip)(
    'a process that closes marks its runs stopped at once; one that still saves is recorded as saved',
    async () => {
      await clearRuns();
      const deps = fixture.deps();
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await startInBackground(deps, await run(), () => held);
      await stopRunsHere(deps);
      expect(await running()).toBeUndefined();
      expect(await failure()).toEqual({ kind: 'stopped' });
      release();
      await draftFinished(fixture.listening.id);
      expect(await outcomes()).toEqual(['saved']);
    },
  );

  it.skipIf(skip)(
    'work in the background: its progress is written as it goes, a second start waits, the end is recorded',
    async () => {
      await clearRuns();
      const deps = fixture.deps();
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const second = vi.fn(() => Promise.resolve());
      await startInBackground(deps, await run(), async (onProgress) => {
        onProgress('themes', 2, 5);
        await held;
      });
      await startInBackground(deps, await run(), second);
      await vi.waitFor(async () => expect((await running())?.stage).toBe('themes'));
      expect(await running()).toMatchObject({ done: 2, total: 5 });
      const lead = await fixture.signedIn(DEMO.lead);
      expect(visibleText((await lead.get(fixture.themesUrl())).body)).toContain(
        'Drafting themes… Finding the themes. (2 of 5)',
      );
      release();
      await draftFinished(fixture.listening.id);
      expect(second).not.toHaveBeenCalled();
      expect(await running()).toBeUndefined();
      expect(await outcomes()).toEqual(['saved']);

      await startInBackground(deps, await run(), () =>
        Promise.reject(new Error('no voices to draft from')),
      );
      await draftFinished(fixture.listening.id);
      expect(await failure()).toEqual({ kind: 'failed', message: 'no voices to draft from' });
      expect(visibleText((await lead.get(fixture.themesUrl())).body)).toContain(
        'The last draft did not finish: no voices to draft from.',
      );
    },
  );
});
