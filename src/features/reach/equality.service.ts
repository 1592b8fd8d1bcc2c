import type { Deps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteEqualityAnswers, saveEqualityAnswers } from './equality.repository.ts';
import type { EqualityAnswers } from './equality.schemas.ts';

/**
 * A person tells about themselves, or changes what they told: their answers replace any before.
 * The audit row names the person's pseudonymous record and how many questions they answered,
 * never the answers. `advocate` is the member of staff who asked the questions with the person,
 * if one did: the row is then on their organisation's trail.
 */
export async function tellAboutThemselves(
  deps: Deps,
  participantId: string,
  answers: EqualityAnswers,
  advocate?: { userId: string; organisationId: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await saveEqualityAnswers(trx, participantId, answers, deps.clock().toISOString());
    await recordAudit(trx, deps.clock, {
      actorUserId: advocate?.userId ?? null,
      action: 'equality_answers_saved',
      recordType: 'participant',
      recordId: participantId,
      organisationId: advocate?.organisationId ?? null,
      details: { questions: answers.size },
    });
  });
}

/**
 * A person asks for what they told about themselves to be deleted: on the public pages, or by
 * asking the advocacy organisation (`advocate` is then who deleted it).
 */
export async function forgetAboutThemselves(
  deps: Deps,
  participantId: string,
  advocate?: { userId: string; organisationId: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteEqualityAnswers(trx, participantId);
    await recordAudit(trx, deps.clock, {
      actorUserId: advocate?.userId ?? null,
      action: 'equality_answers_deleted',
      recordType: 'participant',
      recordId: participantId,
      organisationId: advocate?.organisationId ?? null,
    });
  });
}
