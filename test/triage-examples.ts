// The labelled examples for triage, read by the evaluation test and bench/triage-accuracy.ts.
// Written by the team for issue 6; no real person's words. examples.csv is the starter set the
// rules were shaped against; unseen.csv was written after the rules were frozen and is never
// used to change them, so it shows how the rules do on words they have not seen.
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
}

export type ExampleSet = 'examples' | 'unseen';
const HEADER = ['id', 'text', 'safeguarding', 'categories', 'individual_concern'];

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

export function loadTriageExamples(set: ExampleSet = 'examples'): TriageExample[] {
  const file = new URL(`./fixtures/triage/${set}.csv`, import.meta.url);
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  if (header?.join(',') !== HEADER.join(',')) {
    throw new Error(`${set}.csv: header must be ${HEADER.join(',')}`);
  }
  return rows.map((row, index) => {
    const where = `${set}.csv line ${index + 2}`;
    const [id, text, safeguarding, categories, concern] = row;
    if (row.length !== HEADER.length || !id || !text) {
      throw new Error(`${where}: expected ${HEADER.length} fields with an id and text`);
    }
    const listed = (categories ?? '').split(';').filter(Boolean);
    const unknown = listed.filter((category) => !isCategory(category));
    if (unknown.length > 0) throw new Error(`${where}: unknown category ${unknown.join(', ')}`);
    return {
      id,
      text,
      safeguarding: yesNo(safeguarding, where),
      categories: listed.filter(isCategory),
      individualConcern: yesNo(concern, where),
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
