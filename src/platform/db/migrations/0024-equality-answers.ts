import type { Kysely } from 'kysely';

// Equality monitoring: what a person chose to tell about themselves, one row per question they
// answered. Special category data, held apart from their voices and contact details, and read
// only as counts (DPA 2018 Sch 1 para 8). Deleted when the person withdraws or asks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('equality_answers')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('equality_answers_pk', ['participant_id', 'question'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('equality_answers').execute();
}
