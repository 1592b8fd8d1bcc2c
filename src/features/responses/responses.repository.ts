import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type {
  Action,
  ActionStatus,
  ActionUpdate,
  Challenge,
  ChallengeOutcome,
  Decision,
  Recommendation,
  RecommendationTheme,
  Response,
  Revision,
} from './responses.core.ts';
import { evidenceOfUpdates } from './evidence.repository.ts';
import { themesOfRecommendations } from './recommendation-themes.repository.ts';
import { revisionsOfResponses } from './revisions.repository.ts';

/** Everything on the record for one engagement, oldest first. */
export interface ResponsesRecord {
  recommendations: Recommendation[];
  /** Recommendation id -> quoted voice ids, in the order the lead chose them. */
  quotes: Map<string, string[]>;
  /** Recommendation id -> the published themes it comes from (the newest set chosen). */
  themes: Map<string, RecommendationTheme[]>;
  responses: Response[];
  /** Revised answers after upheld challenges, oldest first. */
  revisions: Revision[];
  actions: Action[];
  updates: ActionUpdate[];
  challenges: Challenge[];
}

export async function loadResponsesRecord(db: Db, engagementId: string): Promise<ResponsesRecord> {
  const recommendationRows = await db
    .selectFrom('recommendations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ofEngagement = (eb: Db) =>
    eb.selectFrom('recommendations').select('id').where('engagement_id', '=', engagementId);
  const [quoteRows, responseRows] = await Promise.all([
    db
      .selectFrom('recommendation_quotes')
      .selectAll()
      .where('recommendation_id', 'in', ofEngagement(db))
      .orderBy('position')
      .execute(),
    db
      .selectFrom('responses')
      .selectAll()
      .where('recommendation_id', 'in', ofEngagement(db))
      .execute(),
  ]);
  const responseIds = responseRows.map((row) => row.id);
  const [themes, revisions] = await Promise.all([
    themesOfRecommendations(
      db,
      recommendationRows.map((row) => row.id),
    ),
    revisionsOfResponses(db, responseIds),
  ]);
  const [actionRows, challengeRows] =
    responseIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('response_actions')
            .innerJoin('users', 'users.id', 'response_actions.owner_id')
            .selectAll('response_actions')
            .select('users.name as owner_name')
            .where('response_actions.response_id', 'in', responseIds)
            .orderBy('response_actions.created_at')
            .orderBy('response_actions.id')
            .execute(),
          db
            .selectFrom('response_challenges')
            .innerJoin('users as raiser', 'raiser.id', 'response_challenges.raised_by_id')
            .leftJoin('users as replier', 'replier.id', 'response_challenges.replied_by_id')
            .selectAll('response_challenges')
            .select(['raiser.name as raised_by_name', 'replier.name as replied_by_name'])
            .where('response_challenges.response_id', 'in', responseIds)
            .orderBy('response_challenges.raised_at')
            .orderBy('response_challenges.id')
            .execute(),
        ]);
  const actionIds = actionRows.map((row) => row.id);
  const updateRows =
    actionIds.length === 0
      ? []
      : await db
          .selectFrom('action_updates')
          .innerJoin('users', 'users.id', 'action_updates.written_by_id')
          .selectAll('action_updates')
          .select('users.name as written_by_name')
          .where('action_updates.action_id', 'in', actionIds)
          .orderBy('action_updates.written_at')
          .orderBy('action_updates.id')
          .execute();
  const evidence = await evidenceOfUpdates(
    db,
    updateRows.map((row) => row.id),
  );
  const quotes = new Map<string, string[]>();
  for (const row of quoteRows) {
    quotes.set(row.recommendation_id, [...(quotes.get(row.recommendation_id) ?? []), row.voice_id]);
  }
  return {
    recommendations: recommendationRows.map((row) => ({
      id: row.id,
      engagementId: row.engagement_id,
      askedPlain: row.asked_plain,
      askedEasyRead: row.asked_easy_read,
      writtenById: row.written_by_id,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    })),
    quotes,
    themes,
    revisions,
    responses: responseRows.map((row) => ({
      id: row.id,
      recommendationId: row.recommendation_id,
      decision: row.decision as Decision | null,
      reasonsPlain: row.reasons_plain,
      reasonsEasyRead: row.reasons_easy_read,
      state: row.state as Response['state'],
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
    })),
    actions: actionRows.map((row) => ({
      id: row.id,
      responseId: row.response_id,
      what: row.what,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      dueOn: row.due_on,
      status: row.status as ActionStatus,
      createdAt: row.created_at,
    })),
    updates: updateRows.map((row) => ({
      id: row.id,
      actionId: row.action_id,
      status: row.status as ActionStatus,
      note: row.note,
      evidenceLink: row.evidence_link,
      evidenceFile: evidence.get(row.id) ?? null,
      writtenByName: row.written_by_name,
      writtenAt: row.written_at,
    })),
    challenges: challengeRows.map((row) => ({
      id: row.id,
      responseId: row.response_id,
      reasons: row.reasons,
      raisedByName: row.raised_by_name,
      raisedAt: row.raised_at,
      reply: row.reply,
      outcome: row.outcome as ChallengeOutcome | null,
      repliedByName: row.replied_by_name,
      repliedAt: row.replied_at,
    })),
  };
}

export async function insertRecommendation(
  db: Db,
  fields: { engagementId: string; askedPlain: string; askedEasyRead: string; writtenById: string },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('recommendations')
    .values({
      id,
      engagement_id: fields.engagementId,
      asked_plain: fields.askedPlain,
      asked_easy_read: fields.askedEasyRead,
      written_by_id: fields.writtenById,
      created_at: at,
      updated_at: at,
      sent_at: null,
      sent_by_id: null,
    })
    .execute();
  return id;
}

/** Changes a draft's words; returns false if it was sent meanwhile (sent ones are fixed). */
export async function updateDraftRecommendation(
  db: Db,
  id: string,
  fields: { askedPlain: string; askedEasyRead: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recommendations')
    .set({ asked_plain: fields.askedPlain, asked_easy_read: fields.askedEasyRead, updated_at: at })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceQuotes(
  db: Db,
  recommendationId: string,
  voiceIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('recommendation_quotes')
    .where('recommendation_id', '=', recommendationId)
    .execute();
  if (voiceIds.length === 0) return;
  await db
    .insertInto('recommendation_quotes')
    .values(
      voiceIds.map((voiceId, position) => ({
        recommendation_id: recommendationId,
        voice_id: voiceId,
        position,
      })),
    )
    .execute();
}

/** Sends every draft of an engagement as one batch; returns the ids sent. */
export async function sendDrafts(
  db: Db,
  engagementId: string,
  sentById: string,
  at: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('recommendations')
    .set({ sent_at: at, sent_by_id: sentById, updated_at: at })
    .where('engagement_id', '=', engagementId)
    .where('sent_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Saves the response to a recommendation, new or a draft; never a published one. */
export async function saveResponse(
  db: Db,
  recommendationId: string,
  fields: {
    decision: Decision | null;
    reasonsPlain: string;
    reasonsEasyRead: string;
    publish: boolean;
    byId: string;
  },
  at: string,
): Promise<{ id: string; saved: boolean }> {
  const values = {
    decision: fields.decision,
    reasons_plain: fields.reasonsPlain,
    reasons_easy_read: fields.reasonsEasyRead,
    state: fields.publish ? 'published' : 'draft',
    written_by_id: fields.byId,
    updated_at: at,
    published_at: fields.publish ? at : null,
    published_by_id: fields.publish ? fields.byId : null,
  };
  const existing = await db
    .selectFrom('responses')
    .select(['id', 'state'])
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  if (existing === undefined) {
    const id = newId();
    await db
      .insertInto('responses')
      .values({ id, recommendation_id: recommendationId, ...values })
      .execute();
    return { id, saved: true };
  }
  const result = await db
    .updateTable('responses')
    .set(values)
    .where('id', '=', existing.id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return { id: existing.id, saved: Number(result.numUpdatedRows) === 1 };
}

export async function insertAction(
  db: Db,
  fields: { responseId: string; what: string; ownerId: string; dueOn: string; byId: string },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('response_actions')
    .values({
      id,
      response_id: fields.responseId,
      what: fields.what,
      owner_id: fields.ownerId,
      due_on: fields.dueOn,
      status: 'planned' satisfies ActionStatus,
      created_by_id: fields.byId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Adds a dated update to an action and makes its status the action's own; returns its id. */
export async function insertActionUpdate(
  db: Db,
  actionId: string,
  update: { status: ActionStatus; note: string; evidenceLink: string | null; byId: string },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('action_updates')
    .values({
      id,
      action_id: actionId,
      status: update.status,
      note: update.note,
      evidence_link: update.evidenceLink,
      written_by_id: update.byId,
      written_at: at,
    })
    .execute();
  await db
    .updateTable('response_actions')
    .set({ status: update.status, updated_at: at })
    .where('id', '=', actionId)
    .execute();
  return id;
}

export async function insertChallenge(
  db: Db,
  fields: { responseId: string; reasons: string; byId: string },
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('response_challenges')
    .values({
      id,
      response_id: fields.responseId,
      reasons: fields.reasons,
      raised_by_id: fields.byId,
      raised_at: at,
      reply: null,
      outcome: null,
      replied_by_id: null,
      replied_at: null,
    })
    .execute();
  return id;
}

/** Records the reply to a challenge; false if it had been replied to already. */
export async function replyToChallenge(
  db: Db,
  challengeId: string,
  fields: { reply: string; outcome: ChallengeOutcome; byId: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('response_challenges')
    .set({
      reply: fields.reply,
      outcome: fields.outcome,
      replied_by_id: fields.byId,
      replied_at: at,
    })
    .where('id', '=', challengeId)
    .where('reply', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** The council's decision makers and officers: the people an action can be given to. */
export async function councilOwners(db: Db, councilId: string): Promise<Person[]> {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email'])
    .distinct()
    .where('users.organisation_id', '=', councilId)
    .where('users.disabled_at', 'is', null)
    .where('user_roles.role', 'in', ['decision_maker', 'officer'])
    .orderBy('users.name')
    .execute();
}

export async function activeUser(db: Db, id: string): Promise<Person | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

export interface WaitingForAnswer {
  engagementId: string;
  title: string;
  recommendations: number;
  challenges: number;
  /** Challenges upheld whose revised answer is not yet published. */
  revisions: number;
}

/**
 * For a council's decision makers: engagements with sent recommendations not yet answered,
 * challenges not yet replied to, or upheld challenges still owed a revised answer.
 */
export async function waitingForAnswer(db: Db, councilId: string): Promise<WaitingForAnswer[]> {
  const [unanswered, challenged, owed] = await Promise.all([
    db
      .selectFrom('recommendations')
      .innerJoin('engagements', 'engagements.id', 'recommendations.engagement_id')
      .leftJoin('responses', 'responses.recommendation_id', 'recommendations.id')
      .select(['engagements.id', 'engagements.title'])
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('engagements.commissioning_organisation_id', '=', councilId)
      .where('recommendations.sent_at', 'is not', null)
      .where((eb) =>
        eb.or([eb('responses.state', 'is', null), eb('responses.state', '!=', 'published')]),
      )
      .groupBy(['engagements.id', 'engagements.title'])
      .execute(),
    db
      .selectFrom('response_challenges')
      .innerJoin('responses', 'responses.id', 'response_challenges.response_id')
      .innerJoin('recommendations', 'recommendations.id', 'responses.recommendation_id')
      .innerJoin('engagements', 'engagements.id', 'recommendations.engagement_id')
      .select(['engagements.id', 'engagements.title'])
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('engagements.commissioning_organisation_id', '=', councilId)
      .where('response_challenges.reply', 'is', null)
      .groupBy(['engagements.id', 'engagements.title'])
      .execute(),
    db
      .selectFrom('response_challenges')
      .innerJoin('responses', 'responses.id', 'response_challenges.response_id')
      .innerJoin('recommendations', 'recommendations.id', 'responses.recommendation_id')
      .innerJoin('engagements', 'engagements.id', 'recommendations.engagement_id')
      .select(['engagements.id', 'engagements.title'])
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('engagements.commissioning_organisation_id', '=', councilId)
      .where('response_challenges.outcome', '=', 'upheld')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('response_revisions')
              .select('response_revisions.id')
              .whereRef('response_revisions.challenge_id', '=', 'response_challenges.id')
              .where('response_revisions.state', '=', 'published'),
          ),
        ),
      )
      .groupBy(['engagements.id', 'engagements.title'])
      .execute(),
  ]);
  const byEngagement = new Map<string, WaitingForAnswer>();
  const entry = (id: string, title: string) => {
    const found = byEngagement.get(id) ?? {
      engagementId: id,
      title,
      recommendations: 0,
      challenges: 0,
      revisions: 0,
    };
    byEngagement.set(id, found);
    return found;
  };
  for (const row of unanswered) entry(row.id, row.title).recommendations = Number(row.count);
  for (const row of challenged) entry(row.id, row.title).challenges = Number(row.count);
  for (const row of owed) entry(row.id, row.title).revisions = Number(row.count);
  return [...byEngagement.values()].sort((a, b) => a.title.localeCompare(b.title));
}
