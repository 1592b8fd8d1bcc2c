import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { suppressSmall } from '../../platform/small-counts.ts';
import { type Actor, hasRole } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Engagement, can } from '../engagements/index.ts';
import { councilMayRead } from '../sorting/sorting.core.ts';
import { currentTexts, listVoiceFacts, voiceLabels } from '../voices/index.ts';
import {
  type EditField,
  type PromptScope,
  editedState,
  insertThemeEdit,
  latestThemeSnapshot,
  themeEditsOf,
  themeSnapshot,
} from './themes.repository.ts';
import { publicationNow, reviewOf } from './themes.publication.ts';
import { themeLabels } from './themes.labels.ts';
import type { ThemeEditInput } from './themes.schemas.ts';
import { themesNow } from './themes.actions.ts';
import { codingsOf } from './themes.codings.ts';
import { isMapping } from './themes.mapping.ts';
import { themeScopes } from './themes.scopes.ts';
import { describeMembers, providerOf } from './themes.snapshot.ts';
import { providerLines } from './themes.provider.ts';
import {
  type VoiceToCode,
  inNoThemeOf,
  shownOf,
  voiceToCode,
  voicesThatMayGoIn,
} from './themes.members.ts';
import { lastRunFailure, runningRun } from './themes.runs.ts';
import { type Standing, type StandingTheme, membersOf, standing } from './themes.standing.ts';
import { isConcern, mayGoIn } from './themes.synthesis.ts';

/** The advocacy organisation's leads start drafts: a draft is theirs to answer for. */
export const mayDraft = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement) && hasRole(actor, 'lead');

/** The advocacy lead publishes themes and takes them back, as they answer for them. */
export const mayPublish = mayDraft;

/**
 * Advocacy leads and advocates make the themes their own: rename, describe, lock, merge, split,
 * delete and add themes, code voices by hand, map every voice to the themes as they stand, and
 * mark a version reviewed.
 */
export const mayEdit = (actor: Actor, engagement: Engagement): boolean =>
  can(actor, 'capture_voices', engagement);

/** A count as shown: exact to the advocacy organisation, 1 to 4 hidden from council roles. */
type Shown = number | null;

export interface ThemeView {
  key: string;
  label: string;
  machineLabel: string | undefined;
  description: string | undefined;
  /** The helper service's summary, when it summed this theme up. */
  summary: string | undefined;
  locked: boolean;
  voices: Shown;
  perspectives: { label: string; count: Shown }[];
  doors: { label: string; count: Shown }[];
  /** Advocacy organisation only. */
  concerns: number | undefined;
  /** Advocacy organisation only: its first voices, to code by hand (the rest on its own pages). */
  members: VoiceToCode[];
  /** Advocacy organisation only: how many voices have it as their main theme. */
  memberCount: number;
  /** Advocacy organisation only: how many of its voices a person coded by hand. */
  codedByPeople: number | undefined;
  /** Notes such as "A campaign of 37 near-identical letters, counted as one." */
  campaigns: string[];
  quotes: string[];
  /** Who changed what, newest first; advocacy organisation only. */
  history: string[];
}

/** How many voices to suggest an advocate codes next. */
const TO_CODE_NEXT = 10;

/**
 * The engagement's themes as they now stand (people's merges, splits, deletions, added themes and
 * codings over the newest snapshot for the advocacy organisation; over the snapshot its lead
 * published for council roles, who see no machine draft nobody reviewed and published, and
 * nothing once it is taken back), as this person may see them. Counts are of the voices that
 * may still go in. Quotes are checked against the voices as they stand now: a voice withdrawn,
 * flagged, no longer quotable or moved out of the theme is not quoted, and council roles read
 * only words they may read anywhere else in Heard.
 */
export async function themesPage(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
) {
  const seesPeople = can(actor, 'see_identifiable_voices', engagement);
  const advocacy = mayEdit(actor, engagement);
  const { current: publication, takenBack } = await publicationNow(
    deps.db,
    engagement.id,
    promptId,
  );
  const [snapshot, edits, codings, voices, scopes, drafting, failed] = await Promise.all([
    advocacy
      ? latestThemeSnapshot(deps.db, engagement.id, promptId)
      : publication && themeSnapshot(deps.db, engagement.id, publication.snapshotId),
    themeEditsOf(deps.db, engagement.id, promptId),
    codingsOf(deps.db, engagement.id, promptId),
    listVoiceFacts(deps.db, engagement.id),
    themeScopes(deps, engagement, advocacy),
    advocacy ? runningRun(deps.db, deps.clock, engagement.id) : undefined,
    seesPeople ? lastRunFailure(deps.db, deps.clock, engagement.id, promptId) : undefined,
  ]);
  const review =
    advocacy && snapshot ? await reviewOf(deps.db, engagement.id, snapshot.id) : undefined;
  const labels = voiceLabels(deps.t);
  const words = themeLabels(deps.t);
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const show = (count: number): Shown => (seesPeople ? count : suppressSmall(count));
  const counted = (counts: Record<string, number>, names: Record<string, string>) =>
    Object.entries(counts)
      .sort(([a], [b]) => Object.keys(names).indexOf(a) - Object.keys(names).indexOf(b))
      .map(([value, count]) => ({ label: names[value] ?? value, count: show(count) }));
  const now = snapshot && standing(snapshot, edits, codings);
  const members = now ? membersOf(now) : new Map<string, string[]>();
  // Names of themes standing or gone (merged or split away), as people last named them.
  const labelOf = new Map(
    (snapshot?.themes ?? []).map((theme) => [theme.key, theme.label] as [string, string]),
  );
  for (const [key, edited] of editedState(edits)) {
    const named = edited.label ?? labelOf.get(key) ?? edited.added;
    if (named !== undefined) labelOf.set(key, named);
  }

  // The machine's least sure voices, once it has mapped to people's themes: ask about these next.
  const leastSure = (mapped: Standing) =>
    [...mapped.assignments.values()]
      .flatMap((assignment) => {
        const main = assignment.themes[0];
        const voice = byId.get(assignment.voiceId);
        return assignment.by === undefined &&
          main?.confidence !== undefined &&
          voice !== undefined &&
          mayGoIn(voice) &&
          !isConcern(voice)
          ? [{ voice, main: { key: main.key, confidence: main.confidence } }]
          : [];
      })
      .sort(
        (a, b) =>
          a.main.confidence - b.main.confidence ||
          (a.voice.id < b.voice.id ? -1 : a.voice.id > b.voice.id ? 1 : 0),
      )
      .slice(0, TO_CODE_NEXT);
  const inThemes = new Map(
    (now?.themes ?? []).map((theme) => [
      theme.key,
      voicesThatMayGoIn(members.get(theme.key) ?? [], byId),
    ]),
  );
  const inNoTheme = advocacy ? voicesThatMayGoIn(inNoThemeOf(now), byId) : [];
  const toCodeNext = advocacy && now && isMapping(snapshot.pipelineVersion) ? leastSure(now) : [];
  // Only the words the page shows, or checks its quotes against, are read.
  const texts = await currentTexts(deps.db, [
    ...(now?.themes ?? []).flatMap((theme) => [
      ...theme.quotes.map((quote) => quote.voiceId),
      ...(advocacy ? shownOf(inThemes.get(theme.key) ?? []).map((voice) => voice.id) : []),
    ]),
    ...shownOf(inNoTheme).map((voice) => voice.id),
    ...toCodeNext.map(({ voice }) => voice.id),
  ]);

  const view = (theme: StandingTheme): ThemeView => {
    const inTheme = inThemes.get(theme.key) ?? [];
    const described = describeMembers(
      inTheme.map((voice) => ({
        id: voice.id,
        concern: isConcern(voice),
        perspective: voice.perspective,
        channel: voice.channel,
      })),
    );
    const quotable = (voiceId: string, text: string): boolean => {
      const voice = byId.get(voiceId);
      return (
        voice !== undefined &&
        voice.consentQuote &&
        councilMayRead(voice.triageState) &&
        texts.get(voiceId)?.includes(text) === true &&
        now?.assignments.get(voiceId)?.themes.some(({ key }) => key === theme.key) === true
      );
    };
    const folded = new Set([theme.key, ...theme.stored.map((stored) => stored.key)]);
    return {
      key: theme.key,
      label: theme.label,
      machineLabel: theme.machineLabel,
      description: theme.description,
      summary: theme.stored.find((stored) => stored.key === theme.key)?.summary,
      locked: theme.locked,
      voices: show(inTheme.length),
      members: advocacy ? shownOf(inTheme).map((voice) => voiceToCode(voice, texts, now)) : [],
      memberCount: advocacy ? inTheme.length : 0,
      codedByPeople: advocacy
        ? inTheme.filter((voice) => now?.assignments.get(voice.id)?.by !== undefined).length
        : undefined,
      perspectives: counted(described.perspectives, labels.perspectives),
      doors: counted(described.channels, labels.channels),
      concerns: seesPeople ? described.concerns : undefined,
      campaigns: theme.campaigns.map((campaign) =>
        words.campaign(campaign.weighAs, words.count(show(campaign.size))),
      ),
      quotes: theme.quotes
        .filter((quote) => quotable(quote.voiceId, quote.text))
        .map((quote) => quote.text),
      history: seesPeople
        ? edits
            .filter((edit) => folded.has(edit.themeKey))
            .filter((edit) => edit.themeKey === theme.key || edit.field === 'merged_into')
            .map((edit) =>
              words.change(edit.field, {
                by: edit.editedByName,
                on: formatDate(edit.editedAt),
                value:
                  edit.field === 'merged_into'
                    ? (labelOf.get(edit.themeKey) ?? edit.themeKey)
                    : edit.field === 'split_from'
                      ? (labelOf.get(edit.value) ?? edit.value)
                      : edit.value,
              }),
            )
            .reverse()
        : [],
    };
  };

  const withPeoplesVoices = new Set(
    [...(now?.assignments.values() ?? [])]
      .filter((assignment) => assignment.by !== undefined)
      .flatMap((assignment) => assignment.themes.map(({ key }) => key)),
  );
  return {
    seesPeople,
    /** Every scope, with where its themes stand, for the picker; and the one shown. */
    scopes,
    scope: scopes.find((scope) => scope.promptId === promptId),
    mayDraft: mayDraft(actor, engagement),
    mayEdit: advocacy,
    mayPublish: mayPublish(actor, engagement),
    /**
     * Who marked the version shown reviewed, and when, and how many changes people made to the
     * themes since (they show to the council too once published); advocacy organisation only.
     */
    review: review && {
      by: review.reviewedByName,
      on: formatDate(review.reviewedAt),
      changesSince:
        edits.filter((edit) => edit.editedAt > review.reviewedAt).length +
        codings.filter((coding) => coding.at > review.reviewedAt).length,
    },
    /** Which version the council sees, and since when; council roles are not told who published it. */
    published: publication && {
      id: publication.id,
      snapshotId: publication.snapshotId,
      version: publication.version,
      on: formatDate(publication.publishedAt),
      by: advocacy ? publication.publishedByName : undefined,
    },
    /** The newest publication, taken back: when, why, and (advocacy organisation only) by whom. */
    takenBack: takenBack && {
      version: takenBack.version,
      publishedOn: formatDate(takenBack.publishedAt),
      on: formatDate(takenBack.takenBackAt),
      by: advocacy ? takenBack.takenBackByName : undefined,
      reason: takenBack.reason,
    },
    drafting: drafting && {
      ...drafting,
      stageText: words.stage(drafting.stage),
      /** The question being drafted or mapped, when it is not the one shown. */
      elsewhere:
        drafting.promptId === promptId
          ? undefined
          : scopes.find((scope) => scope.promptId === drafting.promptId)?.name,
    },
    failure: failed && (failed.kind === 'failed' ? failed.message : deps.t('themes.draft.stopped')),
    toCodeNext: toCodeNext.map(({ voice, main }) => ({
      voiceId: voice.id,
      text: texts.get(voice.id) ?? '',
      theme: labelOf.get(main.key) ?? main.key,
      confidence: main.confidence.toFixed(2),
    })),
    /**
     * Voices that may go in but are in no theme now (their theme deleted, or a person's choice):
     * the first few, and how many in all.
     */
    inNoTheme: {
      voices: shownOf(inNoTheme).map((voice) => voiceToCode(voice, texts, now)),
      count: inNoTheme.length,
    },
    /** Themes mapping would leave out: nobody has coded a voice to them, nor locked them. */
    uncoded: advocacy
      ? (now?.themes ?? [])
          .filter((theme) => !theme.locked && !withPeoplesVoices.has(theme.key))
          .map((theme) => theme.label)
      : [],
    snapshot: snapshot &&
      now && {
        id: snapshot.id,
        version: snapshot.version,
        createdOn: formatDate(snapshot.createdAt),
        pipelineVersion: snapshot.pipelineVersion,
        /** What the helper service did for this draft, if one was configured. */
        provider: providerLines(deps.t, providerOf(snapshot.inputs)),
        mapped: isMapping(snapshot.pipelineVersion),
        inputs: seesPeople ? snapshot.inputs : undefined,
        themes: now.themes.map(view),
      },
  };
}

/** One theme as it now stands (a draft's or one a person added), for its edit page. */
export async function themeToEdit(
  deps: Deps,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
) {
  const now = await themesNow(deps, engagement, promptId);
  const theme = now.themes.find((candidate) => candidate.key === key);
  if (theme === undefined) throw new NotFoundError();
  return {
    snapshotId: now.snapshotId,
    key,
    machineLabel: theme.machineLabel,
    label: theme.label,
    description: theme.description ?? '',
    locked: theme.locked,
  };
}

/** Records what the person changed, field by field, add-only; unchanged fields add nothing. */
export async function editTheme(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  key: string,
  input: ThemeEditInput,
): Promise<void> {
  const current = await themeToEdit(deps, engagement, promptId, key);
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
        promptId,
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
