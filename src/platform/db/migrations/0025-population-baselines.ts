import type { Kysely } from 'kysely';

// Who lives in a council's area, by equality question and Census 2021 category, imported from a
// Nomis bulk file (ONS, Open Government Licence v3.0), so that who an engagement heard from can be
// set beside it. One area per council and question: importing again replaces that question's rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('population_baselines')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('census_date', 'text', (c) => c.notNull())
    .addColumn('imported_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('population_baselines_pk', ['organisation_id', 'question', 'category'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('population_baselines').execute();
}
