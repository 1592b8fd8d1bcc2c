import en from './en.json' with { type: 'json' };

export type Locale = 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

type Catalogue = { [key: string]: string | Catalogue };

const catalogues: Record<Locale, Catalogue> = { en };

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
