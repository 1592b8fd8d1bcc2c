import type { Kysely } from 'kysely';

// Easy Read letters (issue 7): how a person who asked to be told wants their letter, 'plain' or
// 'easy-read', kept with the request to be told. Everyone who asked before this reads plain.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('participant_contacts')
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('plain'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('participant_contacts').dropColumn('format').execute();
}
