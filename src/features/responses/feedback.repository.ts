import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Changed, NoticeKind, NoticeRoute } from './you-said-we-did.core.ts';

// The "You said, we did" page, the notices that tell people of it, stops and follow-up answers.

export async function findPage(
  db: Db,
  engagementId: string,
): Promise<{ publishedAt: string } | undefined> {
  const row = await db
    .selectFrom('feedback_pages')
    .select('published_at')
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  return row && { publishedAt: row.published_at };
}

/** Publishes the page; false when it was published before (the first date stands). */
export async function insertPage(
  db: Db,
  engagementId: string,
  byId: string,
  at: string,
): Promise<boolean> {
  const row = await db
    .insertInto('feedback_pages')
    .values({ engagement_id: engagementId, published_at: at, published_by_id: byId })
    .onConflict((oc) => oc.column('engagement_id').doNothing())
    .returning('engagement_id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ContactToTell {
  participantId: string;
  route: string;
  detail: string;
  /** The advocate who captured the person's words, for the advocate route. */
  advocateId: string | null;
}

/** Identifiable: everyone in an engagement who asked to be told, with how. */
export async function contactsToTell(db: Db, engagementId: string): Promise<ContactToTell[]> {
  const rows = await db
    .selectFrom('participant_contacts')
    .innerJoin('participants', 'participants.id', 'participant_contacts.participant_id')
    .select([
      'participant_contacts.participant_id',
      'participant_contacts.route',
      'participant_contacts.detail',
    ])
    .select((eb) =>
      eb
        .selectFrom('voices')
        .select('voices.captured_by_id')
        .whereRef('voices.participant_id', '=', 'participants.id')
        .where('voices.captured_by_id', 'is not', null)
        .orderBy('voices.created_at', 'desc')
        .limit(1)
        .as('advocate_id'),
    )
    .where('participants.engagement_id', '=', engagementId)
    .where('participants.withdrawn_at', 'is', null)
    .orderBy('participants.created_at')
    .orderBy('participants.id')
    .execute();
  return rows.map((row) => ({
    participantId: row.participant_id,
    route: row.route,
    detail: row.detail,
    advocateId: row.advocate_id ?? null,
  }));
}

export async function stoppedIn(db: Db, engagementId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('feedback_stops')
    .innerJoin('participants', 'participants.id', 'feedback_stops.participant_id')
    .select('feedback_stops.participant_id')
    .where('participants.engagement_id', '=', engagementId)
    .execute();
  return new Set(rows.map((row) => row.participant_id));
}

/** Records a notice; undefined when this person was told of this event before. */
export async function insertNotice(
  db: Db,
  fields: {
    engagementId: string;
    participantId: string;
    kind: NoticeKind;
    event: string;
    route: NoticeRoute;
    state: 'queued' | 'waiting';
    advocateId: string | null;
  },
  at: string,
): Promise<string | undefined> {
  // ON CONFLICT DO NOTHING: on PostgreSQL a failed insert would abort the whole transaction.
  const row = await db
    .insertInto('feedback_notices')
    .values({
      id: newId(),
      engagement_id: fields.engagementId,
      participant_id: fields.participantId,
      kind: fields.kind,
      event: fields.event,
      route: fields.route,
      state: fields.state,
      message_id: null,
      advocate_id: fields.advocateId,
      created_at: at,
      sent_at: null,
      done_at: null,
      done_by_id: null,
    })
    .onConflict((oc) => oc.columns(['participant_id', 'event']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Links an email notice to its message in the outbox, found by the message's dedupe key. */
export async function linkMessage(db: Db, noticeId: string, dedupeKey: string): Promise<void> {
  await db
    .updateTable('feedback_notices')
    .set((eb) => ({
      message_id: eb
        .selectFrom('messages')
        .select('messages.id')
        .where('messages.dedupe_key', '=', dedupeKey),
    }))
    .where('id', '=', noticeId)
    .execute();
}

/** Email notices whose message the SMTP server has taken become sent, with its time. */
export async function recordSentEmails(db: Db, engagementId: string): Promise<void> {
  await db
    .updateTable('feedback_notices')
    .set((eb) => ({
      state: 'sent',
      sent_at: eb
        .selectFrom('messages')
        .select('messages.sent_at')
        .whereRef('messages.id', '=', 'feedback_notices.message_id'),
    }))
    .where('engagement_id', '=', engagementId)
    .where('state', '=', 'queued')
    .where('message_id', 'in', (eb) =>
      eb.selectFrom('messages').select('messages.id').where('messages.state', '=', 'sent'),
    )
    .execute();
}

export interface NoticeRow {
  id: string;
  engagementId: string;
  participantId: string;
  kind: NoticeKind;
  event: string;
  route: NoticeRoute;
  state: string;
  messageId: string | null;
  advocateId: string | null;
  createdAt: string;
  sentAt: string | null;
  doneAt: string | null;
}

const noticeColumns = [
  'feedback_notices.id',
  'feedback_notices.engagement_id',
  'feedback_notices.participant_id',
  'feedback_notices.kind',
  'feedback_notices.event',
  'feedback_notices.route',
  'feedback_notices.state',
  'feedback_notices.message_id',
  'feedback_notices.advocate_id',
  'feedback_notices.created_at',
  'feedback_notices.sent_at',
  'feedback_notices.done_at',
] as const;

type NoticeSelected = {
  id: string;
  engagement_id: string;
  participant_id: string;
  kind: string;
  event: string;
  route: string;
  state: string;
  message_id: string | null;
  advocate_id: string | null;
  created_at: string;
  sent_at: string | null;
  done_at: string | null;
};

const toNotice = (row: NoticeSelected): NoticeRow => ({
  id: row.id,
  engagementId: row.engagement_id,
  participantId: row.participant_id,
  kind: row.kind as NoticeKind,
  event: row.event,
  route: row.route as NoticeRoute,
  state: row.state,
  messageId: row.message_id,
  advocateId: row.advocate_id,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  doneAt: row.done_at,
});

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  const row = await db
    .selectFrom('feedback_notices')
    .select(noticeColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toNotice(row);
}

export interface NoticeWithContact extends NoticeRow {
  detail: string;
  /** How the person's letter is written: Easy Read only when they asked for it. */
  format: 'plain' | 'easy-read';
  perspective: string;
  advocateName: string | null;
  /** The person asked for no more messages: a letter or task still waiting is not for them. */
  stopped: boolean;
}

/** Identifiable: an engagement's notices with the contact detail as it is now. */
export async function listNotices(db: Db, engagementId: string): Promise<NoticeWithContact[]> {
  const rows = await db
    .selectFrom('feedback_notices')
    .innerJoin('participants', 'participants.id', 'feedback_notices.participant_id')
    .leftJoin(
      'participant_contacts',
      'participant_contacts.participant_id',
      'feedback_notices.participant_id',
    )
    .leftJoin('users', 'users.id', 'feedback_notices.advocate_id')
    .leftJoin('feedback_stops', 'feedback_stops.participant_id', 'feedback_notices.participant_id')
    .select(noticeColumns)
    .select([
      'participant_contacts.detail',
      'participant_contacts.format',
      'participants.perspective',
      'users.name as advocate_name',
      'feedback_stops.stopped_at',
    ])
    .where('feedback_notices.engagement_id', '=', engagementId)
    .orderBy('feedback_notices.created_at')
    .orderBy('feedback_notices.id')
    .execute();
  return rows.map((row) => ({
    ...toNotice(row),
    detail: row.detail ?? '',
    format: row.format === 'easy-read' ? 'easy-read' : 'plain',
    perspective: row.perspective,
    advocateName: row.advocate_name,
    stopped: row.stopped_at !== null,
  }));
}

/** Marks waiting notices of one route as handled; returns how many changed. */
export async function markNotices(
  db: Db,
  engagementId: string,
  ids: readonly string[],
  route: NoticeRoute,
  fields: { state: 'sent' | 'done'; byId: string },
  at: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('feedback_notices')
    .set({
      state: fields.state,
      done_at: at,
      done_by_id: fields.byId,
      ...(fields.state === 'sent' ? { sent_at: at } : {}),
    })
    .where('engagement_id', '=', engagementId)
    .where('route', '=', route)
    .where('state', '=', 'waiting')
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a stop; false when the person had stopped messages already. */
export async function insertStop(
  db: Db,
  participantId: string,
  noticeId: string,
  at: string,
): Promise<boolean> {
  const row = await db
    .insertInto('feedback_stops')
    .values({ participant_id: participantId, notice_id: noticeId, stopped_at: at })
    .onConflict((oc) => oc.column('participant_id').doNothing())
    .returning('participant_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasStopped(db: Db, participantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('feedback_stops')
    .select('participant_id')
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFollowUp(
  db: Db,
  engagementId: string,
  byId: string,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('feedback_follow_ups')
    .values({ id, engagement_id: engagementId, sent_at: at, sent_by_id: byId })
    .execute();
  return id;
}

export async function listFollowUps(
  db: Db,
  engagementId: string,
): Promise<{ id: string; sentAt: string }[]> {
  const rows = await db
    .selectFrom('feedback_follow_ups')
    .select(['id', 'sent_at'])
    .where('engagement_id', '=', engagementId)
    .orderBy('sent_at')
    .execute();
  return rows.map((row) => ({ id: row.id, sentAt: row.sent_at }));
}

export interface FollowUpAnswer {
  noticeId: string;
  changed: Changed;
  actionId: string | null;
  words: string;
  shareWords: boolean;
  answeredAt: string;
}

/** Keeps an answer; false when this notice was answered before (the first answer stands). */
export async function insertAnswer(
  db: Db,
  followUpId: string,
  answer: FollowUpAnswer,
): Promise<boolean> {
  const row = await db
    .insertInto('feedback_answers')
    .values({
      notice_id: answer.noticeId,
      follow_up_id: followUpId,
      changed: answer.changed,
      action_id: answer.actionId,
      words: answer.words,
      share_words: answer.shareWords ? 1 : 0,
      answered_at: answer.answeredAt,
    })
    .onConflict((oc) => oc.column('notice_id').doNothing())
    .returning('notice_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findAnswer(db: Db, noticeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('feedback_answers')
    .select('notice_id')
    .where('notice_id', '=', noticeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listAnswers(db: Db, engagementId: string): Promise<FollowUpAnswer[]> {
  const rows = await db
    .selectFrom('feedback_answers')
    .innerJoin('feedback_follow_ups', 'feedback_follow_ups.id', 'feedback_answers.follow_up_id')
    .selectAll('feedback_answers')
    .where('feedback_follow_ups.engagement_id', '=', engagementId)
    .orderBy('feedback_answers.answered_at')
    .execute();
  return rows.map((row) => ({
    noticeId: row.notice_id,
    changed: row.changed as Changed,
    actionId: row.action_id,
    words: row.words,
    shareWords: row.share_words === 1,
    answeredAt: row.answered_at,
  }));
}

/** Identifiable: the first words each person gave, so an advocate knows whom to tell. */
export async function firstWordsOf(
  db: Db,
  participantIds: readonly string[],
): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('voices')
    .innerJoin('voice_versions', 'voice_versions.voice_id', 'voices.id')
    .select(['voices.participant_id', 'voice_versions.text'])
    .where('voices.participant_id', 'in', [...new Set(participantIds)])
    .orderBy('voices.created_at')
    .orderBy('voice_versions.version', 'desc')
    .execute();
  const words = new Map<string, string>();
  for (const row of rows)
    if (!words.has(row.participant_id)) words.set(row.participant_id, row.text);
  return words;
}
