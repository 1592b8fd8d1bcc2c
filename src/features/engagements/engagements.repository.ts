import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';

export const PHASES = [
  'draft',
  'listening',
  'synthesis',
  'response',
  'feedback',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

export interface EngagementSummary {
  id: string;
  title: string;
  phase: Phase;
  commissioningOrganisationName: string;
  advocacyOrganisationName: string;
}

/** Engagements an organisation takes part in, as commissioner or as advocacy organisation. */
export async function listEngagementsOf(
  db: Db,
  organisationId: string,
): Promise<EngagementSummary[]> {
  const rows = await db
    .selectFrom('engagements')
    .innerJoin(
      'organisations as commissioner',
      'commissioner.id',
      'engagements.commissioning_organisation_id',
    )
    .innerJoin('organisations as advocacy', 'advocacy.id', 'engagements.advocacy_organisation_id')
    .select([
      'engagements.id',
      'engagements.title',
      'engagements.phase',
      'commissioner.name as commissioning_name',
      'advocacy.name as advocacy_name',
    ])
    .where((eb) =>
      eb.or([
        eb('engagements.commissioning_organisation_id', '=', organisationId),
        eb('engagements.advocacy_organisation_id', '=', organisationId),
      ]),
    )
    .orderBy('engagements.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    phase: row.phase as Phase,
    commissioningOrganisationName: row.commissioning_name,
    advocacyOrganisationName: row.advocacy_name,
  }));
}

export async function insertEngagement(
  db: Db,
  engagement: {
    title: string;
    commissioningOrganisationId: string;
    advocacyOrganisationId: string;
  },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('engagements')
    .values({
      id,
      title: engagement.title,
      commissioning_organisation_id: engagement.commissioningOrganisationId,
      advocacy_organisation_id: engagement.advocacyOrganisationId,
      phase: 'draft',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
