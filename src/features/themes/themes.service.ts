import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { suppressSmall } from '../../platform/small-counts.ts';
import { type Actor, hasRole } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Engagement, can } from '../engagements/index.ts';
import { councilMayRead } from '../sorting/sorting.core.ts';
import { listVoices, voiceLabels } from '../voices/index.ts';
import { draftInProgress, lastDraftFailure } from './themes.drafting.ts';
import {
  type EditField,
  editedState,
  insertThemeEdit,
  latestThemeSnapshot,
  themeEditsOf,
} from './themes.repository.ts';
import { themeLabels } from './themes.labels.ts';
import type { ThemeEditInput } from './themes.schemas.ts';
import type { StoredTheme } from './themes.snapshot.ts';

/** The advocacy organisation's leads start drafts: a draft is theirs to answer for. */
export const mayDraft = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement) && hasRole(actor, 'lead');

/** Advocacy leads and advocates make the themes their own: rename, describe, lock. */
export const mayEdit = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement);

/** A count as shown: exact to the advocacy organisation, 1 to 4 hidden from council roles. */
type Shown = number | null;

export interface ThemeView {
  key: string;
  label: string;
  machineLabel: string;
  description: string | undefined;
  locked: boolean;
  voices: Shown;
  perspectives: { label: string; count: Shown }[];
  doors: { label: string; count: Shown }[];
  /** Advocacy organisation only. */
  concerns: number | undefined;
  /** Notes such as "A campaign of 37 near-identical letters, counted as one." */
  campaigns: string[];
  quotes: string[];
  /** Who changed what, newest first; advocacy organisation only. */
  history: string[];
}

/**
 * The engagement's themes as this person may see them. Quotes are checked against the voices as
 * they stand now: a voice withdrawn, flagged or no longer quotable since the draft is not quoted,
 * and council roles read only words they may read anywhere else in Heard.
 */
export async function themesPage(deps: Deps, actor: Actor, engagement: Engagement) {
  const seesPeople = can(actor, 'see_identifiable_voices', engagement);
  const [snapshot, edits, voices] = await Promise.all([
    latestThemeSnapshot(deps.db, engagement.id),
    themeEditsOf(deps.db, engagement.id),
    listVoices(deps.db, engagement.id),
  ]);
  const labels = voiceLabels(deps.t);
  const words = themeLabels(deps.t);
  const edited = editedState(edits);
  const drafting = draftInProgress(engagement.id);
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const show = (count: number): Shown => (seesPeople ? count : suppressSmall(count));
  const quotable = (voiceId: string, text: string): boolean => {
    const voice = byId.get(voiceId);
    return (
      voice !== undefined &&
      voice.consentQuote &&
      councilMayRead(voice.triageState) &&
      voice.text.includes(text)
    );
  };
  const counted = (counts: Record<string, number>, names: Record<string, string>) =>
    Object.entries(counts)
      .sort(([a], [b]) => Object.keys(names).indexOf(a) - Object.keys(names).indexOf(b))
      .map(([value, count]) => ({ label: names[value] ?? value, count: show(count) }));

  const view = (theme: StoredTheme): ThemeView => {
    const state = edited.get(theme.key);
    return {
      key: theme.key,
      label: state?.label ?? theme.label,
      machineLabel: theme.label,
      description: state?.description || undefined,
      locked: state?.locked ?? false,
      voices: show(theme.members.length),
      perspectives: counted(theme.perspectives, labels.perspectives),
      doors: counted(theme.channels, labels.channels),
      concerns: seesPeople ? theme.concerns : undefined,
      campaigns: theme.campaigns.map((campaign) =>
        words.campaign(campaign.weighAs, words.count(show(campaign.size))),
      ),
      quotes: theme.quotes
        .filter((quote) => quotable(quote.voiceId, quote.text))
        .map((quote) => quote.text),
      history: seesPeople
        ? edits
            .filter((edit) => edit.themeKey === theme.key)
            .map((edit) =>
              words.change(edit.field, {
                by: edit.editedByName,
                on: formatDate(edit.editedAt),
                value: edit.value,
              }),
            )
            .reverse()
        : [],
    };
  };
  return {
    seesPeople,
    mayDraft: mayDraft(actor, engagement),
    mayEdit: mayEdit(actor, engagement),
    drafting: drafting && { ...drafting, stageText: words.stage(drafting.stage) },
    failure: seesPeople ? lastDraftFailure(engagement.id) : undefined,
    snapshot: snapshot && {
      id: snapshot.id,
      version: snapshot.version,
      createdOn: formatDate(snapshot.createdAt),
      pipelineVersion: snapshot.pipelineVersion,
      inputs: seesPeople ? snapshot.inputs : undefined,
      themes: snapshot.themes.map(view),
    },
  };
}

/** One theme of the newest snapshot, for its edit page. */
export async function themeToEdit(deps: Deps, engagement: Engagement, key: string) {
  const [snapshot, edits] = await Promise.all([
    latestThemeSnapshot(deps.db, engagement.id),
    themeEditsOf(deps.db, engagement.id),
  ]);
  const theme = snapshot?.themes.find((candidate) => candidate.key === key);
  if (snapshot === undefined || theme === undefined) throw new NotFoundError();
  const state = editedState(edits).get(key);
  return {
    snapshotId: snapshot.id,
    key,
    machineLabel: theme.label,
    label: state?.label ?? theme.label,
    description: state?.description ?? '',
    locked: state?.locked ?? false,
  };
}

/** Records what the person changed, field by field, add-only; unchanged fields add nothing. */
export async function editTheme(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  key: string,
  input: ThemeEditInput,
): Promise<void> {
  const current = await themeToEdit(deps, engagement, key);
  const changes: { field: EditField; value: string }[] = [
    ...(input.label !== current.label ? [{ field: 'label' as const, value: input.label }] : []),
    ...(input.description !== current.description
      ? [{ field: 'description' as const, value: input.description }]
      : []),
    ...(input.locked !== current.locked
      ? [{ field: 'locked' as const, value: input.locked ? '1' : '0' }]
      : []),
  ];
  if (changes.length === 0) return;
  const editedAt = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const change of changes) {
      await insertThemeEdit(trx, {
        engagementId: engagement.id,
        themeKey: key,
        snapshotId: current.snapshotId,
        ...change,
        editedById: actor.userId,
        editedAt,
      });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'theme_edited',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { theme: key, fields: changes.map((change) => change.field) },
    });
  });
}
