import { Worker } from 'node:worker_threads';
import type { DraftedThemes, Voice as TextVoice } from '../../analysis/text/themes.ts';
import { groupCampaigns } from '../../analysis/triage/campaigns.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { campaignDecisionsOf } from '../sorting/sorting.repository.ts';
import { listVoices } from '../voices/index.ts';
import type { DraftMessage, ThreadJob } from './themes-thread.ts';
import {
  editedState,
  insertThemeSnapshot,
  latestThemeSnapshot,
  themeEditsOf,
} from './themes.repository.ts';
import { fromDraft, keptLocked } from './themes.snapshot.ts';
import { SYNTHESIS_VERSION, synthesise } from './themes.synthesis.ts';

export interface DraftProgress {
  stage: string;
  done: number;
  total: number;
  startedAt: string;
}

/**
 * Drafts running in this process, by engagement, and the last failure of each. Kept in memory:
 * a draft lost to a restart is simply started again; only finished drafts are saved.
 */
const running = new Map<string, { progress: DraftProgress; finished: Promise<void> }>();
const failures = new Map<string, string>();

export const draftInProgress = (engagementId: string): DraftProgress | undefined =>
  running.get(engagementId)?.progress;
export const lastDraftFailure = (engagementId: string): string | undefined =>
  failures.get(engagementId);
/** Resolves once the engagement's running draft (if any) is saved or has failed. */
export const draftFinished = (engagementId: string): Promise<void> =>
  running.get(engagementId)?.finished ?? Promise.resolve();

// The thread runs TypeScript as the serving process does: through tsx, registered first.
const THREAD_ENTRY = `
  import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./themes-thread.ts', import.meta.url).href)}); });
`;

/** Runs the pipeline in a worker thread of its own, ended when the job is done. */
export function inThread(
  job: ThreadJob,
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<DraftMessage & { kind: 'drafted' | 'mapped' }> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD_ENTRY, { eval: true });
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
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<DraftedThemes> {
  const result = await inThread({ kind: 'draft', voices }, onProgress);
  if (result.kind !== 'drafted') throw new Error('themes thread mapped instead of drafting');
  return result.drafted;
}

/** Reads what goes in, drafts in a thread, and saves the next snapshot. */
async function draft(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  progress: DraftProgress,
): Promise<void> {
  const [voices, decisions, earlier, edits] = await Promise.all([
    listVoices(deps.db, engagement.id),
    campaignDecisionsOf(deps.db, engagement.id),
    latestThemeSnapshot(deps.db, engagement.id),
    themeEditsOf(deps.db, engagement.id),
  ]);
  // Grouped over every current voice, as the sorting page does, so group ids match decisions.
  const groups = groupCampaigns(voices);
  const weights = new Map([...decisions].map(([groupId, d]) => [groupId, d.weighAs]));
  const synthesis = synthesise(voices, groups, weights);

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

  const drafted = await draftInThread(
    free.map((voice) => ({ id: voice.id, text: voice.text, quotable: voice.quotable })),
    (stage, done, total) => Object.assign(progress, { stage, done, total }),
  );
  progress.stage = 'saving';
  const unlocked = (earlier?.themes ?? []).filter(
    (theme) => !isLocked(theme.key) && !isGone(theme.key),
  );
  const { themes, assignments } = fromDraft(drafted, free, unlocked, newId);
  const saved = await insertThemeSnapshot(deps.db, {
    engagementId: engagement.id,
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
    inputs: synthesis.inputs,
  });
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'themes_drafted',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: {
      version: saved.version,
      themes: locked.length + themes.length,
      voices: synthesis.inputs.entered,
    },
  });
}

/**
 * Starts the engagement's work on themes (a draft or a mapping) in the background, unless one is
 * already running. Returns at once: the page shows progress until the snapshot is saved.
 */
export function startInBackground(
  deps: Deps,
  engagementId: string,
  work: (progress: DraftProgress) => Promise<void>,
): void {
  if (running.has(engagementId)) return;
  failures.delete(engagementId);
  const progress: DraftProgress = {
    stage: 'waiting',
    done: 0,
    total: 0,
    startedAt: deps.clock().toISOString(),
  };
  const finished = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => work(progress))
    .catch((error: unknown) => {
      failures.set(engagementId, error instanceof Error ? error.message : String(error));
    })
    .finally(() => running.delete(engagementId));
  running.set(engagementId, { progress, finished });
}

/** Starts drafting the engagement's themes in the background (see `startInBackground`). */
export function startDraft(deps: Deps, actor: Actor, engagement: Engagement): void {
  startInBackground(deps, engagement.id, (progress) => draft(deps, actor, engagement, progress));
}
