import { serve } from '../main.ts';
import type { Command } from './main.ts';

export const serveCommand: Command = {
  usage: 'serve',
  summary: 'Start the web server (SQLite databases are migrated, and the demo added, on start).',
  options: {},
  run: () => serve(),
};
