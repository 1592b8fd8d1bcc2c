import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Translate } from '../i18n/i18n.ts';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** Where templates are found: the shared layout, each feature's views, then govuk-frontend's. */
export const TEMPLATE_ROOTS = [
  here('.'),
  here('../../features'),
  here('../../../node_modules/govuk-frontend/dist'),
];

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "2027-03-27" or an ISO timestamp, as "27 March 2027" (GOV.UK style); anything else as it is. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : DATE_FORMAT.format(date);
}

export function createViewEnvironment(t: Translate): nunjucks.Environment {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATE_ROOTS), {
    autoescape: true,
    throwOnUndefined: false,
  });
  environment.addGlobal('t', t);
  environment.addFilter('heardDate', formatDate);
  return environment;
}
