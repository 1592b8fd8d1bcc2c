// Finding rule phrases in a voice as written: case and apostrophes folded without changing the
// length of the text, so every match keeps offsets into the person's own words.

export interface Found {
  phrase: string;
  start: number;
  end: number;
}

/**
 * Lower case, curly quotes as straight ones. Character by character, so a letter whose lower
 * case is longer than one unit (rare) stays as it is and offsets still line up.
 */
export function foldText(text: string): string {
  let folded = '';
  for (const char of text) {
    if (char === '\u2019' || char === '\u2018' || char === '`') {
      folded += "'";
      continue;
    }
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? lower : char;
  }
  return folded;
}

/** Compiles rule sources once: whole words, case folded by foldText, every occurrence. */
export function compileRules(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, 'g'));
}

/** Every occurrence of any rule in already folded text; `original` supplies the phrase. */
export function findAll(folded: string, original: string, rules: readonly RegExp[]): Found[] {
  const found: Found[] = [];
  for (const rule of rules) {
    rule.lastIndex = 0;
    for (const match of folded.matchAll(rule)) {
      const start = match.index;
      const end = start + match[0].length;
      found.push({ phrase: original.slice(start, end), start, end });
    }
  }
  return found;
}
