import type { Db } from '../../platform/db/database.ts';
import {
  EQUALITY_QUESTIONS,
  type EqualityQuestionKey,
} from '../../analysis/reach/census-categories.ts';
import type { Cell } from '../../analysis/reach/disclosure.ts';
import type { CensusArea } from '../../analysis/reach/nomis.ts';

// Population baselines: who lives in a council's area, by census category, one area per question.
// Counts of the whole population from a public file, so nothing here is about a person.

export interface Population {
  areaCode: string;
  areaName: string;
  censusDate: string;
  /** In the question's category order. */
  counts: Cell[];
}

/** The council's population for one question, replacing any held before. Run in a transaction. */
export async function replacePopulation(
  db: Db,
  organisationId: string,
  question: EqualityQuestionKey,
  area: CensusArea,
  importedById: string,
  at: string,
): Promise<void> {
  await db
    .deleteFrom('population_baselines')
    .where('organisation_id', '=', organisationId)
    .where('question', '=', question)
    .execute();
  if (area.counts.length === 0) return;
  await db
    .insertInto('population_baselines')
    .values(
      area.counts.map((cell) => ({
        organisation_id: organisationId,
        question,
        category: cell.key,
        people: cell.count,
        area_code: area.code,
        area_name: area.geography,
        census_date: area.date,
        imported_by_id: importedById,
        imported_at: at,
      })),
    )
    .execute();
}

/**
 * The council's population for each question it has one for, in the order Heard asks the
 * questions. A category Heard no longer has is left out.
 */
export async function populationOf(
  db: Db,
  organisationId: string,
): Promise<Map<EqualityQuestionKey, Population>> {
  const rows = await db
    .selectFrom('population_baselines')
    .select(['question', 'category', 'people', 'area_code', 'area_name', 'census_date'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const population = new Map<EqualityQuestionKey, Population>();
  for (const question of EQUALITY_QUESTIONS) {
    const held = rows.filter((row) => row.question === question.key);
    const [first] = held;
    if (first === undefined) continue;
    const people = new Map(held.map((row) => [row.category, row.people]));
    population.set(question.key, {
      areaCode: first.area_code,
      areaName: first.area_name,
      censusDate: first.census_date,
      counts: question.categories.flatMap((category) => {
        const count = people.get(category.key);
        return count === undefined ? [] : [{ key: category.key, count }];
      }),
    });
  }
  return population;
}
