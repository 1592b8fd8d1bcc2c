// Theme labels from class-based TF-IDF (as in BERTopic): phrases frequent in one theme's voices
// and rare in the others'. Phrases are counted by lemma but shown as people wrote them.
import { type Word, isWordLike, tellingWords } from './tokens.ts';

/** The most words in a phrase. */
const LONGEST = 3;

/**
 * Walks the runs of one to three words with no punctuation inside that start on a telling word:
 * `step(start, end)` for each run words[start..end], `isPhrase` when it also ends on one (so
 * neither starts nor ends on a stop word). A step that returns false ends its run there.
 */
function walkPhrases(
  words: readonly Word[],
  telling: ReadonlySet<Word>,
  step: (start: number, end: number, isPhrase: boolean) => boolean,
): void {
  for (let start = 0; start < words.length; start++) {
    const first = words[start];
    if (first === undefined || !telling.has(first)) continue;
    if (!step(start, start, true)) continue;
    for (let end = start + 1; end < Math.min(words.length, start + LONGEST); end++) {
      const word = words[end];
      if (word === undefined || word.breakBefore || !isWordLike(word)) break;
      if (!step(start, end, telling.has(word))) break;
    }
  }
}

/** The lemmas of the telling words among words[start..end]. */
function tellingLemmas(
  words: readonly Word[],
  telling: ReadonlySet<Word>,
  start: number,
  end: number,
): string[] {
  return words.slice(start, end + 1).flatMap((word) => (telling.has(word) ? [word.lemma] : []));
}

/** words[start..end] as written, with the spaces between them. */
function writtenText(words: readonly Word[], start: number, end: number): string {
  let text = words[start]?.text ?? '';
  for (let i = start + 1; i <= end; i++)
    text += (words[i]?.spaceBefore ?? '') + (words[i]?.text ?? '');
  return text;
}

/**
 * A run of lemmas met in the voices, kept in a tree by its words so that a run said again is
 * found without building its key: "long wait" is the child "wait" of "long". Counts are kept on
 * the node for the theme being counted or chosen, so that no map is looked up per use.
 */
interface PhraseNode {
  /** Lemmas joined by spaces. */
  key: string;
  words: number;
  /** Longer runs, by their next lemma. */
  next: Map<string, PhraseNode> | undefined;
  /** The longer phrases that hold it word for word ("long wait" and "very long wait" for "wait"). */
  longer: PhraseNode[] | undefined;
  /** Voices using it as a phrase, in every theme, counted with their copies. */
  voices: number;
  /** Where it was last used as a phrase (the voices' order): its lemmas are the telling ones there. */
  lastUse: number;
  lastWords: readonly Word[];
  lastStart: number;
  /** The theme being counted or chosen when `inTheme` and `order` were set. */
  stamp: number;
  /** Voices of that theme using it, and when it was first met there. */
  inTheme: number;
  order: number;
  /** The last use it was counted for, so that it counts once a voice. */
  countedIn: number;
  /** A phrase chosen, or the start of one: how people wrote the chosen ones is counted. */
  chosen: boolean;
  writings: Map<string, number> | undefined;
}

const phraseNode = (key: string, words: number): PhraseNode => ({
  key,
  words,
  next: undefined,
  longer: undefined,
  voices: 0,
  lastUse: -1,
  lastWords: [],
  lastStart: 0,
  stamp: -1,
  inTheme: 0,
  order: 0,
  countedIn: -1,
  chosen: false,
  writings: undefined,
});

/** The run of lemmas one word longer than `node`, made when first met. */
function longerNode(node: PhraseNode, lemma: string): PhraseNode {
  node.next ??= new Map();
  let child = node.next.get(lemma);
  if (child === undefined) {
    child = phraseNode(node.words === 0 ? lemma : `${node.key} ${lemma}`, node.words + 1);
    node.next.set(lemma, child);
  }
  return child;
}

/** The node of words[start..end] under `root`. */
function nodeOf(root: PhraseNode, words: readonly Word[], start: number, end: number): PhraseNode {
  let node = root;
  for (let i = start; i <= end; i++) node = longerNode(node, words[i]?.lemma ?? '');
  return node;
}

/** Records `phrase`, first counted at words[start..end], as longer than each run inside it. */
function recordInside(
  root: PhraseNode,
  phrase: PhraseNode,
  words: readonly Word[],
  start: number,
  end: number,
): void {
  for (let from = start; from <= end; from++) {
    for (let to = from; to <= end; to++) {
      if (to - from === end - start) continue;
      const inside = nodeOf(root, words, from, to);
      inside.longer ??= [];
      // A run inside twice ("wait" in "wait wait") lists the phrase once.
      if (inside.longer[inside.longer.length - 1] !== phrase) inside.longer.push(phrase);
    }
  }
}

/** The way of writing a phrase people used most, preferring lower case to capitals at a sentence start. */
function commonWriting(writings: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [text, count] of writings) {
    const score = count * (text === text.toLowerCase() ? 4 : 1);
    if (score > bestScore || (score === bestScore && text < best)) {
      best = text;
      bestScore = score;
    }
  }
  return best;
}

export interface ThemeKeyPhrases {
  /** Best first, each as people wrote it. */
  phrases: string[];
  /** The lemmas of those phrases with their weights, for finding a voice's most telling sentence. */
  lemmaWeights: Map<string, number>;
}

/** One theme's use of one list of words (several voices may share it), numbered in the voices' order. */
interface Use {
  words: readonly Word[];
  times: number;
  number: number;
}

/** A theme's phrases and how many of its voices use each, in the order first met. */
interface ThemePhrases {
  phrases: PhraseNode[];
  counts: number[];
}

/**
 * Up to `count` key phrases for each theme. `themeOf[v]` is the theme of voice v (-1 for none).
 * A phrase sharing a word with a better one is skipped, and a longer phrase takes the place of a
 * word when at least half the voices using the word use it in that phrase ("long wait", not "wait").
 */
export function keyPhrases(
  voices: readonly (readonly Word[])[],
  themeOf: readonly number[],
  themes: number,
  count = 5,
): ThemeKeyPhrases[] {
  const root = phraseNode('', 0);
  const uses = usesByTheme(voices, themeOf, themes);
  const inTheme = uses.map((themeUses, theme) => countPhrases(root, themeUses, theme));
  const sizes = uses.map((themeUses) => themeUses.reduce((sum, use) => sum + use.times, 0));
  const averageSize = sizes.reduce((a, b) => a + b, 0) / Math.max(1, themes);
  const picked = inTheme.map((phrases, theme) =>
    pickPhrases(phrases, theme, Math.max(1, sizes[theme] ?? 0), averageSize, count),
  );
  countWritings(
    root,
    uses.flat(),
    picked.flatMap(({ phrases }) => phrases),
  );
  return picked.map(({ phrases, lemmaWeights }) => ({
    phrases: phrases.map((phrase) => commonWriting(phrase.writings ?? new Map<string, number>())),
    lemmaWeights,
  }));
}

/**
 * Each theme's uses of the voices' words: voices read from the same text share their words, so
 * each words-and-theme pair is read once and counted as often as it occurs.
 */
function usesByTheme(
  voices: readonly (readonly Word[])[],
  themeOf: readonly number[],
  themes: number,
): Use[][] {
  const byWords = new Map<readonly Word[], Map<number, number>>();
  voices.forEach((words, v) => {
    const theme = themeOf[v] ?? -1;
    if (theme < 0 || theme >= themes) return;
    const byTheme = byWords.get(words) ?? new Map<number, number>();
    byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
    byWords.set(words, byTheme);
  });
  const uses = Array.from({ length: themes }, (): Use[] => []);
  let number = 0;
  for (const [words, byTheme] of byWords) {
    for (const [theme, times] of byTheme) uses[theme]?.push({ words, times, number: number++ });
  }
  return uses;
}

/** The phrases of one theme's uses, counted once a voice. */
function countPhrases(root: PhraseNode, uses: readonly Use[], theme: number): ThemePhrases {
  const counted: ThemePhrases = { phrases: [], counts: [] };
  for (const { words, times, number } of uses) {
    let node = root;
    walkPhrases(words, tellingWords(words), (start, end, isPhrase) => {
      node = longerNode(start === end ? root : node, words[end]?.lemma ?? '');
      if (!isPhrase) return true;
      if (number >= node.lastUse) {
        node.lastUse = number;
        node.lastWords = words;
        node.lastStart = start;
      }
      if (node.countedIn === number) return true;
      node.countedIn = number;
      if (node.voices === 0) recordInside(root, node, words, start, end);
      node.voices += times;
      if (node.stamp !== theme) {
        node.stamp = theme;
        node.inTheme = 0;
        counted.phrases.push(node);
      }
      node.inTheme += times;
      return true;
    });
  }
  counted.counts = counted.phrases.map((phrase) => phrase.inTheme);
  return counted;
}

/** A theme's best phrases by class-based TF-IDF, and their lemmas' weights. */
function pickPhrases(
  { phrases: all, counts }: ThemePhrases,
  theme: number,
  size: number,
  averageSize: number,
  count: number,
): { phrases: PhraseNode[]; lemmaWeights: Map<string, number> } {
  all.forEach((phrase, i) => {
    phrase.stamp = theme;
    phrase.inTheme = counts[i] ?? 0;
    phrase.order = i;
  });
  const least = size >= 10 ? 2 : 1;
  const ranked = all
    .filter((phrase) => phrase.inTheme >= least)
    .map((phrase) => ({
      phrase,
      weight: (phrase.inTheme / size) * Math.log(1 + averageSize / Math.max(1, phrase.voices)),
    }))
    .sort((a, b) => b.weight - a.weight || (a.phrase.key < b.phrase.key ? -1 : 1));
  const phrases: PhraseNode[] = [];
  const used = new Set<string>();
  const lemmaWeights = new Map<string, number>();
  for (const { phrase, weight } of ranked) {
    if (phrases.length === count) break;
    // The longest phrase around this word that most of its uses share, the first met in this
    // theme among equals.
    let pick = phrase;
    const around = (phrase.longer ?? [])
      .filter((longer) => longer.stamp === theme)
      .sort((a, b) => a.order - b.order);
    for (const longer of around) {
      if (longer.inTheme * 2 >= phrase.inTheme && longer.words > pick.words) pick = longer;
    }
    const { lastWords, lastStart } = pick;
    const lemmas = tellingLemmas(
      lastWords,
      tellingWords(lastWords),
      lastStart,
      lastStart + pick.words - 1,
    );
    if (lemmas.some((lemma) => used.has(lemma))) continue;
    for (const lemma of lemmas) {
      used.add(lemma);
      lemmaWeights.set(lemma, weight);
    }
    phrases.push(pick);
  }
  return { phrases, lemmaWeights };
}

/** How people wrote each of `phrases`, counted over every use (every theme's). */
function countWritings(
  root: PhraseNode,
  uses: readonly Use[],
  phrases: readonly PhraseNode[],
): void {
  for (const phrase of phrases) {
    phrase.writings = new Map();
    // The runs leading to a chosen phrase are marked, so that others are not followed.
    for (let end = 0; end < phrase.words; end++) {
      nodeOf(root, phrase.lastWords, phrase.lastStart, phrase.lastStart + end).chosen = true;
    }
  }
  for (const { words, times } of uses) {
    let node: PhraseNode | undefined = root;
    walkPhrases(words, tellingWords(words), (start, end, isPhrase) => {
      node = (start === end ? root : node)?.next?.get(words[end]?.lemma ?? '');
      if (node?.chosen !== true) return false;
      const writings = node.writings;
      if (!isPhrase || writings === undefined) return true;
      const text = writtenText(words, start, end);
      writings.set(text, (writings.get(text) ?? 0) + times);
      return true;
    });
  }
}

/** A short label from the key phrases: the first two, the first letter a capital. */
export function labelFrom(phrases: readonly string[]): string {
  const label = phrases.slice(0, 2).join(', ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
