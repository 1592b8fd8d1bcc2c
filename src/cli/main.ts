import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { UsageError } from './usage-error.ts';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  /** Whether the command takes arguments besides its options (such as a folder). */
  positionals?: boolean;
  /** Loaded only when the command runs, so `--help` is quick. */
  load: () => Promise<{ run: (values: OptionValues, positionals: string[]) => Promise<void> }>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'serve',
    summary: 'Start the web server (SQLite databases are migrated, and the demo added, on start).',
    options: {},
    load: () => import('./serve.ts'),
  },
  migrate: {
    usage: 'migrate',
    summary: 'Bring the database (DATABASE_URL, or the SQLite file) up to the latest schema.',
    options: {},
    load: () => import('./migrate.ts'),
  },
  seed: {
    usage: 'seed --demo',
    summary: 'Add the demo organisations, accounts and engagement to an empty database.',
    options: { demo: { type: 'boolean' } },
    load: () => import('./seed.ts'),
  },
  'users add': {
    usage:
      'users add --email EMAIL --name NAME (--platform-admin | --organisation NAME_OR_ID --role ROLE [--role ROLE]) [--password-stdin]',
    summary:
      'Add a user. Without --password-stdin a strong password is made and printed once. Roles: admin, lead, advocate, decision_maker, officer.',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string', multiple: true },
      'platform-admin': { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
    },
    load: () => import('./users-add.ts'),
  },
  'import polis': {
    usage: 'import polis FOLDER --engagement ID [--perspective PERSPECTIVE]',
    summary:
      'Import a Polis export folder (comments.csv, and votes.csv or participants-votes.csv) into a draft or listening engagement, all or nothing. People get --perspective (default community_member).',
    options: { engagement: { type: 'string' }, perspective: { type: 'string' } },
    positionals: true,
    load: () => import('./import-polis.ts'),
  },
  'import voices': {
    usage:
      'import voices FILE.csv --engagement ID --prompt ID --text-column NAME --by EMAIL (--consent-column NAME | --all-consented) [--quote-column NAME] [--perspective PERSPECTIVE | --perspective-column NAME] [--id-column NAME]',
    summary:
      "Import paper forms or another survey's answers (one voice a row, each its own person, consent given in writing) into an open question of a listening engagement, all or nothing. --by is the lead or advocate importing. Consent to use comes from --consent-column (yes, y, true or 1) or --all-consented; to quote only from --quote-column. Rows already imported (by --id-column, or text and line) are skipped.",
    options: {
      engagement: { type: 'string' },
      prompt: { type: 'string' },
      'text-column': { type: 'string' },
      by: { type: 'string' },
      'consent-column': { type: 'string' },
      'all-consented': { type: 'boolean' },
      'quote-column': { type: 'string' },
      perspective: { type: 'string' },
      'perspective-column': { type: 'string' },
      'id-column': { type: 'string' },
    },
    positionals: true,
    load: () => import('./import-voices.ts'),
  },
  'export polis': {
    usage: 'export polis --engagement ID FOLDER',
    summary:
      "Write an engagement's statements and votes as Polis's comments.csv, votes.csv and participants-votes.csv (pseudonymous ids only) into FOLDER.",
    options: { engagement: { type: 'string' } },
    positionals: true,
    load: () => import('./export-polis.ts'),
  },
  backup: {
    usage: 'backup FILE',
    summary:
      'Copy the SQLite database, whole and consistent, to FILE (a new file, readable only by you), even while Heard is running. For PostgreSQL use pg_dump.',
    options: {},
    positionals: true,
    load: () => import('./backup.ts'),
  },
  'analyse polis': {
    usage: 'analyse polis FOLDER [--json]',
    summary:
      'Find opinion groups, representative and consensus statements in a Polis export folder (comments.csv, and votes.csv or participants-votes.csv). No database needed; --json prints one JSON object.',
    options: { json: { type: 'boolean' } },
    positionals: true,
    load: () => import('./analyse-polis.ts'),
  },
  'analyse triage': {
    usage: 'analyse triage FILE.csv --text-column NAME --id-column NAME [--json]',
    summary:
      'Sort a spreadsheet of voices: possible safeguarding disclosures, suggested individual concerns, campaigns of near-copies. No database needed; --json prints one JSON object.',
    options: {
      'text-column': { type: 'string' },
      'id-column': { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: true,
    load: () => import('./analyse-triage.ts'),
  },
  'analyse themes': {
    usage:
      'analyse themes FILE.csv --text-column NAME --id-column NAME [--coded CODED.csv] [--consent-column NAME] [--json]',
    summary:
      'Draft themes with key phrases and quotes from a spreadsheet of voices, or with --coded (a CSV of id,theme) map every voice to the themes coded by hand. Quotes only where --consent-column says yes. No database needed; --json prints one JSON object.',
    options: {
      'text-column': { type: 'string' },
      'id-column': { type: 'string' },
      coded: { type: 'string' },
      'consent-column': { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: true,
    load: () => import('./analyse-themes.ts'),
  },
};

function overview(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  heard ${name.padEnd(14)} ${c.summary}`,
  );
  return `Usage: heard <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun heard <command> --help for a command's options.`;
}

function help(name: string, command: Command): string {
  const options = Object.entries(command.options ?? {}).map(
    ([option, spec]) => `  --${option}${spec.type === 'string' ? ' <value>' : ''}`,
  );
  return `Usage: heard ${command.usage}\n\n${command.summary}\n\nOptions:\n${[...options, '  --help'].join('\n')}`;
}

/** `heard <command> [options]`: finds the command (one or two words), checks its options, runs it. */
export async function main(argv: string[]): Promise<number> {
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find(
    (candidate) => candidate in COMMANDS,
  );
  const command = name === undefined ? undefined : COMMANDS[name];
  if (name === undefined || command === undefined) {
    const asked = argv[0] === undefined || argv[0] === '--help' || argv[0] === 'help';
    (asked ? console.log : console.error)(overview());
    return asked ? 0 : 2;
  }
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.slice(name.split(' ').length),
      options: { ...command.options, help: { type: 'boolean' } },
      allowPositionals: command.positionals === true,
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help(name, command)}`);
    return 2;
  }
  if (values.help === true) {
    console.log(help(name, command));
    return 0;
  }
  try {
    const { run } = await command.load();
    await run(values, positionals);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}
