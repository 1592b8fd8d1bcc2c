import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { TEXT_PREFIX } from '../../platform/mail/mail-transport.ts';
import { queueMessage } from '../../platform/mail/outbox.ts';
import { type Actor, hasRole } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Engagement,
  findEngagement,
  listCommitments,
  listPrompts,
} from '../engagements/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { type PublishedTheme, participantsInThemes, publishedThemes } from '../themes/index.ts';
import { peopleByPerspective } from '../voices/index.ts';
import { themesOfRecommendations } from './recommendation-themes.repository.ts';
import { isPublished, ukDay } from './responses.core.ts';
import { responsesLabels } from './responses.labels.ts';
import { type RecommendationItem, recommendationItems } from './responses.pages.ts';
import { mayDo } from './responses.permissions.ts';
import { loadResponsesRecord } from './responses.repository.ts';
import { quotableVoices, requirePhase } from './responses.service.ts';
import {
  type FollowUpAnswer,
  type NoticeRow,
  type NoticeWithContact,
  contactsToTell,
  findAnswer,
  findNotice,
  findPage,
  hasStopped,
  insertAnswer,
  insertFollowUp,
  insertNotice,
  insertPage,
  insertStop,
  linkMessage,
  listAnswers,
  listFollowUps,
  listNotices,
  markNotices,
  recordSentEmails,
  stoppedIn,
} from './feedback.repository.ts';
import { noticeFromToken, noticeToken } from './telling-people.tokens.ts';
import {
  type Changed,
  type NoticeKind,
  type NoticeRoute,
  type TookPart,
  eventOf,
  firstState,
  recipients,
  tookPart,
} from './you-said-we-did.core.ts';

/** Where the public reads the page, and where a notice's links lead. */
export const pagePath = (engagementId: string) => `/you-said-we-did/${engagementId}`;
export const stopPath = (token: string) => `/stop-messages/${token}`;
export const followUpPath = (token: string) => `/did-anything-change/${token}`;

/** The advocacy organisation holds people's contact details and tells them; its lead publishes. */
export const isAdvocacy = (actor: Actor, engagement: Engagement) =>
  actor.organisationId === engagement.advocacyOrganisationId;

export const mayPublish = (actor: Actor, engagement: Engagement) =>
  mayDo(actor, 'write_recommendations', engagement);

export function requireAdvocacy(actor: Actor, engagement: Engagement): void {
  if (!isAdvocacy(actor, engagement)) throw new ForbiddenError('feedback.forbidden.advocacy');
}

export interface YouSaidWeDid {
  engagement: Engagement;
  councilName: string;
  advocacyName: string;
  questions: { plain: string; easyRead: string }[];
  tookPart: TookPart;
  publishedAt: string;
  /** The themes shared with the council, with counts under 5 hidden and consented quotes only. */
  themes: PublishedTheme[];
  /** Sent recommendations; the answer and what follows only once the answer is published. */
  items: RecommendationItem[];
}

/** The public page, or not found: an engagement's page is public only once a lead publishes it. */
export async function youSaidWeDid(deps: Deps, engagementId: string): Promise<YouSaidWeDid> {
  const [engagement, page] = await Promise.all([
    findEngagement(deps.db, engagementId),
    findPage(deps.db, engagementId),
  ]);
  if (engagement === undefined || page === undefined) throw new NotFoundError();
  const [record, commitments, quotable, prompts, counts, council, advocacy, themes] =
    await Promise.all([
      loadResponsesRecord(deps.db, engagementId),
      listCommitments(deps.db, engagementId),
      quotableVoices(deps.db, engagementId),
      listPrompts(deps.db, engagementId),
      peopleByPerspective(deps.db, engagementId),
      findOrganisation(deps.db, engagement.commissioningOrganisationId),
      findOrganisation(deps.db, engagement.advocacyOrganisationId),
      publishedThemes(deps.db, engagementId, { suppress: true }),
    ]);
  const responses = record.responses.filter(isPublished);
  const items = recommendationItems(deps.t, responsesLabels(deps.t), {
    ...record,
    recommendations: record.recommendations.filter((r) => r.sentAt !== null),
    responses,
    revisions: record.revisions.filter(isPublished),
    // Files are shown to the public only where the person attaching one said so.
    updates: record.updates.map((u) => ({
      ...u,
      evidenceFile: u.evidenceFile?.public === true ? u.evidenceFile : null,
    })),
    actions: record.actions.filter((a) => responses.some((r) => r.id === a.responseId)),
    commitment: commitments[0],
    quoteWords: new Map(quotable.map((voice) => [voice.id, voice.text])),
    today: ukDay(deps.clock()),
  });
  return {
    engagement,
    councilName: council?.name ?? '',
    advocacyName: advocacy?.name ?? '',
    questions: prompts.map((p) => ({ plain: p.questionPlain, easyRead: p.questionEasyRead })),
    tookPart: tookPart(counts),
    publishedAt: page.publishedAt,
    themes: themes?.themes ?? [],
    items,
  };
}

/**
 * Tells everyone in the engagement who asked to be told of an event, each by their route, in the
 * caller's transaction. Those who stopped messages are skipped; those told of this event before
 * are not told again. Returns how many notices were new.
 */
async function tell(
  db: Db,
  deps: Deps,
  engagement: Engagement,
  kind: NoticeKind,
  about?: string,
  only?: ReadonlySet<string>,
): Promise<number> {
  const at = deps.clock().toISOString();
  const [contacts, stopped] = await Promise.all([
    contactsToTell(db, engagement.id),
    stoppedIn(db, engagement.id),
  ]);
  // With GOV.UK Notify's SMS template set, texts go through the outbox as email does.
  const textsGo = deps.config.notify?.smsTemplateId !== undefined;
  let told = 0;
  for (const contact of recipients(contacts, stopped)) {
    if (only !== undefined && !only.has(contact.participantId)) continue;
    const sent = contact.route === 'email' || (contact.route === 'text' && textsGo);
    const noticeId = await insertNotice(
      db,
      {
        engagementId: engagement.id,
        participantId: contact.participantId,
        kind,
        event: eventOf(kind, about),
        route: contact.route,
        state: sent ? 'queued' : firstState(contact.route),
        advocateId: contact.route === 'advocate' ? contact.advocateId : null,
      },
      at,
    );
    if (noticeId === undefined) continue;
    told += 1;
    if (sent) {
      const to = contact.route === 'text' ? `${TEXT_PREFIX}${contact.detail}` : contact.detail;
      await queueEmail(db, deps, engagement, kind, noticeId, to);
    }
  }
  return told;
}

/**
 * The email (or text, to an `sms:` address) for a notice: the engagement's title and links,
 * never anyone's words.
 */
async function queueEmail(
  db: Db,
  deps: Deps,
  engagement: Engagement,
  kind: NoticeKind,
  noticeId: string,
  address: string,
): Promise<void> {
  const links = noticeLinks(deps, engagement.id, noticeId);
  const dedupeKey = `feedback:${noticeId}`;
  await queueMessage(
    db,
    {
      kind: `feedback_${kind}`,
      dedupeKey,
      to: address,
      subject: deps.t(`feedback.email.${kind}.subject`),
      body: deps.t(`feedback.email.${kind}.body`, { title: engagement.title, stop: links.stop }),
      link: kind === 'follow_up' ? links.followUp : links.page,
    },
    deps.clock().toISOString(),
  );
  await linkMessage(db, noticeId, dedupeKey);
}

/** The absolute addresses a notice gives: the page, the way to stop, the follow-up question. */
export function noticeLinks(deps: Deps, engagementId: string, noticeId: string) {
  const token = noticeToken(deps.config.sessionSecret, noticeId);
  const base = deps.config.publicUrl;
  return {
    page: `${base}${pagePath(engagementId)}`,
    stop: `${base}${stopPath(token)}`,
    followUp: `${base}${followUpPath(token)}`,
  };
}

/** The email kinds this feature sends, for the staff page of undelivered messages. */
export const EMAIL_KINDS = ['feedback_published', 'feedback_action_done', 'feedback_follow_up'];

/**
 * A lead publishes the page: it becomes public, and everyone who asked to be told is told.
 * Publishing again changes nothing and tells nobody twice. Returns how many were told now.
 */
export async function publishPage(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<number> {
  if (!mayPublish(actor, engagement)) throw new ForbiddenError('feedback.forbidden.publish');
  requirePhase(engagement, 'publish');
  return deps.db.transaction().execute(async (trx) => {
    const { responses } = await loadResponsesRecord(trx, engagement.id);
    if (!responses.some(isPublished)) throw new ConflictError('feedback.errors.nothingAnswered');
    const at = deps.clock().toISOString();
    const first = await insertPage(trx, engagement.id, actor.userId, at);
    const told = await tell(trx, deps, engagement, 'published');
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: first ? 'feedback_published' : 'feedback_republished',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { told },
    });
    return told;
  });
}

/**
 * Tells people of each action done since the page was published (done before, the page itself
 * told them). Safe to run any number of times: each action is told of once. Run after an action
 * is updated, and whenever staff open the telling page, so a notice missed is made up.
 */
export async function tellAboutDoneActions(deps: Deps, engagementId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const [engagement, page] = await Promise.all([
      findEngagement(trx, engagementId),
      findPage(trx, engagementId),
    ]);
    if (engagement === undefined || page === undefined) return 0;
    const record = await loadResponsesRecord(trx, engagementId);
    const doneSince = record.actions.filter(
      (action) =>
        action.status === 'done' &&
        record.updates.some(
          (u) => u.actionId === action.id && u.status === 'done' && u.writtenAt > page.publishedAt,
        ),
    );
    const recommendationOf = new Map(record.responses.map((r) => [r.id, r.recommendationId]));
    const themesOf = await themesOfRecommendations(trx, [
      ...new Set(doneSince.flatMap((action) => recommendationOf.get(action.responseId) ?? [])),
    ]);
    let told = 0;
    for (const action of doneSince) {
      const themes = themesOf.get(recommendationOf.get(action.responseId) ?? '') ?? [];
      const people = themes.length > 0 ? await peopleIn(trx, engagementId, themes) : undefined;
      told += await tell(trx, deps, engagement, 'action_done', action.id, people);
    }
    return told;
  });
}

/**
 * The people whose voices are in a recommendation's themes: told when an action under it is
 * done. (A recommendation written before any theme was published has none: everyone is told.)
 */
async function peopleIn(
  db: Db,
  engagementId: string,
  themes: readonly { key: string; snapshotId: string }[],
): Promise<Set<string>> {
  const people = new Set<string>();
  for (const snapshotId of new Set(themes.map((theme) => theme.snapshotId))) {
    const keys = themes.filter((theme) => theme.snapshotId === snapshotId).map((t) => t.key);
    for (const id of await participantsInThemes(db, engagementId, snapshotId, keys)) people.add(id);
  }
  return people;
}

/** A lead sends "Did anything change for you?" to everyone told before, by the same routes. */
export async function sendFollowUp(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<number> {
  if (!mayPublish(actor, engagement)) throw new ForbiddenError('feedback.forbidden.publish');
  requirePhase(engagement, 'change');
  return deps.db.transaction().execute(async (trx) => {
    if ((await findPage(trx, engagement.id)) === undefined)
      throw new ConflictError('feedback.errors.notPublished');
    const at = deps.clock().toISOString();
    const id = await insertFollowUp(trx, engagement.id, actor.userId, at);
    const told = await tell(trx, deps, engagement, 'follow_up', id);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'feedback_follow_up_sent',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { followUpId: id, told },
    });
    return told;
  });
}

/** The notice a link's token names, or not found. */
export async function noticeByToken(deps: Deps, token: string): Promise<NoticeRow> {
  const id = noticeFromToken(deps.config.sessionSecret, token);
  const notice = id === undefined ? undefined : await findNotice(deps.db, id);
  if (notice === undefined) throw new NotFoundError();
  return notice;
}

export const stopped = (deps: Deps, notice: NoticeRow) => hasStopped(deps.db, notice.participantId);

/** "Stop these messages": recorded once; every later notice skips this person. */
export async function stopMessages(deps: Deps, token: string): Promise<void> {
  const notice = await noticeByToken(deps, token);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await insertStop(trx, notice.participantId, notice.id, deps.clock().toISOString())))
      return;
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'feedback_stopped',
      recordType: 'participant',
      recordId: notice.participantId,
      organisationId: null,
      details: { engagementId: notice.engagementId, route: notice.route },
    });
  });
}

export interface FollowUpQuestion {
  notice: NoticeRow;
  engagement: Engagement;
  followUpId: string;
  answered: boolean;
  actions: { id: string; what: string }[];
}

/** The follow-up question a token leads to: only a follow-up notice's token opens it. */
export async function followUpQuestion(deps: Deps, token: string): Promise<FollowUpQuestion> {
  const notice = await noticeByToken(deps, token);
  if (notice.kind !== 'follow_up') throw new NotFoundError();
  const followUpId = notice.event.slice('follow_up:'.length);
  const [engagement, record, answered] = await Promise.all([
    findEngagement(deps.db, notice.engagementId),
    loadResponsesRecord(deps.db, notice.engagementId),
    findAnswer(deps.db, notice.id),
  ]);
  if (engagement === undefined) throw new NotFoundError();
  const published = record.responses.filter(isPublished);
  return {
    notice,
    engagement,
    followUpId,
    answered,
    actions: record.actions
      .filter((a) => a.status !== 'dropped' && published.some((r) => r.id === a.responseId))
      .map((a) => ({ id: a.id, what: a.what })),
  };
}

/** Keeps a person's answer beside the actions; the first answer stands. */
export async function answerFollowUp(
  deps: Deps,
  question: FollowUpQuestion,
  input: { changed: Changed; actionId: string | null; words: string; shareWords: boolean },
): Promise<boolean> {
  const actionId = question.actions.some((a) => a.id === input.actionId) ? input.actionId : null;
  return insertAnswer(deps.db, question.followUpId, {
    noticeId: question.notice.id,
    ...input,
    actionId,
    answeredAt: deps.clock().toISOString(),
  });
}

/** Answers as this person may read them: the council without anything that could point to anyone. */
export async function answersFor(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
): Promise<{ answers: FollowUpAnswer[]; followUps: number; council: boolean }> {
  const [answers, followUps] = await Promise.all([
    listAnswers(deps.db, engagement.id),
    listFollowUps(deps.db, engagement.id),
  ]);
  const council = !isAdvocacy(actor, engagement);
  return {
    answers: council
      ? answers.map((a) => ({
          ...a,
          noticeId: '',
          answeredAt: '',
          words: a.shareWords ? a.words : '',
        }))
      : answers,
    followUps: followUps.length,
    council,
  };
}

/**
 * Identifiable: the engagement's notices with each person's contact detail, for the advocacy
 * organisation only; the read is audited. Email states are brought up to date with the outbox.
 */
export async function noticesFor(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  purpose: 'telling' | 'letters' | 'tasks',
): Promise<NoticeWithContact[]> {
  requireAdvocacy(actor, engagement);
  await recordSentEmails(deps.db, engagement.id);
  const notices = await listNotices(deps.db, engagement.id);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'feedback_contacts_read',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: { purpose, notices: notices.length },
  });
  return notices;
}

/** Letters posted, texts sent another way, or an advocate's task done: by advocacy staff only. */
export async function markTold(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  route: Exclude<NoticeRoute, 'email'>,
  ids: readonly string[],
): Promise<number> {
  requireAdvocacy(actor, engagement);
  if (!hasRole(actor, 'lead') && !hasRole(actor, 'advocate'))
    throw new ForbiddenError('feedback.forbidden.advocacy');
  return deps.db.transaction().execute(async (trx) => {
    const changed = await markNotices(
      trx,
      engagement.id,
      ids,
      route,
      { state: route === 'post' ? 'sent' : 'done', byId: actor.userId },
      deps.clock().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'feedback_told',
      recordType: 'engagement',
      recordId: engagement.id,
      organisationId: actor.organisationId,
      details: { route, notices: changed },
    });
    return changed;
  });
}
