import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EQUALITY_QUESTIONS } from '../../analysis/reach/census-categories.ts';
import { AUDIT_KINDS } from '../../features/audit/audit.actions.ts';
import { PERSPECTIVES, PHASES } from '../../features/engagements/index.ts';
import { ORGANISATION_TYPES, ROLES } from '../../features/organisations/organisations.core.ts';
import { TRIAGE_STATES } from '../../features/sorting/sorting.core.ts';
import { CONTACT_ROUTES, WITHDRAWAL_REQUESTS } from '../../features/voices/index.ts';
import type { Params } from './i18n.ts';
import { catalogueKeys, catalogues, lookup, translator } from './i18n.ts';

const en = catalogues.en;
const SRC = resolve(import.meta.dirname, '../..');

/** Source files under src/, as [path relative to src, text]; tests are left out. */
function sources(extensions: string[], under = ''): [string, string][] {
  const root = join(SRC, under);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.some((ext) => file.endsWith(ext)) && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => [relative(SRC, join(root, file)), readFileSync(join(root, file), 'utf8')]);
}

/** Every first capture group of `pattern` in the files, as "key (where)" pairs. */
function keysIn(files: [string, string][], pattern: RegExp): { key: string; where: string }[] {
  return files.flatMap(([path, text]) =>
    [...text.matchAll(pattern)].flatMap((match) =>
      match[1] === undefined ? [] : [{ key: match[1], where: path }],
    ),
  );
}

const missingFrom = (found: { key: string; where: string }[]): string[] =>
  found
    .filter(({ key }) => lookup(en, key) === undefined)
    .map(({ key, where }) => `${key} (${where})`);

// t("a.b") or t('a.b') with a literal key, then params or the closing bracket.
const T_CALL = /\bt\(\s*["']([\w.]+)["']\s*[,)]/g;

describe('translator', () => {
  const t = translator('en');

  it('fills {name} from the params', () => {
    const template = lookup(en, 'home.staff.heading');
    expect(template).toContain('{name}');
    const text = t('home.staff.heading', { name: 'Ana Silva' });
    expect(text).toBe(template?.replace('{name}', 'Ana Silva'));
    expect(text).not.toContain('{name}');
  });

  it.each<{ key: string; params: Params }>([
    {
      key: 'home.staff.engagementParties',
      params: { council: 'Northshire Council', advocacy: 'NIA' },
    },
    { key: 'errors.tooManyRequests.body', params: { minutes: 15 } },
    { key: 'organisations.users.title', params: { name: 'Cara $& Lewis {name}' } },
  ])('fills every placeholder in $key', ({ key, params }) => {
    const template = lookup(en, key) ?? '';
    const text = t(key, params);
    for (const [name, value] of Object.entries(params)) {
      expect(template).toContain(`{${name}}`);
      expect(text).toContain(String(value));
    }
    // What is left once the values are taken out is the message's own words.
    let rest = text;
    for (const value of Object.values(params)) rest = rest.replace(String(value), '');
    let words = template;
    for (const name of Object.keys(params)) words = words.replace(`{${name}}`, '');
    expect(rest).toBe(words);
  });

  it('leaves a placeholder as it is when its param is not given', () => {
    expect(t('home.staff.heading')).toBe(lookup(en, 'home.staff.heading'));
    expect(t('home.staff.heading', { other: 'x' })).toContain('{name}');
  });

  it('gives a message with no placeholders unchanged', () => {
    expect(t('common.back', { name: 'x' })).toBe(lookup(en, 'common.back'));
  });

  it.each(['no.such.key', 'common.noSuchKey', 'errors.notFound', 'errors', ''])(
    'shows the missing key %j itself',
    (key) => {
      expect(t(key)).toBe(key);
    },
  );
});

describe('lookup', () => {
  it.each([
    { key: 'common.back', found: true },
    { key: 'errors.notFound.body', found: true },
    { key: 'errors.notFound', found: false },
    { key: 'errors.notFound.body.more', found: false },
    { key: 'nothing', found: false },
  ])('$key -> found: $found', ({ key, found }) => {
    expect(typeof lookup(en, key) === 'string').toBe(found);
  });
});

describe('the English catalogue', () => {
  it('has only non-empty strings at its leaves', () => {
    const keys = catalogueKeys(en);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => (lookup(en, key) ?? '').trim() === '')).toEqual([]);
  });

  it('has a title and a body for every error', () => {
    const errorKeys = catalogueKeys(en).filter((key) => /^errors\.\w+\.(title|body)$/.test(key));
    expect(errorKeys.length).toBeGreaterThan(0);
    const partner = (key: string) =>
      key.endsWith('.title') ? key.replace(/\.title$/, '.body') : key.replace(/\.body$/, '.title');
    expect(errorKeys.filter((key) => lookup(en, partner(key)) === undefined)).toEqual([]);
  });
});

describe('every key used in the code is in the English catalogue', () => {
  const code = sources(['.ts']);
  const templates = sources(['.njk']);

  it('literal t("...") keys in templates', () => {
    const found = keysIn(templates, T_CALL);
    expect(found.length).toBeGreaterThan(0);
    expect(missingFrom(found)).toEqual([]);
  });

  it('literal t("...") keys in TypeScript', () => {
    expect(code.length).toBeGreaterThan(0);
    expect(missingFrom(keysIn(code, T_CALL))).toEqual([]);
  });

  it('finds literal t() keys written with either quote, and skips built keys', () => {
    const sample: [string, string][] = [
      [
        'sample.njk',
        `{{ t("common.back") }} {{ t('service.name', { a: 1 }) }} {{ t("roles." + role) }} {{ t(key) }}`,
      ],
    ];
    expect(keysIn(sample, T_CALL).map(({ key }) => key)).toEqual(['common.back', 'service.name']);
  });

  it('validation.* message keys in schemas, services and routes', () => {
    const found = keysIn(code, /["'`](validation\.[\w.]+)["'`]/g);
    expect(found.length).toBeGreaterThan(0);
    expect(missingFrom(found)).toEqual([]);
  });

  it('errors.*.body keys in src/platform/http, and the title shown with each', () => {
    const found = keysIn(sources(['.ts'], 'platform/http'), /["'`](errors\.\w+\.body)["'`]/g);
    expect(found.length).toBeGreaterThan(0);
    expect(missingFrom(found)).toEqual([]);
    // The error page and problem+json show the matching .title as the heading.
    const titles = found.map(({ key, where }) => ({
      key: key.replace(/\.body$/, '.title'),
      where,
    }));
    expect(missingFrom(titles)).toEqual([]);
  });

  it('errors.* keys anywhere else in the code', () => {
    const found = keysIn(code, /["'`](errors\.[\w.]+)["'`]/g);
    expect(missingFrom(found)).toEqual([]);
  });

  it('demo.who.* keys describing the demo accounts', () => {
    const found = keysIn(sources(['demo.ts'], 'features/demo'), /["'`](demo\.who\.\w+)["'`]/g);
    expect(found.length).toBeGreaterThan(0);
    expect(missingFrom(found)).toEqual([]);
  });

  describe('keys the templates build from a value', () => {
    const CHECKED_PREFIXES = [
      'roles.',
      'roleHints.',
      'organisationTypes.',
      'phases.',
      'perspectives.',
      'contactRoutes.',
      'engagements.fields.',
      'engagements.hints.',
      'engagements.audiences.',
      'engagements.prompt.',
      'sorting.states.',
      'sorting.forms.reasonHint.',
      'sorting.queue.openHidden.',
      'auditTrail.kinds.',
      'reach.answers.',
      'reach.answers.age.',
      'reach.questions.',
      'voices.onRequest.asked.',
    ];

    it('are built only from prefixes whose every value is checked below', () => {
      const built = keysIn(templates, /\bt\(\s*["']([\w.]+\.)["']\s*\+/g);
      expect(built.length).toBeGreaterThan(0);
      const unchecked = built.filter(({ key }) => !CHECKED_PREFIXES.includes(key));
      expect(unchecked.map(({ key, where }) => `${key} (${where})`)).toEqual([]);
    });

    it.each(ROLES.flatMap((role) => [`roles.${role}`, `roleHints.${role}`]))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(ORGANISATION_TYPES.map((type) => `organisationTypes.${type}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(PHASES.map((phase) => `phases.${phase}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(PERSPECTIVES.map((perspective) => `perspectives.${perspective}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(['none', ...CONTACT_ROUTES].map((route) => `contactRoutes.${route}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    // Sorting: where a voice stands, each decision form's hint, and what each list's links open.
    it.each([
      ...TRIAGE_STATES.map((state) => `sorting.states.${state}`),
      ...['safeguarding', 'sort', 'campaign'].map((kind) => `sorting.forms.reasonHint.${kind}`),
      ...['flag', 'concern', 'casework', 'offTopic', 'record'].map(
        (list) => `sorting.queue.openHidden.${list}`,
      ),
    ])('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(AUDIT_KINDS.map((kind) => `auditTrail.kinds.${kind}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    it.each(WITHDRAWAL_REQUESTS.map((way) => `voices.onRequest.asked.${way}`))('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    // Equality monitoring: each question's words, and each of its census answers in plain words.
    it.each(
      EQUALITY_QUESTIONS.flatMap((question) => [
        ...(question.key === 'age' ? [] : [`reach.questions.${question.key}.legend`]),
        ...question.categories.map((category) => `reach.answers.${question.key}.${category.key}`),
      ]),
    )('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });

    // The engagement form's fields, their hints and the question form's fields, by name.
    const ENGAGEMENT_TEXT_FIELDS = [
      'title',
      'purposePlain',
      'purposeEasyRead',
      'openToInfluence',
      'alreadyDecided',
      'areas',
    ];
    it.each([
      ...ENGAGEMENT_TEXT_FIELDS.flatMap((field) => [
        `engagements.fields.${field}`,
        `engagements.hints.${field}`,
      ]),
      'engagements.fields.safeguardingLeadId',
      'engagements.fields.safeguardingDeputyId',
      ...PERSPECTIVES.map((perspective) => `engagements.audiences.${perspective}`),
      ...['questionPlain', 'questionEasyRead', 'influences'].flatMap((field) => [
        `engagements.prompt.${field}`,
        `engagements.prompt.${field}Hint`,
      ]),
    ])('%s', (key) => {
      expect(lookup(en, key)).toBeDefined();
    });
  });
});
