import type { Kysely } from 'kysely';

// Rate limits on public forms (sign-in, coming back with a reference code, public posts), counted
// in the database so that every Heard process behind a load balancer shares one count. One row per
// address and route, named only by a keyed hash of them: the address itself is never stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counts')
    // HMAC-SHA256 of the route and the address, keyed with the session secret.
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends', 'text', (c) => c.notNull())
    .execute();
  // For clearing out windows that have ended.
  await db.schema
    .createIndex('rate_limit_counts_window_ends')
    .on('rate_limit_counts')
    .column('window_ends')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_counts').execute();
}
