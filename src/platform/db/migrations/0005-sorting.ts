import type { Kysely } from 'kysely';

// People's decisions on sorting voices (issue 6). Every table here is add-only: a decision is
// revisited by recording a newer one, so who decided what, when and why is never lost. Rows
// are kept when a voice is withdrawn: a safeguarding record already raised must be kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triage_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    // 'safeguarding' (raised, no_concern, already_known) or 'sort' (design_input,
    // individual_concern, off_topic).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // For off topic: where the person can take it instead.
    .addColumn('pointer', 'text')
    .addColumn('decided_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('triage_decisions_voice')
    .on('triage_decisions')
    .columns(['voice_id', 'kind'])
    .execute();

  await db.schema
    .createTable('casework_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('asked_how', 'text', (c) => c.notNull())
    .addColumn('recorded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('casework_consents_voice')
    .on('casework_consents')
    .column('voice_id')
    .execute();

  await db.schema
    .createTable('casework_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('passed_to', 'text', (c) => c.notNull())
    .addColumn('person_told_how', 'text', (c) => c.notNull())
    .addColumn('passed_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('passed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('casework_handovers_voice')
    .on('casework_handovers')
    .column('voice_id')
    .execute();

  await db.schema
    .createTable('safeguarding_escalations')
    .addColumn('voice_id', 'text', (c) => c.primaryKey().references('voices.id'))
    .addColumn('escalated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    // 'one' or 'many': how the group counts in themes.
    .addColumn('weigh_as', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_decisions_group')
    .on('campaign_decisions')
    .columns(['engagement_id', 'group_id'])
    .execute();

  // Models retrained on this deployment's decisions, newest used. Trained on people's words,
  // so held like the voices themselves.
  await db.schema
    .createTable('triage_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('decisions', 'integer', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'triage_models',
    'campaign_decisions',
    'safeguarding_escalations',
    'casework_handovers',
    'casework_consents',
    'triage_decisions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
