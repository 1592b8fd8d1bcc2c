import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';

// Statements prompts (issue 4). An engagement's statements stay the engagement's (no
// statements.prompt_id): they are voted on together, on one page, and mapped together, so an
// engagement has at most one question of kind `statements`, which frames them. Engagements that
// already hold statements get that question here, worded plainly, so people still reach the
// voting page from the engagement's page; staff can reword it like any question.

const WORDING = {
  question_plain: 'Do you agree or disagree with these statements?',
  question_easy_read: 'Do you agree? Do you disagree?',
  influences: 'What people told us matters most, and where they agree.',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ engagement_id: string; next: number | string }>`
    select s.engagement_id, coalesce(max(p.position), 0) + 1 as next
    from (select distinct engagement_id from statements) s
    left join prompts p on p.engagement_id = s.engagement_id
    where not exists (
      select 1 from prompts q where q.engagement_id = s.engagement_id and q.kind = 'statements'
    )
    group by s.engagement_id
  `.execute(db);
  const at = new Date().toISOString();
  for (const row of rows) {
    await sql`
      insert into prompts
        (id, engagement_id, position, kind, question_plain, question_easy_read, influences, created_at)
      values (${uuidv7()}, ${row.engagement_id}, ${Number(row.next)}, 'statements',
        ${WORDING.question_plain}, ${WORDING.question_easy_read}, ${WORDING.influences}, ${at})
    `.execute(db);
  }
  await db.schema
    .createIndex('prompts_one_statements')
    .on('prompts')
    .column('engagement_id')
    .unique()
    .where(sql.ref('kind'), '=', sql.lit('statements'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('prompts_one_statements').execute();
}
