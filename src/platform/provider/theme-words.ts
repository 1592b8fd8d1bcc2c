// Naming themes with the helper service's chat model: a short label and a one or two sentence
// summary in plain English, and quotes that are kept only when they are an exact part of a voice
// whose person agreed to be quoted. Used by drafting in Heard and by `heard analyse themes`.
import { z } from 'zod';
import type { ChatMessage, Provider, ProviderFailure } from './provider.ts';

export interface ThemeVoice {
  id: string;
  text: string;
  /** The person agreed to be quoted (and the voice is not about their own case). */
  quotable: boolean;
}

export interface ThemeToName {
  keyPhrases: readonly string[];
  /** The theme's voices the service may read: never one about a person's own case. */
  voices: readonly ThemeVoice[];
  /** The machine's quotes, kept after the service's while there is room. */
  quotes: readonly { id: string; text: string }[];
}

export interface NamedTheme {
  /** Undefined when the service's was empty or too long: the machine's label stays. */
  label: string | undefined;
  summary: string | undefined;
  /** The service's quotes that are exact parts of quotable voices, then the machine's. */
  quotes: { id: string; text: string }[];
  /** The service's quotes left out: not found word for word in a voice that may be quoted. */
  dropped: number;
}

/** The share of two voices' cosine that comes from the service's embeddings (unmeasured). */
export const PROVIDER_VECTOR_WEIGHT = 0.5;

const LONGEST_LABEL = 60;
const LONGEST_SUMMARY = 400;
const SHORTEST_QUOTE = 10;
const MOST_QUOTES = 5;
/** Voices shown to the service per theme, each cut to this many characters. */
const SAMPLE = 20;
const LONGEST_VOICE = 1000;
/** Themes named at once. */
const AT_ONCE = 4;

const INSTRUCTIONS = [
  'You help an independent advocacy organisation say what people told a council.',
  'You are given one theme: its key phrases and some of the voices in it.',
  'Answer with one JSON object and nothing else: {"label": "...", "summary": "...", "quotes": ["..."]}.',
  `label: a name for the theme in plain English, at most 6 words and ${LONGEST_LABEL} characters.`,
  'summary: one or two short sentences in plain English saying what people said. Do not name anyone.',
  'quotes: up to 3 short passages that show the theme, each copied character for character from one voice marked "may_quote": true. Never change, join or correct their words.',
].join('\n');

const answerSchema = z.object({
  label: z.string().optional(),
  summary: z.string().optional(),
  quotes: z.array(z.string()).optional(),
});

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Quotation marks a model puts around a quote are not part of it. */
const unquoted = (text: string): string =>
  text
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .trim();

/** A few of the theme's voices: the machine's quotes first, then others spread through it. */
function sampleOf(theme: ThemeToName): ThemeVoice[] {
  const quoted = new Set(theme.quotes.map((quote) => quote.id));
  const first = theme.voices.filter((voice) => quoted.has(voice.id));
  const rest = theme.voices.filter((voice) => !quoted.has(voice.id));
  const room = Math.max(0, SAMPLE - first.length);
  const step = rest.length / Math.max(1, room);
  const spread = Array.from(
    { length: Math.min(room, rest.length) },
    (_, i) => rest[Math.floor(i * step)],
  ).flatMap((voice) => voice ?? []);
  return [...first, ...spread].slice(0, SAMPLE);
}

export function themeMessages(theme: ThemeToName): ChatMessage[] {
  const voices = sampleOf(theme).map((voice) => ({
    text: voice.text.slice(0, LONGEST_VOICE),
    may_quote: voice.quotable,
  }));
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: JSON.stringify({ key_phrases: theme.keyPhrases, voices }) },
  ];
}

/**
 * The service's answer for one theme, checked: undefined when it is not the JSON asked for. A
 * quote is kept only when it is an exact part of one of the theme's quotable voices.
 */
export function checkedAnswer(content: string, theme: ThemeToName): NamedTheme | undefined {
  // Some models wrap the object in a code fence or a sentence: take the outermost braces.
  const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const answer = answerSchema.safeParse(parsed);
  if (!answer.success) return undefined;
  const label = squeeze(unquoted(answer.data.label ?? ''));
  const summary = squeeze(answer.data.summary ?? '');
  const given = (answer.data.quotes ?? []).map(unquoted);
  const quotable = theme.voices.filter((voice) => voice.quotable);
  const quotes: { id: string; text: string }[] = [];
  let dropped = 0;
  for (const text of given) {
    const voice =
      text.length >= SHORTEST_QUOTE
        ? quotable.find((candidate) => candidate.text.includes(text))
        : undefined;
    if (voice === undefined) dropped++;
    else if (!quotes.some((quote) => quote.id === voice.id)) quotes.push({ id: voice.id, text });
  }
  for (const quote of theme.quotes) {
    if (!quotes.some((kept) => kept.id === quote.id)) quotes.push(quote);
  }
  return {
    label: label !== '' && label.length <= LONGEST_LABEL ? label : undefined,
    summary: summary !== '' && summary.length <= LONGEST_SUMMARY ? summary : undefined,
    quotes: quotes.slice(0, MOST_QUOTES),
    dropped,
  };
}

export interface NamedThemes {
  /** In the order given; undefined for a theme not named (the service failed first). */
  named: (NamedTheme | undefined)[];
  /** Why the service was asked no more, if it failed. */
  failure: ProviderFailure | undefined;
}

/**
 * Names each theme, a few at a time. After the service's first failure no more are asked: a
 * service that is down or slow would otherwise hold the draft up once per theme.
 */
export async function nameThemes(
  chatJson: NonNullable<Provider['chatJson']>,
  themes: readonly ThemeToName[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<NamedThemes> {
  const named: (NamedTheme | undefined)[] = themes.map(() => undefined);
  let failure: ProviderFailure | undefined;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < themes.length) {
      const i = next++;
      const theme = themes[i];
      if (theme === undefined) continue;
      const answer = await chatJson(themeMessages(theme));
      const checked = answer.ok ? checkedAnswer(answer.value, theme) : undefined;
      if (!answer.ok) failure ??= answer.failure;
      else if (checked === undefined) failure ??= { reason: 'nonsense' };
      named[i] = checked;
      onProgress(++done, themes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, themes.length) }, worker));
  return { named, failure };
}
