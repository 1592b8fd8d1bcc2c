import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, catalogues, lookup } from '../../platform/i18n/i18n.ts';

// The shared catalogue test checks t("...") calls and validation.* keys; the message keys these
// two features keep in their own namespaces (in schemas, services and routes) are checked here.
const FEATURES = ['sessions', 'voices'].map((name) => join(import.meta.dirname, '..', name));
const KEY = /["'`]((?:sessions|voices)\.[\w.]+)["'`]/g;

const sources = FEATURES.flatMap((folder) =>
  readdirSync(folder)
    // Repositories name SQL columns ("voices.id"), not messages.
    .filter(
      (file) =>
        file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.repository.ts'),
    )
    .map((file) => [file, readFileSync(join(folder, file), 'utf8')] as const),
);

describe('message keys of sessions and voices', () => {
  const found = sources.flatMap(([file, text]) =>
    [...text.matchAll(KEY)].flatMap((match) =>
      match[1] === undefined ? [] : [{ file, key: match[1] }],
    ),
  );

  it('are found in the code', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it('are all in the English catalogue', () => {
    const keys = catalogueKeys(catalogues.en);
    // A prefix (labelsFor(t, 'sessions.kinds', …)) must hold keys; its values are checked in
    // sessions.labels.test.ts.
    const missing = found.filter(
      ({ key }) =>
        lookup(catalogues.en, key) === undefined && !keys.some((k) => k.startsWith(`${key}.`)),
    );
    expect(missing.map(({ file, key }) => `${key} (${file})`)).toEqual([]);
  });
});
