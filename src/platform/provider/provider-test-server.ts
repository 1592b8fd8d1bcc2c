import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// For tests only: a stand-in for an OpenAI-compatible service on a free local port, answering
// `/embeddings` and `/chat/completions` in the same shape, in a mood a test chooses.

/**
 * good: sound answers (the chat's quotes: one real part of a voice it may quote, one invented);
 * failing: 500; slow: no answer until the server closes; malformed: a body that is not JSON;
 * nonsense: JSON of the wrong shape; incomplete: one embedding too few, or a chat answer with
 * no JSON in it; inventing (chat only): a label too long and only quotes nobody said.
 */
export type ProviderMood =
  'good' | 'failing' | 'slow' | 'malformed' | 'nonsense' | 'incomplete' | 'inventing';

export interface ProviderRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface TestProviderServer {
  /** The base address, as THEMES_PROVIDER_URL takes it. */
  url: string;
  moods: { embeddings: ProviderMood; chat: ProviderMood };
  received: ProviderRequest[];
  close(): Promise<void>;
}

export const INVENTED_QUOTE = 'Words that nobody in this engagement ever said';
const DIMENSIONS = 32;

/** Words hashed into a few dimensions: texts sharing words come out close, as real ones do. */
function embeddingOf(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % DIMENSIONS] = (vector[hash % DIMENSIONS] ?? 0) + 1;
  }
  vector[0] = (vector[0] ?? 0) + 0.01;
  return vector;
}

interface ThemeRequest {
  key_phrases: string[];
  voices: { text: string; may_quote: boolean }[];
}

function chatContent(body: Record<string, unknown>, mood: ProviderMood): string {
  const messages = body.messages as { role: string; content: string }[];
  const request = JSON.parse(messages.at(-1)?.content ?? '{}') as Partial<ThemeRequest>;
  const phrase = request.key_phrases?.[0] ?? 'this';
  if (mood === 'incomplete') return 'I am sorry, I cannot help with that.';
  if (mood === 'inventing') {
    return JSON.stringify({
      label: `A label far too long to be useful as the name of a theme about ${phrase}`,
      summary: `People talked about ${phrase}.`,
      quotes: [INVENTED_QUOTE],
    });
  }
  const quotable = request.voices?.find((voice) => voice.may_quote);
  const real = quotable?.text.split(' ').slice(0, 6).join(' ');
  return [
    'Here is the theme:',
    '```json',
    JSON.stringify({
      label: `Helper: ${phrase}`,
      summary: `People said a lot about ${phrase}. Most wanted it to be better.`,
      quotes: [...(real === undefined ? [] : [`“${real}”`]), INVENTED_QUOTE],
    }),
    '```',
  ].join('\n');
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(body);
}

export async function startTestProviderServer(): Promise<TestProviderServer> {
  const server: TestProviderServer = {
    url: '',
    moods: { embeddings: 'good', chat: 'good' },
    received: [],
    close: () => Promise.resolve(),
  };
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/v1/, '');
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      server.received.push({ path, authorization: req.headers.authorization, body });
      const mood = path === '/embeddings' ? server.moods.embeddings : server.moods.chat;
      if (mood === 'slow') return;
      if (mood === 'failing') return answer(res, 500, '{"error":{"message":"Server error"}}');
      if (mood === 'malformed') return answer(res, 200, '{"data": [');
      if (mood === 'nonsense') return answer(res, 200, '{"result": "done"}');
      if (path === '/embeddings') {
        const input = body.input as string[];
        if (mood === 'incomplete') input.pop();
        return answer(
          res,
          200,
          JSON.stringify({
            object: 'list',
            data: input.map((text, index) => ({
              object: 'embedding',
              index,
              embedding: embeddingOf(text),
            })),
            model: body.model,
          }),
        );
      }
      return answer(
        res,
        200,
        JSON.stringify({
          choices: [{ index: 0, message: { role: 'assistant', content: chatContent(body, mood) } }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  server.url = `http://127.0.0.1:${port}/v1`;
  server.close = () =>
    new Promise((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
  return server;
}
