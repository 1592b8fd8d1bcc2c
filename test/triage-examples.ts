// The labelled examples for triage, read by the evaluation test and bench/triage-accuracy.ts.
// Written by the team for issue 6; no real person's words. examples.csv is the starter set the
// rules were shaped against (its hard_negative column marks voices that look like disclosures but
// are not; rows tri-461 on are short, empty and everyday answers written so the safeguarding model
// does not learn "nothing" or "she" as signs of a disclosure); unseen.csv, unseen-2.csv and
// unseen-3.csv were written apart from the rules and are never used to change them or the models,
// so they show how both do on words they have not seen.
import { readFileSync } from 'node:fs';
import {
  SAFEGUARDING_CATEGORIES,
  type SafeguardingCategory,
} from '../src/analysis/triage/safeguarding.ts';

export interface TriageExample {
  id: string;
  text: string;
  safeguarding: boolean;
  categories: SafeguardingCategory[];
  individualConcern: boolean;
  /** Looks like a disclosure but is not one (examples.csv only; false where the column is absent). */
  hardNegative: boolean;
}

// unseen-2.csv and unseen-3.csv are written by people who have not seen the rules; they may be absent.
export type ExampleSet = 'examples' | 'unseen' | 'unseen-2' | 'unseen-3';
// Columns are found by name, so a set may add columns (examples.csv has hard_negative).
const REQUIRED = ['id', 'text', 'safeguarding', 'categories', 'individual_concern'] as const;

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (quoted) {
      if (char === '"' && source.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const yesNo = (value: string | undefined, where: string): boolean => {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new Error(`${where}: expected yes or no, got ${String(value)}`);
};

const isCategory = (value: string): value is SafeguardingCategory =>
  (SAFEGUARDING_CATEGORIES as readonly string[]).includes(value);

export function triageExamplesFile(set: ExampleSet): URL {
  return new URL(`./fixtures/triage/${set}.csv`, import.meta.url);
}

export function loadTriageExamples(set: ExampleSet = 'examples'): TriageExample[] {
  const [header = [], ...rows] = parseCsv(readFileSync(triageExamplesFile(set), 'utf8'));
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new Error(`${set}.csv: header lacks ${missing.join(', ')}`);
  const column = (name: string) => header.indexOf(name);
  const hardNegativeColumn = column('hard_negative');
  return rows
    .filter((row) => row.some((field) => field !== ''))
    .map((row, index) => {
      const where = `${set}.csv line ${index + 2}`;
      const field = (name: (typeof REQUIRED)[number]) => row[column(name)];
      const id = field('id');
      const text = field('text');
      if (row.length !== header.length || !id || !text) {
        throw new Error(`${where}: expected ${header.length} fields with an id and text`);
      }
      const listed = (field('categories') ?? '').split(';').filter(Boolean);
      const unknown = listed.filter((category) => !isCategory(category));
      if (unknown.length > 0) throw new Error(`${where}: unknown category ${unknown.join(', ')}`);
      return {
        id,
        text,
        safeguarding: yesNo(field('safeguarding'), where),
        categories: listed.filter(isCategory),
        individualConcern: yesNo(field('individual_concern'), where),
        hardNegative: hardNegativeColumn >= 0 && yesNo(row[hardNegativeColumn], where),
      };
    });
}

export interface Accuracy {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of predictions against labels (each 1 when there is nothing to find). */
export function accuracy(pairs: readonly { predicted: boolean; actual: boolean }[]): Accuracy {
  const count = (predicted: boolean, actual: boolean) =>
    pairs.filter((pair) => pair.predicted === predicted && pair.actual === actual).length;
  const truePositives = count(true, true);
  const falsePositives = count(true, false);
  const falseNegatives = count(false, true);
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
