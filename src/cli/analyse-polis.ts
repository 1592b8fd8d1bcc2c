import { existsSync, statSync } from 'node:fs';
import { analyseOpinions, type OpinionMap } from '../analysis/opinion/analyse.ts';
import { CsvError } from '../platform/csv.ts';
import type { OptionValues } from './main.ts';
import { readPolisFolder, type PolisFolder } from './polis-folder.ts';
import { UsageError } from './usage-error.ts';

function asJson(map: OpinionMap): string {
  return JSON.stringify({
    groups: map.groups,
    repness: map.repness,
    consensus: map.consensus,
    groupAwareConsensus: Object.fromEntries(map.groupAwareConsensus),
  });
}

function asText(map: OpinionMap, folder: PolisFolder): string {
  const quote = (id: string): string =>
    `  [${id}] ${folder.text.get(id) ?? '(no text in comments.csv)'}`;
  const lines = [
    `${map.participants.length} participants, ${map.statements.length} statements voted on.`,
  ];
  lines.push(`${map.groups.length} opinion ${map.groups.length === 1 ? 'group' : 'groups'}.`);
  for (const group of map.groups) {
    lines.push('', `Group ${group.id}: ${group.members.length} people`);
    lines.push('Representative statements:');
    for (const r of map.repness[String(group.id)] ?? []) {
      lines.push(
        `${quote(r.statement)} (${r.direction === 'agree' ? 'agreed more' : 'disagreed more'})`,
      );
    }
  }
  lines.push('', 'Most people agreed:');
  lines.push(...(map.consensus.agree.length === 0 ? ['  (none)'] : map.consensus.agree.map(quote)));
  lines.push('', 'Most people disagreed:');
  lines.push(
    ...(map.consensus.disagree.length === 0 ? ['  (none)'] : map.consensus.disagree.map(quote)),
  );
  return lines.join('\n');
}

/** `heard analyse polis FOLDER [--json]`: the opinion map of a Polis export, with no database. */
export function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [folder, ...extra] = positionals;
  if (folder === undefined || extra.length > 0)
    throw new UsageError('Give one folder: heard analyse polis FOLDER [--json]');
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`${folder}: no such folder`);
  let data: PolisFolder;
  try {
    data = readPolisFolder(folder);
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(error.message);
    throw error;
  }
  console.error(`Read ${data.votes.length} votes from ${data.votesFile}.`);
  const map = analyseOpinions(data.votes, data.statements);
  console.log(values.json === true ? asJson(map) : asText(map, data));
  return Promise.resolve();
}
