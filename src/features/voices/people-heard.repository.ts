import type { Db } from '../../platform/db/database.ts';

/** How many people took part, by perspective: those with a voice not withdrawn. */
export async function peopleByPerspective(
  db: Db,
  engagementId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('participants')
    .select('perspective')
    .select((eb) => eb.fn.countAll<string | number>().as('people'))
    .where('engagement_id', '=', engagementId)
    .where('withdrawn_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('voices')
          .select('voices.id')
          .whereRef('voices.participant_id', '=', 'participants.id')
          .where('voices.withdrawn_at', 'is', null),
      ),
    )
    .groupBy('perspective')
    .execute();
  return new Map(rows.map((row) => [row.perspective, Number(row.people)]));
}
