import type { Kysely } from 'kysely';

// Engagements with their commitment and prompts; participants; sessions; voices with versions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('engagements')
    .addColumn('purpose_plain', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  for (const column of [
    'purpose_easy_read',
    'open_to_influence',
    'already_decided',
    'audiences',
    'areas',
  ]) {
    await db.schema
      .alterTable('engagements')
      .addColumn(column, 'text', (c) =>
        c.notNull().defaultTo(column === 'audiences' || column === 'areas' ? '[]' : ''),
      )
      .execute();
  }
  for (const column of [
    'starts_on',
    'ends_on',
    'safeguarding_lead_id',
    'safeguarding_deputy_id',
    'created_by_id',
  ]) {
    await db.schema.alterTable('engagements').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('signer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commitments_engagement_version', ['engagement_id', 'version'])
    .execute();

  await db.schema
    .createTable('prompts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question_plain', 'text', (c) => c.notNull())
    .addColumn('question_easy_read', 'text', (c) => c.notNull())
    .addColumn('influences', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prompts_engagement')
    .on('prompts')
    .columns(['engagement_id', 'position'])
    .execute();

  // A person taking part: pseudonymous. What identifies them lives apart, in participant_contacts.
  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('reference_hash', 'text')
    .addColumn('perspective', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('participants_reference')
    .on('participants')
    .column('reference_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex('participants_engagement')
    .on('participants')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('participant_contacts')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('listening_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('advocate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('listening_sessions_engagement')
    .on('listening_sessions')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('voices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('prompt_id', 'text', (c) => c.notNull().references('prompts.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('listening_sessions.id'))
    .addColumn('captured_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('help_given', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('whose_view', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('consent_use', 'integer', (c) => c.notNull())
    .addColumn('consent_quote', 'integer', (c) => c.notNull())
    .addColumn('consent_given_by', 'text', (c) => c.notNull())
    .addColumn('triage_state', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('voices_engagement')
    .on('voices')
    .columns(['engagement_id', 'created_at'])
    .execute();
  await db.schema.createIndex('voices_participant').on('voices').column('participant_id').execute();

  // A voice's words are never changed in place: a correction is a new version.
  await db.schema
    .createTable('voice_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voice_id', 'text', (c) => c.notNull().references('voices.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_summary', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voice_versions_voice_version', ['voice_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'voice_versions',
    'voices',
    'listening_sessions',
    'participant_contacts',
    'participants',
    'prompts',
    'commitments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'purpose_plain',
    'purpose_easy_read',
    'open_to_influence',
    'already_decided',
    'audiences',
    'areas',
    'starts_on',
    'ends_on',
    'safeguarding_lead_id',
    'safeguarding_deputy_id',
    'created_by_id',
  ]) {
    await db.schema.alterTable('engagements').dropColumn(column).execute();
  }
}
