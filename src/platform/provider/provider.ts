// A client for an OpenAI-compatible service: `POST {base}/embeddings` and
// `POST {base}/chat/completions`. Every answer is checked; a service that is down, slow or
// answers nonsense gives a typed failure, never an exception. Nothing here logs: what is sent is
// people's words, and the key is a secret.
import { z } from 'zod';
import type { ThemesProviderConfig } from '../../config.ts';

/** Why the service gave nothing usable; no words from the request or the answer. */
export type ProviderFailure =
  | { reason: 'unreachable' }
  | { reason: 'timeout' }
  | { reason: 'refused'; status: number }
  | { reason: 'nonsense' };

export type ProviderOutcome<T> = { ok: true; value: T } | { ok: false; failure: ProviderFailure };

/** Unit rows, one per text, row after row (the shape of the text pipeline's dense matrices). */
export interface Embeddings {
  rows: number;
  columns: number;
  data: Float64Array;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface Provider {
  /** Where the service is, as shown to people: host and port, never the key. */
  host: string;
  chatModel: string | undefined;
  embeddingModel: string | undefined;
  /**
   * The texts' embeddings, in order, each of length 1; `onBatch` after each request. Absent
   * without an embedding model.
   */
  embed:
    | ((
        texts: readonly string[],
        onBatch?: (done: number, total: number) => void,
      ) => Promise<ProviderOutcome<Embeddings>>)
    | undefined;
  /** The first choice's text, the model asked for a JSON object. Absent without a chat model. */
  chatJson: ((messages: readonly ChatMessage[]) => Promise<ProviderOutcome<string>>) | undefined;
}

/** Inputs a request: services cap how many one request may hold (OpenAI: 2,048). */
export const EMBEDDING_BATCH = 64;

const embeddingsAnswer = z.object({
  data: z.array(
    z.object({ embedding: z.array(z.number()).min(1), index: z.number().int().nonnegative() }),
  ),
});

const chatAnswer = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const failed = (failure: ProviderFailure): { ok: false; failure: ProviderFailure } => ({
  ok: false,
  failure,
});

export function provider(config: ThemesProviderConfig): Provider {
  const headers = {
    'Content-Type': 'application/json',
    ...(config.apiKey === undefined ? {} : { Authorization: `Bearer ${config.apiKey}` }),
  };

  /** One POST, its JSON answer read within the timeout and checked against `schema`. */
  async function post<T>(
    path: string,
    body: object,
    schema: z.ZodType<T>,
  ): Promise<ProviderOutcome<T>> {
    let answer: unknown;
    try {
      const response = await fetch(`${config.baseUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return failed({ reason: 'refused', status: response.status });
      }
      answer = await response.json();
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        return failed({ reason: 'timeout' });
      // Not JSON: the body was read, so the service answered, with nonsense.
      if (error instanceof SyntaxError) return failed({ reason: 'nonsense' });
      return failed({ reason: 'unreachable' });
    }
    const parsed = schema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : failed({ reason: 'nonsense' });
  }

  async function embed(
    model: string,
    texts: readonly string[],
    onBatch: (done: number, total: number) => void = () => undefined,
  ): Promise<ProviderOutcome<Embeddings>> {
    const batches = Math.ceil(texts.length / EMBEDDING_BATCH);
    let embeddings: Embeddings | undefined;
    for (let b = 0; b < batches; b++) {
      const input = texts.slice(b * EMBEDDING_BATCH, (b + 1) * EMBEDDING_BATCH);
      // Services refuse an empty input; a single space embeds as nothing much, as it should.
      const answer = await post(
        '/embeddings',
        { model, input: input.map((text) => (text.trim() === '' ? ' ' : text)) },
        embeddingsAnswer,
      );
      if (!answer.ok) return answer;
      const { data } = answer.value;
      const columns = embeddings?.columns ?? data[0]?.embedding.length ?? 0;
      const into = embeddings ?? {
        rows: texts.length,
        columns,
        data: new Float64Array(texts.length * columns),
      };
      embeddings = into;
      const seen = new Set(data.map((item) => item.index));
      const whole =
        data.length === input.length &&
        seen.size === input.length &&
        data.every((item) => item.index < input.length && item.embedding.length === columns);
      if (!whole) return failed({ reason: 'nonsense' });
      for (const { embedding, index } of data) {
        const norm = Math.sqrt(embedding.reduce((sum, v) => sum + v * v, 0));
        if (norm === 0) return failed({ reason: 'nonsense' });
        const at = (b * EMBEDDING_BATCH + index) * columns;
        embedding.forEach((v, j) => (into.data[at + j] = v / norm));
      }
      onBatch(b + 1, batches);
    }
    return { ok: true, value: embeddings ?? { rows: 0, columns: 0, data: new Float64Array() } };
  }

  async function chatJson(
    model: string,
    messages: readonly ChatMessage[],
  ): Promise<ProviderOutcome<string>> {
    const answer = await post(
      '/chat/completions',
      { model, messages, response_format: { type: 'json_object' } },
      chatAnswer,
    );
    return answer.ok ? { ok: true, value: answer.value.choices[0]?.message.content ?? '' } : answer;
  }

  const { chatModel, embeddingModel } = config;
  return {
    host: new URL(config.baseUrl).host,
    chatModel: config.chatModel,
    embeddingModel: config.embeddingModel,
    embed:
      embeddingModel === undefined
        ? undefined
        : (texts, onBatch) => embed(embeddingModel, texts, onBatch),
    chatJson: chatModel === undefined ? undefined : (messages) => chatJson(chatModel, messages),
  };
}
