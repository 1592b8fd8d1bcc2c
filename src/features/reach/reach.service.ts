import {
  EQUALITY_QUESTIONS,
  type EqualityQuestion,
} from '../../analysis/reach/census-categories.ts';
import { type Cell, protectTable } from '../../analysis/reach/disclosure.ts';
import { type ReachRow, compareWithPopulation } from '../../analysis/reach/representation.ts';
import type { Deps } from '../../platform/deps.ts';
import { SMALLEST_SHOWN } from '../../platform/small-counts.ts';
import type { Engagement } from '../engagements/index.ts';
import { countEqualityAnswers } from './equality.repository.ts';
import { populationOf } from './population.repository.ts';

/** Where an area's figures came from: a Census 2021 table for one area. */
export interface PopulationSource {
  areaCode: string;
  areaName: string;
  censusDate: string;
}

/** One equality question: who said what, beside the area, as safe to publish. */
export interface ReachTable {
  question: EqualityQuestion;
  /** Each census category, in the census's order; counts under 5 hidden (see `protectTable`). */
  rows: (ReachRow & { census: string })[];
  /** People who answered with a census category; null where it would give a count away. */
  answered: number | null;
  population: PopulationSource | undefined;
}

export interface Reach {
  tables: ReachTable[];
  /** Categories where, for certain, fewer than half the people expected have been heard. */
  fewerThanExpected: { question: EqualityQuestion; census: string }[];
  /** Whether any census figures for the area are held. */
  comparable: boolean;
}

/**
 * Who an engagement has heard from, by the equality monitoring answers people chose to give,
 * beside the council area's Census 2021 population where the council has imported it. Everyone
 * sees the same protected figures, the advocacy organisation included: equality data is used
 * only in aggregate. "Prefer not to say" and unanswered questions are left out of every table,
 * and no figure is shown from which they, or a hidden count, could be worked out.
 */
export async function reachOf(deps: Deps, engagement: Engagement): Promise<Reach> {
  const [counts, population] = await Promise.all([
    countEqualityAnswers(deps.db, engagement.id),
    populationOf(deps.db, engagement.commissioningOrganisationId),
  ]);
  const tables = EQUALITY_QUESTIONS.map((question): ReachTable => {
    const cells: Cell[] = question.categories.map((category) => ({
      key: category.key,
      count:
        counts.find((row) => row.question === question.key && row.answer === category.key)
          ?.people ?? 0,
    }));
    const protectedTable = protectTable(cells, SMALLEST_SHOWN);
    const area = population.get(question.key);
    const rows = compareWithPopulation(protectedTable, area?.counts, SMALLEST_SHOWN).map(
      (row, index) => ({ ...row, census: question.categories[index]?.census ?? row.key }),
    );
    return {
      question,
      rows,
      answered: protectedTable.total,
      population: area && {
        areaCode: area.areaCode,
        areaName: area.areaName,
        censusDate: area.censusDate,
      },
    };
  });
  return {
    tables,
    fewerThanExpected: tables.flatMap((table) =>
      table.rows
        .filter((row) => row.fewerThanExpected)
        .map((row) => ({ question: table.question, census: row.census })),
    ),
    comparable: tables.some((table) => table.population !== undefined),
  };
}
