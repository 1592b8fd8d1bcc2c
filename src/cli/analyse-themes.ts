import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  type DraftedThemes,
  type MappedThemes,
  type Theme,
  type ThemeAssignment,
  type ThemeProgress,
  type Voice,
  draftThemes,
  mapToThemes,
} from '../analysis/text/themes.ts';
import { ConfigError, loadThemesProvider } from '../config.ts';
import { askHelper, compareVoices, providerLines } from '../features/themes/themes.provider.ts';
import type { ProviderRecord } from '../features/themes/themes.snapshot.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { type Provider, provider } from '../platform/provider/provider.ts';
import { CsvError, csvTable, parseCsv } from '../platform/csv.ts';
import { loadSentenceEncoder } from '../platform/sentence-encoder/sentence-encoder.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';

const USAGE =
  'heard analyse themes FILE.csv --text-column NAME --id-column NAME [--coded CODED.csv] [--consent-column NAME] [--json]';

/** The voices of a CSV file, ids exactly as written; every id present and given once. */
function readVoices(
  file: string,
  textColumn: string,
  idColumn: string,
  consentColumn: string | undefined,
): Voice[] {
  const required = [idColumn, textColumn, ...(consentColumn === undefined ? [] : [consentColumn])];
  const table = csvTable(parseCsv(readFileSync(file), file), file, required);
  if (table.rows.length === 0) throw new CsvError(file, 2, 'no voices below the header row');
  const lineOf = new Map<string, number>();
  return table.rows.map((row) => {
    const id = row.get(idColumn);
    if (id === '') throw new CsvError(file, row.line, `no id in column "${idColumn}"`);
    const earlier = lineOf.get(id);
    if (earlier !== undefined)
      throw new CsvError(file, row.line, `the id "${id}" is also on line ${earlier}`);
    lineOf.set(id, row.line);
    const quotable =
      consentColumn === undefined || row.get(consentColumn).trim().toLowerCase() === 'yes';
    return { id, text: row.get(textColumn), quotable };
  });
}

/** Hand-coded themes by voice id, from a CSV of `id,theme` (one row per voice and theme). */
function readCoded(
  file: string,
  voicesFile: string,
  voices: readonly Voice[],
): Map<string, string[]> {
  const table = csvTable(parseCsv(readFileSync(file), file), file, ['id', 'theme']);
  if (table.rows.length === 0) throw new CsvError(file, 2, 'no coded voices below the header row');
  const known = new Set(voices.map((voice) => voice.id));
  const coded = new Map<string, string[]>();
  for (const row of table.rows) {
    const id = row.get('id');
    const theme = row.get('theme').trim();
    if (!known.has(id))
      throw new CsvError(file, row.line, `the id "${id}" is not in ${voicesFile}`);
    if (theme === '') throw new CsvError(file, row.line, 'no theme in column "theme"');
    const themes = coded.get(id) ?? [];
    if (!themes.includes(theme)) themes.push(theme);
    coded.set(id, themes);
  }
  return coded;
}

const STAGES = {
  reading: 'Reading voices',
  vectors: 'Comparing voices',
  themes: 'Finding themes',
  quotes: 'Choosing quotes',
};

/** A progress bar on a terminal; elsewhere (a log file, a pipe) one line as each stage starts. */
function progressOnStderr(): ThemeProgress {
  const terminal = process.stderr.isTTY;
  let lastStage = '';
  return (stage, done, total) => {
    if (terminal) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      process.stderr.write(
        `\r${STAGES[stage].padEnd(18)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`,
      );
      if (done === total) process.stderr.write('\n');
    } else if (stage !== lastStage) {
      process.stderr.write(`${STAGES[stage]}…\n`);
    }
    lastStage = stage;
  };
}

function assignmentsJson(assignments: readonly ThemeAssignment[]): unknown[] {
  return assignments.map((assignment) => ({
    id: assignment.id,
    themes: assignment.themes.map((theme) => theme.theme),
    confidence: assignment.themes.map((theme) => theme.confidence),
  }));
}

/** A theme as written out: the helper service's summary with it, when it made one. */
type ThemeOut = Theme & { summary?: string };

function themesJson(themes: readonly ThemeOut[]): unknown[] {
  return themes.map((theme) => ({
    id: theme.id,
    label: theme.label,
    ...(theme.summary === undefined ? {} : { summary: theme.summary }),
    keyPhrases: theme.keyPhrases,
    voices: theme.voices,
    quotes: theme.quotes,
  }));
}

/** The helper service when THEMES_PROVIDER_URL is set; a plain message when a setting is wrong. */
function helperFromEnvironment(): Provider | undefined {
  try {
    const config = loadThemesProvider();
    return config && provider(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Drafted themes named by the helper service (labels, summaries, quotes checked against the
 * rows that may be quoted); mapped themes keep exactly the coded names.
 */
async function withHelper(
  helper: Provider,
  compared: Awaited<ReturnType<typeof compareVoices>>,
  voices: readonly Voice[],
  result: DraftedThemes | MappedThemes,
  drafted: boolean,
  onProgress: ThemeProgress,
): Promise<{ themes: ThemeOut[]; record: ProviderRecord }> {
  const themes = drafted ? result.themes : [];
  const members = new Map<string, string[]>();
  for (const assignment of result.assignments) {
    const main = assignment.themes[0]?.theme;
    if (main !== undefined) members.set(main, [...(members.get(main) ?? []), assignment.id]);
  }
  const { named, record } = await askHelper(
    helper,
    themes.map((theme) => ({
      keyPhrases: theme.keyPhrases,
      members: members.get(theme.id) ?? [],
      quotes: theme.quotes,
    })),
    voices.map((voice) => ({ ...voice, concern: false })),
    compared,
    (done, total) => onProgress('quotes', done, total),
  );
  return {
    themes: result.themes.map((theme, i): ThemeOut => {
      const answer = named[i];
      if (answer === undefined) return theme;
      return {
        ...theme,
        label: answer.label ?? theme.label,
        ...(answer.summary === undefined ? {} : { summary: answer.summary }),
        quotes: answer.quotes,
      };
    }),
    record,
  };
}

function asText(
  result: DraftedThemes | MappedThemes,
  themes: readonly ThemeOut[],
  drafted: boolean,
): string {
  const count = result.assignments.length;
  const unplaced = result.assignments.filter((a) => a.themes.length === 0).length;
  const lines = [
    drafted
      ? `${themes.length} draft ${themes.length === 1 ? 'theme' : 'themes'} from ${count} voices.`
      : `${count} voices mapped to ${themes.length} coded themes.`,
  ];
  if (unplaced > 0) lines.push(`${unplaced} voices have no words to go on and are in no theme.`);
  for (const theme of themes) {
    lines.push('', `${theme.id}: ${theme.label} (${theme.voices} voices)`);
    if (theme.summary !== undefined) lines.push(`  Summary (helper service): ${theme.summary}`);
    if (theme.keyPhrases.length > 0) lines.push(`  Key phrases: ${theme.keyPhrases.join('; ')}`);
    for (const quote of theme.quotes) lines.push(`  [${quote.id}] "${quote.text}"`);
  }
  if ('uncertainty' in result && result.uncertainty.length > 0) {
    const next = result.uncertainty.slice(0, 10).map((voice) => `[${voice.id}]`);
    lines.push('', `Code these next (the machine is least sure of them): ${next.join(' ')}`);
  }
  lines.push('', 'Each voice’s themes: run again with --json.');
  return lines.join('\n');
}

/**
 * `heard analyse themes FILE …`: draft themes, or map voices to hand-coded ones; no database.
 * With THEMES_PROVIDER_URL set, the helper service helps (and is told the voices' words).
 */
export async function run(values: OptionValues, positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  const textColumn = values['text-column'];
  const idColumn = values['id-column'];
  const codedFile = values.coded;
  const consentColumn = values['consent-column'];
  if (file === undefined || extra.length > 0) throw new UsageError(`Give one CSV file: ${USAGE}`);
  if (typeof textColumn !== 'string' || typeof idColumn !== 'string')
    throw new UsageError(`Name the text and id columns: ${USAGE}`);
  for (const path of [file, ...(typeof codedFile === 'string' ? [codedFile] : [])]) {
    if (!existsSync(path) || !statSync(path).isFile())
      throw new UsageError(`${path}: no such file`);
  }
  let voices: Voice[];
  let coded: Map<string, string[]> | undefined;
  try {
    voices = readVoices(
      file,
      textColumn,
      idColumn,
      typeof consentColumn === 'string' ? consentColumn : undefined,
    );
    coded = typeof codedFile === 'string' ? readCoded(codedFile, file, voices) : undefined;
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(error.message);
    throw error;
  }
  console.error(`Read ${voices.length} voices from ${file}.`);
  const helper = helperFromEnvironment();
  if (helper !== undefined)
    console.error(`Using the helper service at ${helper.host}: the voices' words are sent to it.`);
  const onProgress = progressOnStderr();
  const compared =
    helper &&
    (await compareVoices(helper, voices, (done, total) => onProgress('vectors', done, total)));
  const result =
    coded === undefined
      ? await draftThemes(
          voices,
          { onProgress, sentenceEncoder: await loadSentenceEncoder() },
          compared?.given,
        )
      : await mapToThemes(voices, coded, { onProgress }, compared?.given);
  const helped =
    helper &&
    compared &&
    (await withHelper(helper, compared, voices, result, coded === undefined, onProgress));
  for (const line of providerLines(translator('en'), helped?.record)) console.error(line);
  const themes = helped?.themes ?? result.themes;
  if (values.json === true) {
    console.log(
      JSON.stringify({
        file,
        version: result.version,
        ...(helped === undefined ? {} : { helper: helped.record }),
        themes: themesJson(themes),
        assignments: assignmentsJson(result.assignments),
        ...('uncertainty' in result
          ? { uncertainty: result.uncertainty }
          : { themeCounts: result.trials }),
      }),
    );
  } else {
    console.log(asText(result, themes, coded === undefined));
  }
}
