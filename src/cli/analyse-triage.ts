import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  sortingVersions,
  type SortedVoices,
  type VoiceToSort,
  sortVoices,
} from '../analysis/triage/sort-voices.ts';
import { CsvError, csvTable, parseCsv } from '../platform/csv.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';

const USAGE = 'heard analyse triage FILE.csv --text-column NAME --id-column NAME [--json]';

/** The voices of a CSV file, ids exactly as written; every id present and given once. */
function readVoices(file: string, textColumn: string, idColumn: string): VoiceToSort[] {
  const table = csvTable(parseCsv(readFileSync(file), file), file, [idColumn, textColumn]);
  const lineOf = new Map<string, number>();
  return table.rows.map((row) => {
    const id = row.get(idColumn);
    if (id === '') throw new CsvError(file, row.line, `no id in column "${idColumn}"`);
    const earlier = lineOf.get(id);
    if (earlier !== undefined)
      throw new CsvError(file, row.line, `the id "${id}" is also on line ${earlier}`);
    lineOf.set(id, row.line);
    return { id, text: row.get(textColumn) };
  });
}

function asJson(file: string, sorted: SortedVoices): string {
  return JSON.stringify({
    file,
    versions: sortingVersions(),
    items: sorted.items,
    campaigns: sorted.campaigns.map((group) => ({
      id: group.id,
      count: group.members.length,
      variants: group.variants,
      members: group.members,
      representative: group.representative,
    })),
  });
}

// Ids only: a summary read over someone's shoulder or kept in a terminal log shows no one's words.
function asText(sorted: SortedVoices): string {
  const { items, campaigns } = sorted;
  const flagged = items.filter((item) => item.safeguarding);
  const concerns = items.filter((item) => item.concern);
  const lines = [`${items.length} ${items.length === 1 ? 'voice' : 'voices'} sorted.`, ''];
  lines.push(
    `Possible safeguarding disclosures, for the safeguarding lead now: ${flagged.length}`,
    ...flagged.map((item) => `  [${item.id}] ${item.safeguardingCategories.join(', ')}`),
    '',
    `Suggested individual concerns, for an advocate to confirm: ${concerns.length}`,
    ...concerns.map((item) => `  [${item.id}]`),
    '',
    `Campaigns (near-copies, each shown as one voice): ${campaigns.length}`,
  );
  for (const group of campaigns) {
    const variants = `${group.variants} ${group.variants === 1 ? 'variant' : 'variants'}`;
    lines.push(
      `  ${group.id}: ${group.members.length} voices, ${variants}, shown as [${group.representative.id}]`,
    );
  }
  return lines.join('\n');
}

/** `heard analyse triage FILE --text-column NAME --id-column NAME [--json]`, with no database. */
export function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  const textColumn = values['text-column'];
  const idColumn = values['id-column'];
  if (file === undefined || extra.length > 0) throw new UsageError(`Give one CSV file: ${USAGE}`);
  if (typeof textColumn !== 'string' || typeof idColumn !== 'string')
    throw new UsageError(`Name the text and id columns: ${USAGE}`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
  let voices: VoiceToSort[];
  try {
    voices = readVoices(file, textColumn, idColumn);
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(error.message);
    throw error;
  }
  console.error(`Read ${voices.length} voices from ${file}.`);
  const sorted = sortVoices(voices);
  console.log(values.json === true ? asJson(file, sorted) : asText(sorted));
  return Promise.resolve();
}
