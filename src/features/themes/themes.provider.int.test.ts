import { beforeEach, describe, expect, it } from 'vitest';
import { type Browser, DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import {
  CONCERN,
  HOSPITAL_TOPICS,
  NOT_QUOTABLE,
  PROVIDER_KEY as KEY,
  type ThemesTest,
  themesTest,
} from '../../../test/themes-fixture.ts';
import { INVENTED_QUOTE } from '../../platform/provider/provider-test-server.ts';
import { listVoices } from '../voices/index.ts';
import { draftFinished } from './themes.drafting.ts';
import { type ThemeSnapshot, latestThemeSnapshot } from './themes.repository.ts';
import { runningRun } from './themes.runs.ts';
import { providerOf } from './themes.snapshot.ts';

// Five things people said, six ways each: enough for the draft to find themes.
const TOPICS = [
  HOSPITAL_TOPICS.transport,
  HOSPITAL_TOPICS.food,
  HOSPITAL_TOPICS.carers,
  HOSPITAL_TOPICS.medicines,
  HOSPITAL_TOPICS.adaptations,
] as const;

describe.each(testDatabases)('drafting themes with a helper service on $label', (database) => {
  const quotable = new Set<string>();
  const fixture: ThemesTest = themesTest(
    database,
    async ({ say, sayEach }) => {
      for (const topic of TOPICS)
        for (const voice of await sayEach(topic)) quotable.add(voice.text);
      await say(CONCERN, { perspective: 'lived_experience' });
      await say(NOT_QUOTABLE, { perspective: 'family_carer', consentQuote: false });
    },
    { provider: true },
  );
  const { skip, useProvider } = fixture;
  const themesUrl = () => fixture.themesUrl();
  const lead = (): Promise<Browser> => fixture.signedIn(DEMO.lead);

  /** The lead presses "Draft themes"; the draft is left to finish; the snapshot and the page. */
  const draft = async (): Promise<{ snapshot: ThemeSnapshot; page: string }> => {
    const snapshot = await fixture.draftAsLead();
    return { snapshot, page: visibleText((await (await lead()).get(themesUrl())).body) };
  };

  beforeEach(() => {
    if (!skip) fixture.server.received.length = 0;
  });

  it.skipIf(skip)(
    'names and sums up themes with the service, keeping only quotes that people said and agreed to',
    async () => {
      useProvider({ embeddings: 'good', chat: 'good' });
      const { snapshot, page } = await draft();
      expect(snapshot.themes.length).toBeGreaterThan(1);
      const textOf = new Map(
        (await listVoices(fixture.heard.db, fixture.listening.id)).map((voice) => [
          voice.id,
          voice.text,
        ]),
      );
      for (const theme of snapshot.themes) {
        expect(theme.label).toMatch(/^Helper: /);
        expect(theme.summary).toMatch(/^People said a lot about /);
        for (const quote of theme.quotes) {
          // Each quote an exact part of a voice in this theme whose person agreed to be quoted.
          const text = textOf.get(quote.voiceId) ?? '';
          expect(quotable.has(text)).toBe(true);
          expect(text).toContain(quote.text);
          expect(theme.members).toContain(quote.voiceId);
        }
      }
      expect(snapshot.themes.flatMap((theme) => theme.quotes).length).toBeGreaterThan(0);
      expect(JSON.stringify(snapshot)).not.toContain(INVENTED_QUOTE);
      const host = new URL(fixture.server.url).host;
      expect(providerOf(snapshot.inputs)).toEqual({
        host,
        chatModel: 'chat-small',
        embeddingModel: 'embed-small',
        compared: true,
        named: snapshot.themes.length,
        themes: snapshot.themes.length,
        droppedQuotes: snapshot.themes.length,
      });
      // The key goes only in the request's header: never stored, never in a body.
      expect(JSON.stringify(snapshot)).not.toContain(KEY);
      expect(fixture.server.received.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
      expect(JSON.stringify(fixture.server.received.map((r) => r.body))).not.toContain(KEY);
      // A person's own case never leaves Heard: not embedded, not named, not quoted.
      const chats = fixture.server.received.filter((r) => r.path === '/chat/completions');
      expect(chats).toHaveLength(snapshot.themes.length);
      expect(JSON.stringify(fixture.server.received.map((r) => r.body))).not.toContain('DP 4471');
      expect(fixture.server.received.some((r) => r.path === '/embeddings')).toBe(true);
      expect(page).toContain(
        `Themes drafted with help from ${host} (models: embed-small, chat-small).`,
      );
      expect(page).toContain('Summary from the helper service: People said a lot about');
      expect(page).toContain(
        `${snapshot.themes.length} quotes the helper service suggested were left out`,
      );
      expect(page).not.toContain(INVENTED_QUOTE);
    },
  );

  it.skipIf(skip)('a person’s name for a theme stands over the service’s', async () => {
    useProvider({ embeddings: 'good', chat: 'good' });
    const before = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
    const theme = before?.themes[0];
    if (theme === undefined) throw new Error('no theme');
    const browser = await lead();
    const editUrl = `${themesUrl()}/${theme.key}/edit`;
    const saved = await browser.submit(editUrl, editUrl, {
      label: 'Getting home',
      description: '',
    });
    expect(saved.statusCode).toBe(303);
    const { snapshot, page } = await draft();
    expect(snapshot.themes.map((t) => t.key)).toContain(theme.key);
    expect(page).toContain('Getting home');
    expect(page).toContain('The machine first called it “Helper: ');
  });

  it.skipIf(skip)(
    'a service that is down: themes are drafted without it and the page says so',
    async () => {
      useProvider({ embeddings: 'failing', chat: 'failing' });
      const { snapshot, page } = await draft();
      expect(snapshot.themes.length).toBeGreaterThan(1);
      expect(snapshot.themes.some((theme) => theme.label.startsWith('Helper: '))).toBe(false);
      expect(snapshot.themes.every((theme) => theme.summary === undefined)).toBe(true);
      expect(providerOf(snapshot.inputs)?.failure).toEqual({
        step: 'compare',
        reason: 'refused',
        status: 500,
      });
      // Down when comparing: not asked again to name the themes.
      expect(fixture.server.received.map((r) => r.path)).toEqual(['/embeddings']);
      expect(page).toContain(
        `The helper service at ${new URL(fixture.server.url).host} answered with error 500, so themes were drafted without it.`,
      );
      expect(page).not.toContain('Themes drafted with help from');
    },
  );

  it.skipIf(skip)(
    'a slow service: the draft waits only its timeout, pages answer meanwhile, and the page says what happened',
    async () => {
      useProvider({ embeddings: 'slow', chat: 'slow' }, 1500);
      const browser = await lead();
      await browser.submit(themesUrl(), `${themesUrl()}/draft`, {});
      await fixture.untilServiceAsked();
      // The service is holding the draft up: the page still answers, saying it is drafting.
      expect(
        await runningRun(fixture.heard.db, fixture.heard.clock, fixture.listening.id),
      ).toBeDefined();
      const meanwhile = await browser.get(themesUrl());
      expect(meanwhile.statusCode).toBe(200);
      expect(visibleText(meanwhile.body)).toContain('Drafting themes…');
      await draftFinished(fixture.listening.id);
      const snapshot = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      if (snapshot === undefined) throw new Error('no snapshot saved');
      expect(providerOf(snapshot.inputs)?.failure).toEqual({ step: 'compare', reason: 'timeout' });
      expect(snapshot.themes.length).toBeGreaterThan(1);
      expect(visibleText((await browser.get(themesUrl())).body)).toContain(
        'did not answer in time, so themes were drafted without it.',
      );
    },
  );

  it.skipIf(skip)(
    'nonsense while naming: the themes it did not name keep the machine’s names, and the page says so',
    async () => {
      useProvider({ embeddings: 'good', chat: 'malformed' });
      const { snapshot, page } = await draft();
      const record = providerOf(snapshot.inputs);
      expect(record).toMatchObject({ compared: true, named: 0 });
      expect(record?.failure).toEqual({ step: 'name', reason: 'nonsense' });
      expect(snapshot.themes.some((theme) => theme.label.startsWith('Helper: '))).toBe(false);
      expect(page).toContain('Themes drafted with help from');
      expect(page).toContain(
        `gave an answer Heard could not use while naming the themes, so ${snapshot.themes.length} of them keep the machine's names and have no summary.`,
      );
    },
  );

  it.skipIf(skip)(
    'invented quotes and a label too long: dropped, and the machine’s label and quotes stay',
    async () => {
      useProvider({ embeddings: 'good', chat: 'inventing' });
      const { snapshot, page } = await draft();
      expect(JSON.stringify(snapshot.themes)).not.toContain(INVENTED_QUOTE);
      expect(snapshot.themes.some((theme) => theme.label.startsWith('A label far too long'))).toBe(
        false,
      );
      expect(snapshot.themes.some((theme) => theme.quotes.length > 0)).toBe(true);
      expect(providerOf(snapshot.inputs)?.droppedQuotes).toBe(snapshot.themes.length);
      expect(page).toContain('quotes the helper service suggested were left out');
    },
  );
});
