// The optional helper service in a draft (issue 5): its embeddings joined with Heard's own
// vectors, then its labels, summaries and quotes for the machine's themes. Whatever it does,
// the draft carries on with Heard's own method, and the snapshot records what happened.
import type { GivenVectors } from '../../analysis/text/themes.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import type { Provider, ProviderFailure } from '../../platform/provider/provider.ts';
import {
  type NamedTheme,
  PROVIDER_VECTOR_WEIGHT,
  nameThemes,
} from '../../platform/provider/theme-words.ts';
import type { ProviderRecord, StoredTheme } from './themes.snapshot.ts';
import type { SynthesisVoice } from './themes.synthesis.ts';

type OnProgress = (done: number, total: number) => void;

export interface Compared {
  given: GivenVectors | undefined;
  failure: ProviderFailure | undefined;
}

/** A voice the service may be asked to embed, unless it is about the person's own case. */
export interface VoiceToCompare {
  text: string;
  /** About a person's own case: its words never leave Heard; its row of embeddings stays zero. */
  concern?: boolean;
}

/**
 * The service's embeddings of the voices, to join with Heard's; none without an embedding model.
 * Voices about a person's own case are not sent: their rows are zero, so Heard's own vectors
 * alone place them.
 */
export async function compareVoices(
  helper: Provider,
  voices: readonly VoiceToCompare[],
  onProgress: OnProgress,
): Promise<Compared> {
  const sent = voices.flatMap((voice, row) => (voice.concern === true ? [] : [row]));
  if (helper.embed === undefined || sent.length === 0)
    return { given: undefined, failure: undefined };
  const embedded = await helper.embed(
    sent.map((row) => voices[row]?.text ?? ''),
    onProgress,
  );
  if (!embedded.ok) return { given: undefined, failure: embedded.failure };
  const { columns } = embedded.value;
  const data = new Float64Array(voices.length * columns);
  sent.forEach((row, i) =>
    data.set(embedded.value.data.subarray(i * columns, (i + 1) * columns), row * columns),
  );
  return {
    given: { vectors: { rows: voices.length, columns, data }, weight: PROVIDER_VECTOR_WEIGHT },
    failure: undefined,
  };
}

const failureOf = (step: 'compare' | 'name', failure: ProviderFailure) => ({
  step,
  reason: failure.reason,
  ...(failure.reason === 'refused' ? { status: failure.status } : {}),
});

/**
 * What the service did once the voices were compared: where it is, the models used (the chat
 * model only when it is asked to name themes), whether its embeddings were used, and why not.
 */
export function helperRecord(
  helper: Provider,
  compared: Compared,
  themes: number,
  { naming }: { naming: boolean },
): ProviderRecord {
  return {
    host: helper.host,
    ...(helper.chatModel === undefined || !naming ? {} : { chatModel: helper.chatModel }),
    ...(helper.embeddingModel === undefined ? {} : { embeddingModel: helper.embeddingModel }),
    compared: compared.given !== undefined,
    named: 0,
    themes,
    droppedQuotes: 0,
    ...(compared.failure === undefined ? {} : { failure: failureOf('compare', compared.failure) }),
  };
}

/** A drafted theme as the helper service is asked about it. */
export interface ThemeForHelper {
  keyPhrases: readonly string[];
  /** Voices whose main theme it is. */
  members: readonly string[];
  /** The machine's quotes. */
  quotes: readonly { id: string; text: string }[];
}

export interface HelperVoice {
  id: string;
  text: string;
  quotable: boolean;
  /** About a person's own case: never sent to be named or quoted. */
  concern: boolean;
}

/**
 * Asks the service to name each theme, reading only its members that are not about a person's
 * own case; and the record of what it did for the draft. After a failure to compare the voices
 * it is not asked again: it is down, slow or talking nonsense.
 */
export async function askHelper(
  helper: Provider,
  themes: readonly ThemeForHelper[],
  voices: readonly HelperVoice[],
  compared: Compared,
  onProgress: OnProgress,
): Promise<{ named: (NamedTheme | undefined)[]; record: ProviderRecord }> {
  const byId = new Map(voices.map((voice) => [voice.id, voice]));
  const record = helperRecord(helper, compared, themes.length, { naming: true });
  if (helper.chatJson === undefined || compared.failure !== undefined || themes.length === 0)
    return { named: themes.map(() => undefined), record };
  const { named, failure } = await nameThemes(
    helper.chatJson,
    themes.map((theme) => ({
      keyPhrases: theme.keyPhrases,
      voices: theme.members.flatMap((id) => {
        const voice = byId.get(id);
        return voice === undefined || voice.concern
          ? []
          : [{ id: voice.id, text: voice.text, quotable: voice.quotable }];
      }),
      quotes: theme.quotes,
    })),
    onProgress,
  );
  const answers = named.flatMap((answer) => answer ?? []);
  record.named = answers.length;
  record.droppedQuotes = answers.reduce((sum, answer) => sum + answer.dropped, 0);
  if (failure !== undefined) record.failure = failureOf('name', failure);
  return { named, record };
}

/** The machine's themes with the service's labels, summaries and checked quotes. */
export async function nameDraftedThemes(
  helper: Provider,
  themes: readonly StoredTheme[],
  voices: readonly SynthesisVoice[],
  compared: Compared,
  onProgress: OnProgress,
): Promise<{ themes: StoredTheme[]; record: ProviderRecord }> {
  const { named, record } = await askHelper(
    helper,
    themes.map((theme) => ({
      keyPhrases: theme.keyPhrases,
      members: theme.members,
      quotes: theme.quotes.map((quote) => ({ id: quote.voiceId, text: quote.text })),
    })),
    voices,
    compared,
    onProgress,
  );
  return {
    themes: themes.map((theme, i): StoredTheme => {
      const answer = named[i];
      if (answer === undefined) return theme;
      return {
        ...theme,
        label: answer.label ?? theme.label,
        ...(answer.summary === undefined ? {} : { summary: answer.summary }),
        quotes: answer.quotes.map((quote) => ({ voiceId: quote.id, text: quote.text })),
      };
    }),
    record,
  };
}

/** What the page (or the command) says about the helper service: nothing when it had none. */
export function providerLines(t: Translate, record: ProviderRecord | undefined): string[] {
  if (record === undefined) return [];
  const helped = record.compared || record.named > 0;
  const host = record.host;
  const lines: string[] = [];
  if (helped) {
    const models = [record.embeddingModel, record.chatModel].filter((m) => m !== undefined);
    lines.push(t('themes.provider.helped', { host, models: models.join(', ') }));
  }
  if (record.failure !== undefined) {
    const reason = reasonText(t, record.failure.reason, record.failure.status);
    lines.push(
      helped
        ? t('themes.provider.partly', { host, reason, count: record.themes - record.named })
        : t('themes.provider.without', { host, reason }),
    );
  }
  if (record.droppedQuotes > 0)
    lines.push(t('themes.provider.droppedQuotes', { count: record.droppedQuotes }));
  return lines;
}

function reasonText(
  t: Translate,
  reason: ProviderFailure['reason'],
  status: number | undefined,
): string {
  switch (reason) {
    case 'unreachable':
      return t('themes.provider.reasons.unreachable');
    case 'timeout':
      return t('themes.provider.reasons.timeout');
    case 'refused':
      return t('themes.provider.reasons.refused', { status: status ?? '' });
    case 'nonsense':
      return t('themes.provider.reasons.nonsense');
  }
}
