import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Translate } from '../i18n/i18n.ts';
import { formatDate } from '../dates.ts';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** Where templates are found: the shared layout, each feature's views, then govuk-frontend's. */
export const TEMPLATE_ROOTS = [
  here('.'),
  here('../../features'),
  here('../../../node_modules/govuk-frontend/dist'),
];

export function createViewEnvironment(t: Translate): nunjucks.Environment {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATE_ROOTS), {
    autoescape: true,
    throwOnUndefined: false,
  });
  environment.addGlobal('t', t);
  environment.addFilter('heardDate', formatDate);
  return environment;
}
