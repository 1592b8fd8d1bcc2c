import type { Kysely } from 'kysely';

// An organisation's audit trail is read newest first, a page at a time, by the organisation whose
// people acted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_events_organisation')
    .on('audit_events')
    .columns(['organisation_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_organisation').execute();
}
