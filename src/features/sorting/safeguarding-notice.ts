import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { queueMessage } from '../../platform/mail/outbox.ts';

// Emails about safeguarding flags carry a link and the engagement's title, never the person's
// words or anything that could identify them: the flag in Heard shows those to the named person.

interface Recipient {
  id: string;
  email: string;
}

async function usersById(db: Db, ids: readonly (string | null)[]): Promise<Recipient[]> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email']).where('id', 'in', wanted).execute();
}

async function advocacyLeads(db: Db, organisationId: string): Promise<Recipient[]> {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('users.organisation_id', '=', organisationId)
    .where('user_roles.role', '=', 'lead')
    .execute();
}

async function queueFor(
  db: Db,
  deps: Deps,
  recipients: Recipient[],
  notice: { kind: string; voiceId: string; engagementId: string; title: string },
): Promise<void> {
  const link = `${deps.config.publicUrl}/engagements/${notice.engagementId}/sorting/voices/${notice.voiceId}`;
  const at = deps.clock().toISOString();
  for (const recipient of recipients) {
    await queueMessage(
      db,
      {
        kind: notice.kind,
        dedupeKey: `${notice.kind}:${notice.voiceId}:${at}:${recipient.id}`,
        to: recipient.email,
        toUserId: recipient.id,
        subject: deps.t(`sorting.email.${notice.kind}.subject`),
        body: deps.t(`sorting.email.${notice.kind}.body`, { title: notice.title }),
        link,
      },
      at,
    );
  }
}

/** The engagement's safeguarding lead and deputy are told of a new flag at once. */
export async function noticeFlag(
  db: Db,
  deps: Deps,
  engagement: {
    id: string;
    title: string;
    safeguardingLeadId: string | null;
    safeguardingDeputyId: string | null;
  },
  voiceId: string,
): Promise<void> {
  const recipients = await usersById(db, [
    engagement.safeguardingLeadId,
    engagement.safeguardingDeputyId,
  ]);
  await queueFor(db, deps, recipients, {
    kind: 'safeguarding_flag',
    voiceId,
    engagementId: engagement.id,
    title: engagement.title,
  });
}

/** The advocacy organisation's leads are told of a flag left unreviewed for a working day. */
export async function noticeEscalation(
  db: Db,
  deps: Deps,
  flag: { voiceId: string; engagementId: string; title: string; advocacyOrganisationId: string },
): Promise<void> {
  await queueFor(db, deps, await advocacyLeads(db, flag.advocacyOrganisationId), {
    kind: 'safeguarding_escalation',
    voiceId: flag.voiceId,
    engagementId: flag.engagementId,
    title: flag.title,
  });
}
