import type { Kysely } from 'kysely';

// Themes (issue 5): a draft or a mapping running in the background, kept in the database so that
// every Heard process sees its progress and its failure, and only one runs for an engagement at
// a time whichever process started it. A run that stops sending its heartbeat (its process ended)
// is shown as stopped, and another may start.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    // The question drafted or mapped; null for the whole engagement.
    .addColumn('prompt_id', 'text', (c) => c.references('prompts.id'))
    .addColumn('started_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    // 'running', then 'saved' (its snapshot), 'failed' or 'stopped' (its heartbeat stopped).
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // Why the run failed, in words for the advocacy organisation; null when it did not.
    .addColumn('failure', 'text')
    // The engagement while the run is unfinished, null after: unique, so one run at a time.
    .addColumn('running_for', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('theme_runs_scope')
    .on('theme_runs')
    .columns(['engagement_id', 'prompt_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_runs').execute();
}
