import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Engagement } from '../engagements/index.ts';
import { themeSnapshot } from './themes.repository.ts';

/** Which snapshot the council sees: the one the advocacy lead shared last. */
export interface ThemePublication {
  snapshotId: string;
  version: number;
  publishedAt: string;
  publishedByName: string;
}

/** The engagement's newest publication, or undefined before the advocacy lead shares any. */
export async function latestPublication(
  db: Db,
  engagementId: string,
): Promise<ThemePublication | undefined> {
  const row = await db
    .selectFrom('theme_publications')
    .innerJoin('theme_snapshots', 'theme_snapshots.id', 'theme_publications.snapshot_id')
    .innerJoin('users', 'users.id', 'theme_publications.published_by_id')
    .select([
      'theme_publications.snapshot_id',
      'theme_snapshots.version',
      'theme_publications.published_at',
      'users.name',
    ])
    .where('theme_publications.engagement_id', '=', engagementId)
    .orderBy('theme_publications.published_at', 'desc')
    // Ids sort by creation time: the later of two shared in the same instant stands.
    .orderBy('theme_publications.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      snapshotId: row.snapshot_id,
      version: row.version,
      publishedAt: row.published_at,
      publishedByName: row.name,
    }
  );
}

/**
 * Shares the snapshot the lead was looking at (not whatever was drafted since) with the council,
 * add-only and audited. The advocates' edits are laid over it as they stand when it is read.
 */
export async function shareThemes(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  snapshotId: string,
): Promise<void> {
  const snapshot = await themeSnapshot(deps.db, engagement.id, snapshotId);
  if (snapshot === undefined) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('theme_publications')
      .values({
        id: newId(),
        engagement_id: engagement.id,
        snapshot_id: snapshot.id,
        published_by_id: actor.userId,
        published_at: deps.clock().toISOString(),
      })
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'themes_shared',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { snapshot: snapshot.id, version: snapshot.version },
    });
  });
}
