import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Provider, provider } from './provider.ts';
import {
  INVENTED_QUOTE,
  type TestProviderServer,
  startTestProviderServer,
} from './provider-test-server.ts';
import { type ThemeToName, checkedAnswer, nameThemes, themeMessages } from './theme-words.ts';

const THEME: ThemeToName = {
  keyPhrases: ['hospital transport', 'waited'],
  voices: [
    { id: 'v1', text: 'I waited hours for the hospital transport to come.', quotable: true },
    { id: 'v2', text: 'Nobody booked the transport home, so my daughter drove.', quotable: false },
    { id: 'v3', text: 'The ambulance transport home never came on time.', quotable: true },
  ],
  quotes: [{ id: 'v3', text: 'The ambulance transport home never came on time.' }],
};

const answer = (body: object): string => JSON.stringify(body);

describe('checking the helper service’s answer for a theme', () => {
  it('keeps a quote that is an exact part of a quotable voice, then the machine’s quotes', () => {
    const checked = checkedAnswer(
      answer({
        label: 'Waiting for transport',
        summary: 'People waited a long time for transport home.',
        quotes: ['“waited hours for the hospital transport”'],
      }),
      THEME,
    );
    expect(checked).toEqual({
      label: 'Waiting for transport',
      summary: 'People waited a long time for transport home.',
      quotes: [
        { id: 'v1', text: 'waited hours for the hospital transport' },
        { id: 'v3', text: 'The ambulance transport home never came on time.' },
      ],
      dropped: 0,
    });
  });

  it.each([
    ['invented words', INVENTED_QUOTE],
    ['words changed', 'I waited hours for the hospital ambulance to come.'],
    ['a voice whose person did not agree to be quoted', 'my daughter drove'],
    ['too few words to be a quote', 'waited'],
  ])('drops a quote with %s', (_, quote) => {
    const checked = checkedAnswer(answer({ label: 'Transport', quotes: [quote] }), THEME);
    expect(checked?.dropped).toBe(1);
    expect(checked?.quotes).toEqual(THEME.quotes);
  });

  it.each([
    ['empty', ''],
    ['too long', 'A label far too long to be any use as the name of a theme about transport'],
  ])('leaves the machine’s label when the service’s is %s', (_, label) => {
    expect(checkedAnswer(answer({ label, summary: 'S.' }), THEME)?.label).toBeUndefined();
  });

  it('reads the object out of a code fence or a sentence around it', () => {
    const content = `Sure:\n\`\`\`json\n${answer({ label: 'Transport' })}\n\`\`\``;
    expect(checkedAnswer(content, THEME)?.label).toBe('Transport');
  });

  it.each([
    ['not JSON', 'I cannot help with that.'],
    ['the wrong shape', answer({ label: 3, quotes: 'all of them' })],
  ])('is nonsense when %s', (_, content) => {
    expect(checkedAnswer(content, THEME)).toBeUndefined();
  });

  it('shows the service a few voices, marking which may be quoted', () => {
    const voices = Array.from({ length: 50 }, (_, i) => ({
      id: `v${i}`,
      text: `voice ${i}`,
      quotable: i % 2 === 0,
    }));
    const [, user] = themeMessages({ keyPhrases: ['x'], voices, quotes: [] });
    const sent = JSON.parse(user?.content ?? '{}') as {
      voices: { text: string; may_quote: boolean }[];
    };
    expect(sent.voices.length).toBe(20);
    expect(sent.voices[0]).toEqual({ text: 'voice 0', may_quote: true });
    expect(sent.voices[1]).toEqual({ text: 'voice 2', may_quote: true });
  });
});

describe('naming themes with the fake service', () => {
  let server: TestProviderServer;
  let helper: Provider;
  /** Waits only a moment: for the slow service (the others stay patient on a busy machine). */
  let impatient: Provider;
  const themes = Array.from({ length: 12 }, () => THEME);

  beforeAll(async () => {
    server = await startTestProviderServer();
    helper = provider({ baseUrl: server.url, chatModel: 'chat-small', timeoutMs: 10_000 });
    impatient = provider({ baseUrl: server.url, chatModel: 'chat-small', timeoutMs: 300 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.received.length = 0;
    server.moods = { embeddings: 'good', chat: 'good' };
  });

  it('names every theme, keeping only real quotes', async () => {
    const chatJson = helper.chatJson;
    if (chatJson === undefined) throw new Error('no chat model');
    const { named, failure } = await nameThemes(chatJson, themes);
    expect(failure).toBeUndefined();
    expect(named.every((theme) => theme?.label === 'Helper: hospital transport')).toBe(true);
    expect(named[0]?.quotes[0]).toEqual({
      id: 'v3',
      text: 'The ambulance transport home never came',
    });
    expect(named[0]?.dropped).toBe(1);
    expect(JSON.stringify(named)).not.toContain(INVENTED_QUOTE);
  });

  it.each(['failing', 'slow', 'incomplete'] as const)(
    'stops asking after the first failure when it is %s',
    async (mood) => {
      server.moods.chat = mood;
      const client = mood === 'slow' ? impatient : helper;
      const chatJson = client.chatJson;
      if (chatJson === undefined) throw new Error('no chat model');
      const { named, failure } = await nameThemes(chatJson, themes);
      expect(failure?.reason).toBe(
        mood === 'failing' ? 'refused' : mood === 'slow' ? 'timeout' : 'nonsense',
      );
      expect(named.every((theme) => theme === undefined)).toBe(true);
      // A few are asked at once; none after the failure is known.
      expect(server.received.length).toBeLessThan(themes.length);
    },
  );
});
