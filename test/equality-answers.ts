import type { Db } from '../src/platform/db/database.ts';

/** What a person's equality answers are in the table, as `question=answer`, by question. */
export const equalityAnswersHeld = async (db: Db, participantId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('equality_answers')
      .select(['question', 'answer'])
      .where('participant_id', '=', participantId)
      .orderBy('question')
      .execute()
  ).map((row) => `${row.question}=${row.answer}`);
