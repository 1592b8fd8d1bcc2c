import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { usersAddCommand } from './users-add.ts';

export interface Command {
  usage: string;
  summary: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run(values: Record<string, string | boolean | string[] | undefined>): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  'users add': usersAddCommand,
};

function overview(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  heard ${name.padEnd(10)} ${c.summary}`,
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
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.slice(name.split(' ').length),
      options: { ...command.options, help: { type: 'boolean' } },
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
    await command.run(values);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

/** A mistake in how a command was called: shown to the person, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
