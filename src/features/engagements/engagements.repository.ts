import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { EngagementsTable } from '../../platform/db/schema.ts';
import type {
  Commitment,
  Engagement,
  Perspective,
  Phase,
  Prompt,
  PromptKind,
} from './engagements.core.ts';
import type { CommitmentInput, PromptWording } from './engagements.schemas.ts';

const toEngagement = (row: Selectable<EngagementsTable>): Engagement => ({
  id: row.id,
  title: row.title,
  commissioningOrganisationId: row.commissioning_organisation_id,
  advocacyOrganisationId: row.advocacy_organisation_id,
  phase: row.phase as Phase,
  purposePlain: row.purpose_plain,
  purposeEasyRead: row.purpose_easy_read,
  openToInfluence: row.open_to_influence,
  alreadyDecided: row.already_decided,
  audiences: JSON.parse(row.audiences) as Perspective[],
  areas: JSON.parse(row.areas) as string[],
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  safeguardingLeadId: row.safeguarding_lead_id,
  safeguardingDeputyId: row.safeguarding_deputy_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

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

/** Engagements anyone may read about: those listening now. */
export async function listListeningEngagements(db: Db): Promise<Engagement[]> {
  const rows = await db
    .selectFrom('engagements')
    .selectAll()
    .where('phase', '=', 'listening')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toEngagement);
}

export async function findEngagement(db: Db, id: string): Promise<Engagement | undefined> {
  const row = await db
    .selectFrom('engagements')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEngagement(row);
}

export type EngagementFields = Omit<Engagement, 'id' | 'phase' | 'createdAt' | 'updatedAt'>;

const toColumns = (fields: EngagementFields) => ({
  title: fields.title,
  commissioning_organisation_id: fields.commissioningOrganisationId,
  advocacy_organisation_id: fields.advocacyOrganisationId,
  purpose_plain: fields.purposePlain,
  purpose_easy_read: fields.purposeEasyRead,
  open_to_influence: fields.openToInfluence,
  already_decided: fields.alreadyDecided,
  audiences: JSON.stringify(fields.audiences),
  areas: JSON.stringify(fields.areas),
  starts_on: fields.startsOn,
  ends_on: fields.endsOn,
  safeguarding_lead_id: fields.safeguardingLeadId,
  safeguarding_deputy_id: fields.safeguardingDeputyId,
});

export async function insertEngagement(
  db: Db,
  fields: EngagementFields,
  createdById: string | null,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('engagements')
    .values({
      id,
      ...toColumns(fields),
      phase: 'draft',
      created_by_id: createdById,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateEngagement(
  db: Db,
  id: string,
  fields: EngagementFields,
  at: string,
): Promise<void> {
  await db
    .updateTable('engagements')
    .set({ ...toColumns(fields), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setPhase(db: Db, id: string, phase: Phase, at: string): Promise<void> {
  await db.updateTable('engagements').set({ phase, updated_at: at }).where('id', '=', id).execute();
}

/** Every version of the commitment, newest first: changes keep the earlier words visible. */
export async function listCommitments(db: Db, engagementId: string): Promise<Commitment[]> {
  const rows = await db
    .selectFrom('commitments')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    statement: row.statement,
    respondBy: row.respond_by,
    signerId: row.signer_id,
    signerName: row.signer_name,
    signerRole: row.signer_role,
    signedAt: row.signed_at,
  }));
}

export async function insertCommitment(
  db: Db,
  engagementId: string,
  version: number,
  input: CommitmentInput,
  signerId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('commitments')
    .values({
      id: newId(),
      engagement_id: engagementId,
      version,
      statement: input.statement,
      respond_by: input.respondBy,
      signer_id: signerId,
      signer_name: input.signerName,
      signer_role: input.signerRole,
      signed_at: at,
    })
    .execute();
}

async function selectPrompts(
  db: Db,
  engagementId: string,
  kind: PromptKind | undefined,
): Promise<Prompt[]> {
  let query = db
    .selectFrom('prompts')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('position');
  if (kind !== undefined) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    position: row.position,
    kind: row.kind as PromptKind,
    questionPlain: row.question_plain,
    questionEasyRead: row.question_easy_read,
    influences: row.influences,
  }));
}

/**
 * The questions people answer in their own words (kind `open`): what every form that takes
 * answers offers, and what voices are checked against.
 */
export const listPrompts = (db: Db, engagementId: string): Promise<Prompt[]> =>
  selectPrompts(db, engagementId, 'open');

/** Every question of the engagement, of every kind, in order. */
export const listAllPrompts = (db: Db, engagementId: string): Promise<Prompt[]> =>
  selectPrompts(db, engagementId, undefined);

/** The engagement's statements question, if it has one (it has at most one). */
export const findStatementsPrompt = async (
  db: Db,
  engagementId: string,
): Promise<Prompt | undefined> => (await selectPrompts(db, engagementId, 'statements'))[0];

/** Statements shown for votes: what a statements question needs before listening starts. */
export async function countSeedStatements(db: Db, engagementId: string): Promise<number> {
  const row = await db
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('engagement_id', '=', engagementId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Adds a question at the end; `open` unless a kind is given. */
export async function insertPrompt(
  db: Db,
  engagementId: string,
  input: PromptWording & { kind?: PromptKind },
  at: string,
): Promise<string> {
  const last = await db
    .selectFrom('prompts')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('prompts')
    .values({
      id,
      engagement_id: engagementId,
      position: (last?.position ?? 0) + 1,
      kind: input.kind ?? 'open',
      question_plain: input.questionPlain,
      question_easy_read: input.questionEasyRead,
      influences: input.influences,
      created_at: at,
    })
    .execute();
  return id;
}

export async function updatePrompt(db: Db, promptId: string, input: PromptWording): Promise<void> {
  await db
    .updateTable('prompts')
    .set({
      question_plain: input.questionPlain,
      question_easy_read: input.questionEasyRead,
      influences: input.influences,
    })
    .where('id', '=', promptId)
    .execute();
}

/** Whether an organisation runs, as the advocacy organisation, an engagement for the council. */
export async function advocatesFor(
  db: Db,
  advocacyOrganisationId: string,
  councilId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('engagements')
    .select('id')
    .where('advocacy_organisation_id', '=', advocacyOrganisationId)
    .where('commissioning_organisation_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
