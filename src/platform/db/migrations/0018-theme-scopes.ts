import type { Kysely } from 'kysely';

// Themes for one question (issue 5). A scope is the whole engagement (prompt_id null, as every
// row before this) or one prompt. Snapshots, people's edits and codings, and publications each
// belong to one scope, so a theme added or split out, or a voice coded, in one scope never shows
// in another, and each scope has its own drafts, review and publication. Reviews and take-backs
// belong to a snapshot and a publication, so to their scope.
const SCOPED = ['theme_snapshots', 'theme_edits', 'theme_assignments', 'theme_publications'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of SCOPED) {
    await db.schema
      .alterTable(table)
      .addColumn('prompt_id', 'text', (c) => c.references('prompts.id'))
      .execute();
    await db.schema
      .createIndex(`${table}_scope`)
      .on(table)
      .columns(['engagement_id', 'prompt_id'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SCOPED) {
    await db.schema.dropIndex(`${table}_scope`).execute();
    await db.schema.alterTable(table).dropColumn('prompt_id').execute();
  }
}
