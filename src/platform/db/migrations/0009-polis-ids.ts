import type { Kysely } from 'kysely';

// Polis import and export (issue 4): the comment-id and voter-id a statement or participant had
// in the Polis export it came from, so an export gives them back and a round trip keeps them.
// Null for what was made in Heard. Unique within an engagement, so one import cannot be
// applied twice over itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('statements').addColumn('external_id', 'text').execute();
  await db.schema
    .createIndex('statements_external_id')
    .on('statements')
    .columns(['engagement_id', 'external_id'])
    .unique()
    .execute();
  await db.schema.alterTable('participants').addColumn('external_id', 'text').execute();
  await db.schema
    .createIndex('participants_external_id')
    .on('participants')
    .columns(['engagement_id', 'external_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('participants_external_id').execute();
  await db.schema.alterTable('participants').dropColumn('external_id').execute();
  await db.schema.dropIndex('statements_external_id').execute();
  await db.schema.alterTable('statements').dropColumn('external_id').execute();
}
