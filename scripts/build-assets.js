// Builds Heard's stylesheet from govuk-frontend's Sass. Runs on `npm install` / `npm ci`
// (the prepare script), so `npm start` has nothing to build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const result = sass.compile(`${root}src/platform/views/assets/heard.scss`, {
  loadPaths: [`${root}node_modules`],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div'],
});
mkdirSync(`${root}public/build`, { recursive: true });
writeFileSync(`${root}public/build/heard.css`, result.css);
console.log(`Built public/build/heard.css in ${Date.now() - started} ms`);
