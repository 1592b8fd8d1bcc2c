import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { queueMessage } from '../../platform/mail/outbox.ts';
import { activeUser } from './responses.repository.ts';

// The decision maker is told by email as well as in Heard. The email carries the engagement's
// title and a link, never what people said: Heard shows that to those who may read it.

export interface Notice {
  kind: 'recommendations_sent' | 'response_challenged';
  /** What the notice is about (a batch, a challenge): each reaches a person once. */
  about: string;
  engagement: { id: string; title: string };
  count: number;
}

/** Queues the email in the caller's transaction, so it goes if and only if the change is saved. */
export async function noticeToDecisionMaker(
  db: Db,
  deps: Deps,
  decisionMakerId: string,
  notice: Notice,
): Promise<void> {
  const person = await activeUser(db, decisionMakerId);
  if (person === undefined) return;
  await queueMessage(
    db,
    {
      kind: notice.kind,
      dedupeKey: `${notice.kind}:${notice.about}:${person.id}`,
      to: person.email,
      toUserId: person.id,
      subject: deps.t(`responses.email.${notice.kind}.subject`),
      body: deps.t(`responses.email.${notice.kind}.body`, {
        title: notice.engagement.title,
        count: notice.count,
      }),
      link: `${deps.config.publicUrl}/engagements/${notice.engagement.id}/responses`,
    },
    deps.clock().toISOString(),
  );
}
