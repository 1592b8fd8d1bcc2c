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

/**
 * The same for rules written in any script: whole words by Unicode letters and digits, so a word
 * in Arabic or Polish is not found inside a longer one.
 */
export function compileUnicodeRules(sources: readonly string[]): RegExp[] {
  return sources.map(
    (source) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu'),
  );
}

// One pattern per list of rules (and per set of flags in it) that matches wherever any of its
// rules does: each rule carries its own word boundaries, and a failed alternative backtracks to
// the next, so it says exactly whether a voice holds any of them. Most voices hold none, and one
// pass over a voice costs far less than one per rule.
const anyRuleOf = new WeakMap<readonly RegExp[], RegExp[]>();

function anyRule(rules: readonly RegExp[]): RegExp[] {
  let patterns = anyRuleOf.get(rules);
  if (patterns === undefined) {
    const byFlags = new Map<string, string[]>();
    for (const rule of rules) {
      const flags = rule.flags.replace('g', '');
      byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${rule.source})`]);
    }
    patterns = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
    anyRuleOf.set(rules, patterns);
  }
  return patterns;
}

/** Every occurrence of any rule in already folded text; `original` supplies the phrase. */
export function findAll(folded: string, original: string, rules: readonly RegExp[]): Found[] {
  if (!anyRule(rules).some((pattern) => pattern.test(folded))) return [];
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

/** True when `a` becomes `b` by one letter missing, added or changed, or two next to each other swapped. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [first, second] = diffs;
    return (
      diffs.length === 2 &&
      first !== undefined &&
      second === first + 1 &&
      a[first] === b[second] &&
      a[second] === b[first]
    );
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return shorter.slice(i) === longer.slice(i + 1);
}

/**
 * Words of at least `minLength` letters that are one slip from a word of `lexicon` ("bruses",
 * "sucide"), unless they are real words themselves. Gives the lexicon word each one stands for.
 */
export function findSlips(
  folded: string,
  original: string,
  lexicon: readonly string[],
  realWords: ReadonlySet<string>,
  minLength = 6,
): (Found & { word: string })[] {
  const found: (Found & { word: string })[] = [];
  for (const match of folded.matchAll(/[a-z]+/g)) {
    const token = match[0];
    if (token.length < minLength || realWords.has(token) || lexicon.includes(token)) continue;
    const word = lexicon.find((candidate) => oneSlipApart(token, candidate));
    if (word === undefined) continue;
    const start = match.index;
    const end = start + token.length;
    found.push({ phrase: original.slice(start, end), start, end, word });
  }
  return found;
}
