import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadThemesProvider } from '../../config.ts';
import { EMBEDDING_BATCH, type Provider, provider } from './provider.ts';
import { type TestProviderServer, startTestProviderServer } from './provider-test-server.ts';

const KEY = 'sk-test-key-never-shown';

describe('the helper service client', () => {
  let server: TestProviderServer;
  let helper: Provider;
  /** The same, waiting only a moment: for the slow service (others stay patient on a busy machine). */
  let impatient: Provider;

  beforeAll(async () => {
    server = await startTestProviderServer();
    const config = {
      baseUrl: server.url,
      apiKey: KEY,
      chatModel: 'chat-small',
      embeddingModel: 'embed-small',
    };
    helper = provider({ ...config, timeoutMs: 10_000 });
    impatient = provider({ ...config, timeoutMs: 300 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.received.length = 0;
    server.moods = { embeddings: 'good', chat: 'good' };
  });

  it('embeds texts in batches, in order, each row of length 1, with the key as a bearer token', async () => {
    const texts = Array.from({ length: EMBEDDING_BATCH * 2 + 3 }, (_, i) =>
      i === 5 ? '' : `voice number ${i} about transport and carers`,
    );
    const batches: number[] = [];
    const embedded = await helper.embed?.(texts, (done) => batches.push(done));
    if (!embedded?.ok) throw new Error(`expected embeddings: ${JSON.stringify(embedded)}`);
    const { rows, columns, data } = embedded.value;
    expect(rows).toBe(texts.length);
    expect(batches).toEqual([1, 2, 3]);
    expect(server.received.map((r) => (r.body.input as string[]).length)).toEqual([
      EMBEDDING_BATCH,
      EMBEDDING_BATCH,
      3,
    ]);
    expect(server.received.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(server.received[0]?.body.model).toBe('embed-small');
    // An empty voice is sent as a space: services refuse an empty input.
    expect((server.received[0]?.body.input as string[])[5]).toBe(' ');
    for (let r = 0; r < rows; r++) {
      const row = data.subarray(r * columns, (r + 1) * columns);
      expect(Math.hypot(...row)).toBeCloseTo(1, 10);
    }
  });

  it('asks the chat model for a JSON object and gives back its text', async () => {
    const answer = await helper.chatJson?.([
      { role: 'user', content: JSON.stringify({ key_phrases: ['transport'], voices: [] }) },
    ]);
    expect(answer?.ok).toBe(true);
    expect(answer?.ok && answer.value).toContain('Helper: transport');
    expect(server.received[0]?.body.response_format).toEqual({ type: 'json_object' });
    expect(server.received[0]?.body.model).toBe('chat-small');
  });

  it.each([
    { mood: 'failing', failure: { reason: 'refused', status: 500 } },
    { mood: 'slow', failure: { reason: 'timeout' } },
    { mood: 'malformed', failure: { reason: 'nonsense' } },
    { mood: 'nonsense', failure: { reason: 'nonsense' } },
  ] as const)('gives a typed failure, never an exception, when it is $mood', async (c) => {
    server.moods = { embeddings: c.mood, chat: c.mood };
    const client = c.mood === 'slow' ? impatient : helper;
    expect(await client.embed?.(['a voice'])).toEqual({ ok: false, failure: c.failure });
    expect(await client.chatJson?.([{ role: 'user', content: '{}' }])).toEqual({
      ok: false,
      failure: c.failure,
    });
  });

  it('says so when nothing answers at the address', async () => {
    const gone = await startTestProviderServer();
    await gone.close();
    const nowhere = provider({ baseUrl: gone.url, embeddingModel: 'e', timeoutMs: 1000 });
    expect(await nowhere.embed?.(['a voice'])).toEqual({
      ok: false,
      failure: { reason: 'unreachable' },
    });
  });

  it('offers only what a model was configured for, and no key when none is set', async () => {
    const chatOnly = provider({ baseUrl: server.url, chatModel: 'c', timeoutMs: 1000 });
    expect(chatOnly.embed).toBeUndefined();
    expect(chatOnly.host).toBe(new URL(server.url).host);
    await chatOnly.chatJson?.([{ role: 'user', content: '{}' }]);
    expect(server.received[0]?.authorization).toBeUndefined();
  });

  it('treats embeddings that leave an input out as nonsense', async () => {
    server.moods.embeddings = 'incomplete';
    expect(await helper.embed?.(['one', 'two'])).toEqual({
      ok: false,
      failure: { reason: 'nonsense' },
    });
  });
});

describe('the helper service settings', () => {
  it('are off unless THEMES_PROVIDER_URL is set', () => {
    expect(loadThemesProvider({})).toBeUndefined();
  });

  it('read the address, key, models and timeout', () => {
    expect(
      loadThemesProvider({
        THEMES_PROVIDER_URL: 'https://api.example.org/v1/',
        THEMES_PROVIDER_KEY: KEY,
        THEMES_PROVIDER_CHAT_MODEL: 'chat-small',
        THEMES_PROVIDER_EMBEDDING_MODEL: 'embed-small',
        THEMES_PROVIDER_TIMEOUT: '5',
      }),
    ).toEqual({
      baseUrl: 'https://api.example.org/v1',
      apiKey: KEY,
      chatModel: 'chat-small',
      embeddingModel: 'embed-small',
      timeoutMs: 5000,
    });
  });

  it.each([
    [{ THEMES_PROVIDER_URL: 'https://api.example.org/v1' }, 'at least one is required'],
    [{ THEMES_PROVIDER_CHAT_MODEL: 'c' }, 'THEMES_PROVIDER_URL: required'],
    [{ THEMES_PROVIDER_URL: 'ftp://x', THEMES_PROVIDER_CHAT_MODEL: 'c' }, 'http(s) address'],
    [
      {
        THEMES_PROVIDER_URL: 'http://x',
        THEMES_PROVIDER_CHAT_MODEL: 'c',
        THEMES_PROVIDER_TIMEOUT: '0',
      },
      'whole number of seconds',
    ],
  ])('refuse %o, saying what to fix', (env, message) => {
    expect(() => loadThemesProvider(env)).toThrow(ConfigError);
    expect(() => loadThemesProvider(env)).toThrow(message);
  });
});
