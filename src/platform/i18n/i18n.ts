import { readFileSync, readdirSync } from 'node:fs';

export type Locale = 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

type Catalogue = { [key: string]: string | Catalogue };

/** Adds one catalogue file's messages; two files may not define the same key. */
function merge(into: Catalogue, from: Catalogue, file: string, path = ''): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'string' || existing === undefined) {
      if (existing !== undefined) throw new Error(`${file}: ${path}${key} is defined twice`);
      into[key] = value;
    } else if (typeof existing === 'string') {
      throw new Error(`${file}: ${path}${key} is defined twice`);
    } else {
      merge(existing, value, file, `${path}${key}.`);
    }
  }
}

/**
 * A locale's catalogue is every JSON file in its folder (en/common.json, en/participation.json,
 * …), so each feature keeps its words in a file of its own.
 */
function loadCatalogue(locale: Locale): Catalogue {
  const folder = new URL(`./${locale}/`, import.meta.url);
  const catalogue: Catalogue = {};
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    merge(catalogue, JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Catalogue, file);
  }
  return catalogue;
}

const catalogues: Record<Locale, Catalogue> = { en: loadCatalogue('en') };

/** Looks a dotted key up in a catalogue; undefined when it is missing or not a string. */
export function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Every dotted key in a catalogue, for tests that keep languages and code in step. */
export function catalogueKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : catalogueKeys(value, `${prefix}${key}.`),
  );
}

/**
 * A translator for one locale. `{name}` in a message is replaced by params.name. A missing key
 * shows the key itself, so a gap is visible rather than blank; a test keeps the catalogue whole.
 */
export function translator(locale: Locale = 'en'): Translate {
  const catalogue = catalogues[locale];
  return (key, params = {}) => {
    const message = lookup(catalogue, key) ?? key;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

export { catalogues };
