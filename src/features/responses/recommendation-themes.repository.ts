import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { RecommendationTheme } from './responses.core.ts';

/** Adds the set of themes a recommendation comes from; the newest set stands (add-only). */
export async function insertRecommendationThemes(
  db: Db,
  recommendationId: string,
  themes: readonly RecommendationTheme[],
  byId: string,
  at: string,
): Promise<void> {
  if (themes.length === 0) return;
  const choiceId = newId();
  await db
    .insertInto('recommendation_themes')
    .values(
      themes.map((theme, position) => ({
        id: newId(),
        recommendation_id: recommendationId,
        choice_id: choiceId,
        snapshot_id: theme.snapshotId,
        theme_key: theme.key,
        theme_label: theme.label,
        position,
        chosen_by_id: byId,
        chosen_at: at,
      })),
    )
    .execute();
}

/** Each recommendation's newest set of themes, in the order the lead chose them. */
export async function themesOfRecommendations(
  db: Db,
  recommendationIds: readonly string[],
): Promise<Map<string, RecommendationTheme[]>> {
  const themes = new Map<string, RecommendationTheme[]>();
  if (recommendationIds.length === 0) return themes;
  const rows = await db
    .selectFrom('recommendation_themes')
    .selectAll()
    .where('recommendation_id', 'in', recommendationIds)
    .orderBy('choice_id', 'desc')
    .orderBy('position')
    .execute();
  const newest = new Map<string, string>();
  for (const row of rows) {
    const choice = newest.get(row.recommendation_id) ?? row.choice_id;
    newest.set(row.recommendation_id, choice);
    if (row.choice_id !== choice) continue;
    themes.set(row.recommendation_id, [
      ...(themes.get(row.recommendation_id) ?? []),
      { key: row.theme_key, label: row.theme_label, snapshotId: row.snapshot_id },
    ]);
  }
  return themes;
}
