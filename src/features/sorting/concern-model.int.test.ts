import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { defaultConcernModel } from '../../analysis/triage/concern-classifier.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { type Engagement, findEngagement } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';
import { currentConcernModel, retrainConcernModel } from './concern-model.ts';
import { insertDecision } from './sorting.repository.ts';
import { startSortingWorker } from './sorting-worker.ts';

const PLACES = ['Eastvale', 'Northshire', 'Riverside', 'Hollins', 'Marsh End', 'Kings Lea'];
const THINGS = ['mobility scooter', 'stairlift', 'grab rail', 'bath seat', 'hoist', 'ramp'];

// Voices an advocate might sort in a deployment whose people talk about equipment: cases
// name their own item and wait, design input talks about everyone.
const caseText = (n: number) =>
  `Still no ${THINGS[n % 6] ?? ''} fitted at my flat in ${PLACES[n % 5] ?? ''}, week ${n + 3} of waiting, can somebody chase it`;
const designText = (n: number) =>
  `Equipment like a ${THINGS[n % 6] ?? ''} should come faster for everyone in ${PLACES[n % 5] ?? ''}, it matters to a lot of people`;

describe.each(testDatabases)('the individual-concern model on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let engagement: Engagement;
  const skip = database.skipReason !== undefined;
  const deps = (): Deps => ({
    config: heard.config,
    db: heard.db,
    clock: heard.clock,
    t: translator('en'),
  });

  const say = async (text: string): Promise<string> => {
    const { participantId } = await submitPublicVoices(deps(), engagement, {
      perspective: 'lived_experience',
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote: true,
      contact: null,
    });
    const voice = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    return voice.id;
  };

  const suggestionFor = (voiceId: string) =>
    heard.db
      .selectFrom('triage_suggestions')
      .selectAll()
      .where('voice_id', '=', voiceId)
      .where('kind', '=', 'individual_concern')
      .executeTakeFirst();

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    const found = await findEngagement(heard.db, listening.id);
    if (found === undefined) throw new Error('engagement not found');
    engagement = found;
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)('keeps the shipped model until advocates have decided enough', async () => {
    expect(await retrainConcernModel(deps())).toBeUndefined();
    expect((await currentConcernModel(heard.db)).version).toBe(defaultConcernModel().version);
  });

  it.skipIf(skip)('retrains on people’s decisions and suggests with the new model', async () => {
    const probe = caseText(100);
    const before = await say(probe);
    const lead = await heard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.lead)
      .executeTakeFirstOrThrow();
    for (let n = 0; n < 34; n++) {
      for (const [text, outcome] of [
        [caseText(n), 'individual_concern'],
        [designText(n), 'design_input'],
      ] as const) {
        await insertDecision(heard.db, {
          voiceId: await say(text),
          kind: 'sort',
          outcome,
          reason: 'Sorted by hand',
          pointer: null,
          decidedById: lead.id,
          decidedAt: heard.clock().toISOString(),
        });
      }
    }
    const version = await retrainConcernModel(deps());
    expect(version).toMatch(/^concern-lr-1:68:/);
    expect(await retrainConcernModel(deps())).toBeUndefined();
    const stored = await heard.db.selectFrom('triage_models').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'individual_concern', decisions: 68, version });

    const after = await say(probe);
    const [old, fresh] = [await suggestionFor(before), await suggestionFor(after)];
    expect(fresh).toMatchObject({ source: 'model', version });
    // The deployment's own cases taught it this kind of voice.
    expect(fresh?.score ?? 0).toBeGreaterThan(old?.score ?? 0);
  });

  it.skipIf(skip)('runs its jobs in the background and stops cleanly', async () => {
    const messages: string[] = [];
    const log = {
      info: (_: object, m: string) => messages.push(m),
      error: (_: object, m: string) => messages.push(m),
    };
    heard.advanceMinutes(7 * 24 * 60);
    const worker = startSortingWorker(deps(), log, { escalateEveryMs: 5, retrainEveryMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
    expect(messages).not.toContain('sorting job failed');
    const escalations = await heard.db.selectFrom('safeguarding_escalations').selectAll().execute();
    const open = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('triage_state', '=', 'safeguarding_flagged')
      .execute();
    expect(escalations.map((row) => row.voice_id).sort()).toEqual(open.map((row) => row.id).sort());
    expect(open.length).toBeGreaterThan(0);
  });
});
