import type { Db } from '../../platform/db/database.ts';
import type { EqualityQuestionKey } from '../../analysis/reach/census-categories.ts';
import type { EqualityAnswers } from './equality.schemas.ts';

// Special category data. Written by the person (or an advocate with them) and deleted when they
// ask or withdraw; read back only by the person themselves, or as counts.

/** The person's answers, replacing any they gave before. */
export async function saveEqualityAnswers(
  db: Db,
  participantId: string,
  answers: EqualityAnswers,
  at: string,
): Promise<void> {
  await deleteEqualityAnswers(db, participantId);
  if (answers.size === 0) return;
  await db
    .insertInto('equality_answers')
    .values(
      [...answers].map(([question, answer]) => ({
        participant_id: participantId,
        question,
        answer,
        recorded_at: at,
      })),
    )
    .execute();
}

export async function deleteEqualityAnswers(db: Db, participantId: string): Promise<void> {
  await db.deleteFrom('equality_answers').where('participant_id', '=', participantId).execute();
}

/** What the person told about themselves: for their own eyes only, to change or delete it. */
export async function equalityAnswersOf(db: Db, participantId: string): Promise<EqualityAnswers> {
  const rows = await db
    .selectFrom('equality_answers')
    .select(['question', 'answer'])
    .where('participant_id', '=', participantId)
    .execute();
  return new Map(rows.map((row) => [row.question as EqualityQuestionKey, row.answer]));
}

export interface AnswerCount {
  question: string;
  answer: string;
  people: number;
}

/** How many people gave each answer in an engagement, leaving out people who withdrew. */
export async function countEqualityAnswers(db: Db, engagementId: string): Promise<AnswerCount[]> {
  const rows = await db
    .selectFrom('equality_answers')
    .innerJoin('participants', 'participants.id', 'equality_answers.participant_id')
    .select(({ fn }) => [
      'equality_answers.question',
      'equality_answers.answer',
      fn.countAll<string | number>().as('people'),
    ])
    .where('participants.engagement_id', '=', engagementId)
    .where('participants.withdrawn_at', 'is', null)
    .groupBy(['equality_answers.question', 'equality_answers.answer'])
    .execute();
  return rows.map((row) => ({
    question: row.question,
    answer: row.answer,
    people: Number(row.people),
  }));
}
