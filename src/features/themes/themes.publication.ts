// Draft → reviewed → published, and taking a publication back. All add-only and audited: a review
// (`theme_reviews`) says which snapshot a person checked; a publication (`theme_publications`)
// which reviewed snapshot the council and the public see; a take-back (`theme_take_backs`) ends
// one publication, with the reason the council reads.
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type Result, invalid, ok } from '../../platform/result.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { type PromptScope, themeSnapshot } from './themes.repository.ts';

/** Which snapshot the council and the public see: the one the advocacy lead published last. */
export interface ThemePublication {
  id: string;
  snapshotId: string;
  version: number;
  publishedAt: string;
  publishedByName: string;
}

/** The newest publication, taken back: the council and the public see no themes. */
export interface TakenBack {
  version: number;
  publishedAt: string;
  takenBackAt: string;
  takenBackByName: string;
  reason: string;
}

/**
 * What the council and the public see now of the scope's themes (the whole engagement's unless a
 * question is given): its newest publication, unless the lead took it back. A take-back does not
 * bring back an earlier publication: that was replaced for a reason, and the lead publishes it
 * again if they mean it to be seen.
 */
export async function publicationNow(
  db: Db,
  engagementId: string,
  promptId: PromptScope = null,
): Promise<{ current?: ThemePublication; takenBack?: TakenBack }> {
  const row = await db
    .selectFrom('theme_publications')
    .innerJoin('theme_snapshots', 'theme_snapshots.id', 'theme_publications.snapshot_id')
    .innerJoin('users as publisher', 'publisher.id', 'theme_publications.published_by_id')
    .leftJoin('theme_take_backs', 'theme_take_backs.publication_id', 'theme_publications.id')
    .leftJoin('users as taker', 'taker.id', 'theme_take_backs.taken_back_by_id')
    .select([
      'theme_publications.id',
      'theme_publications.snapshot_id',
      'theme_snapshots.version',
      'theme_publications.published_at',
      'publisher.name as published_by',
      'theme_take_backs.taken_back_at',
      'theme_take_backs.reason',
      'taker.name as taken_back_by',
    ])
    .where('theme_publications.engagement_id', '=', engagementId)
    .where('theme_publications.prompt_id', promptId === null ? 'is' : '=', promptId)
    .orderBy('theme_publications.published_at', 'desc')
    // Ids sort by creation time: the later of two published in the same instant stands.
    .orderBy('theme_publications.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return {};
  if (row.taken_back_at !== null) {
    return {
      takenBack: {
        version: row.version,
        publishedAt: row.published_at,
        takenBackAt: row.taken_back_at,
        takenBackByName: row.taken_back_by ?? '',
        reason: row.reason ?? '',
      },
    };
  }
  return {
    current: {
      id: row.id,
      snapshotId: row.snapshot_id,
      version: row.version,
      publishedAt: row.published_at,
      publishedByName: row.published_by,
    },
  };
}

/**
 * The version of the scope's themes (the whole engagement's unless a question is given) the
 * council and the public see now; undefined when none is (or it was taken back).
 */
export async function latestPublication(
  db: Db,
  engagementId: string,
  promptId: PromptScope = null,
): Promise<ThemePublication | undefined> {
  return (await publicationNow(db, engagementId, promptId)).current;
}

export interface ThemeReview {
  reviewedAt: string;
  reviewedByName: string;
}

/** The newest review of the snapshot, or undefined when nobody has marked it reviewed. */
export async function reviewOf(
  db: Db,
  engagementId: string,
  snapshotId: string,
): Promise<ThemeReview | undefined> {
  const row = await db
    .selectFrom('theme_reviews')
    .innerJoin('users', 'users.id', 'theme_reviews.reviewed_by_id')
    .select(['theme_reviews.reviewed_at', 'users.name'])
    .where('theme_reviews.engagement_id', '=', engagementId)
    .where('theme_reviews.snapshot_id', '=', snapshotId)
    .orderBy('theme_reviews.reviewed_at', 'desc')
    .orderBy('theme_reviews.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { reviewedAt: row.reviewed_at, reviewedByName: row.name };
}

const snapshotOf = async (deps: Deps, engagement: Engagement, snapshotId: string) => {
  const snapshot = await themeSnapshot(deps.db, engagement.id, snapshotId);
  if (snapshot === undefined) throw new NotFoundError();
  return snapshot;
};

/** Marks the snapshot the person was looking at as reviewed; once is enough. */
export async function reviewThemes(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  snapshotId: string,
): Promise<void> {
  const snapshot = await snapshotOf(deps, engagement, snapshotId);
  if ((await reviewOf(deps.db, engagement.id, snapshot.id)) !== undefined) return;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('theme_reviews')
      .values({
        id: newId(),
        engagement_id: engagement.id,
        snapshot_id: snapshot.id,
        reviewed_by_id: actor.userId,
        reviewed_at: deps.clock().toISOString(),
      })
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'themes_reviewed',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { snapshot: snapshot.id, version: snapshot.version },
    });
  });
}

/**
 * Publishes the reviewed snapshot the lead was looking at (not whatever was drafted since) to the
 * council and the public. A snapshot nobody reviewed is refused with what to do. The advocates'
 * edits are laid over it as they stand when it is read.
 */
export async function publishThemes(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  snapshotId: string,
): Promise<Result<undefined>> {
  const snapshot = await snapshotOf(deps, engagement, snapshotId);
  if ((await reviewOf(deps.db, engagement.id, snapshot.id)) === undefined) {
    return invalid({ publish: 'themes.errors.notReviewed' });
  }
  if (
    (await latestPublication(deps.db, engagement.id, snapshot.promptId))?.snapshotId === snapshot.id
  ) {
    return ok(undefined);
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('theme_publications')
      .values({
        id: newId(),
        engagement_id: engagement.id,
        prompt_id: snapshot.promptId,
        snapshot_id: snapshot.id,
        published_by_id: actor.userId,
        published_at: deps.clock().toISOString(),
      })
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'themes_published',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { snapshot: snapshot.id, version: snapshot.version },
    });
  });
  return ok(undefined);
}

/**
 * Takes back the scope's publication the lead was looking at: the council and the public see no
 * themes of that scope until the lead publishes again. The reason is kept and shown to the
 * council; not in the audit.
 */
export async function takeBackThemes(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  promptId: PromptScope,
  takeBack: { publicationId: string; reason: string },
): Promise<void> {
  const current = await latestPublication(deps.db, engagement.id, promptId);
  // Taken back already, or published again since the page was shown: nothing to do here.
  if (current?.id !== takeBack.publicationId) throw new ConflictError();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('theme_take_backs')
      .values({
        id: newId(),
        publication_id: current.id,
        reason: takeBack.reason,
        taken_back_by_id: actor.userId,
        taken_back_at: deps.clock().toISOString(),
      })
      .execute()
      // Two take-backs of one publication at once: the first stands.
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictError() : error;
      });
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'themes_taken_back',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { publication: current.id, snapshot: current.snapshotId, version: current.version },
    });
  });
}
