import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../accounts/index.ts';

export interface Choice {
  value: string;
  text: string;
}

/** The organisations this person's organisation can run an engagement with: councils for advocacy, and the other way round. */
export async function partnerOrganisations(db: Db, actor: Actor): Promise<Choice[]> {
  const type = actor.organisationType === 'advocacy' ? 'council' : 'advocacy';
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('type', '=', type)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ value: row.id, text: row.name }));
}

/** People in the advocacy organisation who can be its safeguarding lead or deputy. */
export async function advocacyStaff(db: Db, advocacyOrganisationId: string): Promise<Choice[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.name'])
    .distinct()
    .where('users.organisation_id', '=', advocacyOrganisationId)
    .where('users.disabled_at', 'is', null)
    .where('user_roles.role', 'in', ['lead', 'advocate'])
    .orderBy('users.name')
    .execute();
  return rows.map((row) => ({ value: row.id, text: row.name }));
}

/** Staff names by id, for showing who holds a role in an engagement. */
export async function peopleNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
