import type {
  DraftedThemes,
  GivenVectors,
  Voice as TextVoice,
} from '../../analysis/text/themes.ts';
import { typeScriptThread } from '../../analysis/text/second-thread.ts';
import { groupCampaigns } from '../../analysis/triage/campaigns.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { provider } from '../../platform/provider/provider.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { campaignDecisionsOf } from '../sorting/sorting.repository.ts';
import { listVoices } from '../voices/index.ts';
import type { DraftMessage, ThreadJob } from './themes-thread.ts';
import {
  type PromptScope,
  editedState,
  insertThemeSnapshot,
  latestThemeSnapshot,
  themeEditsOf,
} from './themes.repository.ts';
import { type VoiceToCompare, compareVoices, nameDraftedThemes } from './themes.provider.ts';
import { finishRun, progressWriter, startRun, stopRuns } from './themes.runs.ts';
import { fromDraft, keptLocked, withProvider } from './themes.snapshot.ts';
import { SYNTHESIS_VERSION, synthesise } from './themes.synthesis.ts';

/** Tells the run's progress: its stage, and how far through it is. */
export type ReportProgress = (stage: string, done: number, total: number) => void;

/**
 * The runs this process is doing, by engagement, to await their end (tests do). Which run is in
 * progress, and how the last one ended, are in the database for every process: see themes.runs.ts.
 */
const finishing = new Map<string, { runId: string; finished: Promise<void> }>();

/** Resolves once the engagement's run in this process (if any) is saved or has failed. */
export const draftFinished = (engagementId: string): Promise<void> =>
  finishing.get(engagementId)?.finished ?? Promise.resolve();

/**
 * Marks the runs of this process stopped, as it is closing: every process then says so at once,
 * rather than after a minute without a heartbeat. A run that still saves its snapshot before the
 * process ends is recorded as saved.
 */
export async function stopRunsHere(deps: Deps): Promise<void> {
  await stopRuns(
    deps.db,
    deps.clock,
    [...finishing.values()].map((run) => run.runId),
  );
}

/** Runs the pipeline in a worker thread of its own, ended when the job is done. */
export function inThread(
  job: ThreadJob,
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<DraftMessage & { kind: 'drafted' | 'mapped' }> {
  return new Promise((resolve, reject) => {
    const thread = typeScriptThread(new URL('./themes-thread.ts', import.meta.url));
    thread.unref();
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void thread.terminate();
    };
    thread.on('message', (message: DraftMessage) => {
      if (message.kind === 'progress') onProgress(message.stage, message.done, message.total);
      else if (message.kind === 'failed') settle(() => reject(new Error(message.message)));
      else settle(() => resolve(message));
    });
    thread.on('error', (error) => settle(() => reject(error)));
    thread.on('exit', (code) =>
      settle(() => reject(new Error(`themes thread stopped (exit code ${code})`))),
    );
    thread.postMessage(job);
  });
}

async function draftInThread(
  voices: TextVoice[],
  given: GivenVectors | undefined,
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<DraftedThemes> {
  const result = await inThread(
    { kind: 'draft', voices, ...(given === undefined ? {} : { given }) },
    onProgress,
  );
  if (result.kind !== 'drafted') throw new Error('themes thread mapped instead of drafting');
  return result.drafted;
}

/**
 * What may go into the scope's themes: its voices (one question's, or all), with campaigns
 * grouped over every current voice of the engagement, as the sorting page groups them, so the
 * group ids match people's decisions.
 */
export async function synthesiseScope(deps: Deps, engagementId: string, promptId: PromptScope) {
  const [voices, decisions] = await Promise.all([
    listVoices(deps.db, engagementId),
    campaignDecisionsOf(deps.db, engagementId),
  ]);
  const weights = new Map([...decisions].map(([groupId, d]) => [groupId, d.weighAs]));
  const inScope = voices.filter((voice) => promptId === null || voice.promptId === promptId);
  return synthesise(inScope, groupCampaigns(voices), weights);
}

/** The helper service's embeddings of the voices, when one is configured (else undefined). */
export async function compareWithHelper(
  deps: Deps,
  voices: readonly VoiceToCompare[],
  onProgress: (stage: string, done: number, total: number) => void,
) {
  const helper = deps.config.themesProvider && provider(deps.config.themesProvider);
  if (!helper) return undefined;
  const compared = await compareVoices(helper, voices, (done, total) =>
    onProgress('vectors', done, total),
  );
  return { helper, compared };
}

/**
 * Reads the scope's voices, drafts in a thread, and saves the scope's next snapshot, carrying
 * keys, names and locks forward from the scope's newest snapshot only. With a helper service
 * configured, its embeddings join Heard's vectors and it names the drafted themes; its requests
 * are awaited here, never blocking, each within its timeout, and a failure only means the draft
 * carries on without it (recorded with the snapshot's inputs).
 */
async function draft(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  onProgress: ReportProgress,
): Promise<void> {
  const [synthesis, earlier, edits] = await Promise.all([
    synthesiseScope(deps, engagement.id, promptId),
    latestThemeSnapshot(deps.db, engagement.id, promptId),
    themeEditsOf(deps.db, engagement.id, promptId),
  ]);

  // Voices in a locked theme stay there; the machine drafts only the others.
  const edited = editedState(edits);
  const isLocked = (key: string): boolean => edited.get(key)?.locked === true;
  // A theme people deleted or merged away is neither kept nor found again under its key.
  const isGone = (key: string): boolean =>
    edited.get(key)?.deleted === true || edited.get(key)?.mergedInto !== undefined;
  const locked = (earlier?.themes ?? [])
    .filter((theme) => isLocked(theme.key) && !isGone(theme.key))
    .map((theme) => keptLocked(theme, synthesis.voices));
  const held = new Set(locked.flatMap((theme) => theme.members));
  const free = synthesis.voices.filter((voice) => !held.has(voice.id));

  const textVoices = free.map((voice) => ({
    id: voice.id,
    text: voice.text,
    quotable: voice.quotable,
  }));
  const withHelper = await compareWithHelper(deps, free, onProgress);
  const drafted = await draftInThread(textVoices, withHelper?.compared.given, onProgress);
  const unlocked = (earlier?.themes ?? []).filter(
    (theme) => !isLocked(theme.key) && !isGone(theme.key),
  );
  const machine = fromDraft(drafted, free, unlocked, newId);
  const named =
    withHelper &&
    (await nameDraftedThemes(
      withHelper.helper,
      machine.themes,
      free,
      withHelper.compared,
      (done, total) => onProgress('quotes', done, total),
    ));
  const themes = named?.themes ?? machine.themes;
  const { assignments } = machine;
  onProgress('saving', 0, 0);
  const saved = await insertThemeSnapshot(deps.db, {
    engagementId: engagement.id,
    promptId,
    createdAt: deps.clock().toISOString(),
    createdById: actor.userId,
    pipelineVersion: `${drafted.version}+${SYNTHESIS_VERSION}`,
    themes: [...locked, ...themes],
    assignments: [
      ...locked.flatMap((theme) =>
        theme.members.map((voiceId) => ({ voiceId, themes: [{ key: theme.key, confidence: 1 }] })),
      ),
      ...assignments,
    ],
    inputs: withProvider(synthesis.inputs, named?.record),
  });
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'themes_drafted',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: {
      version: saved.version,
      ...(promptId !== null && { prompt: promptId }),
      themes: locked.length + themes.length,
      voices: synthesis.inputs.entered,
      // Voice text left the machine: say where to, as the snapshot does.
      ...(named && { helper: named.record.host }),
    },
  });
}

/**
 * Starts the engagement's work on themes (a draft or a mapping) in the background, unless one is
 * already running in any process. Returns once the run is recorded: the page shows its progress
 * until the snapshot is saved.
 */
export async function startInBackground(
  deps: Deps,
  run: { engagementId: string; promptId: PromptScope; startedById: string },
  work: (onProgress: ReportProgress) => Promise<void>,
): Promise<void> {
  const { engagementId } = run;
  const id = await startRun(deps.db, deps.clock, run);
  if (id === undefined) return;
  const progress = progressWriter(deps.db, deps.clock, id);
  const finished = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => work(progress.report))
    .then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    .then(async (failure) => {
      await progress.stop();
      await finishRun(deps.db, deps.clock, id, failure);
    })
    // The database could not record the end: the run's heartbeat has stopped, so every process
    // shows it as stopped within a minute and another may start.
    .catch(() => undefined)
    .finally(() => finishing.delete(engagementId));
  finishing.set(engagementId, { runId: id, finished });
}

/** Starts drafting the scope's themes in the background (see `startInBackground`). */
export function startDraft(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
): Promise<void> {
  return startInBackground(
    deps,
    { engagementId: engagement.id, promptId, startedById: actor.userId },
    (onProgress) => draft(deps, actor, engagement, promptId, onProgress),
  );
}
