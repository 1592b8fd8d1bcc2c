import { describe, expect, it } from 'vitest';
import { type Browser, DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { LISTENING, startListening } from '../../../test/listening-engagement.ts';
import { HOSPITAL_TOPICS, type ThemesTest, themesTest } from '../../../test/themes-fixture.ts';
import { codingsOf } from './themes.codings.ts';
import { draftFinished } from './themes.drafting.ts';
import { latestPublication } from './themes.publication.ts';
import { type ThemeSnapshot, latestThemeSnapshot, themeEditsOf } from './themes.repository.ts';
import { providerOf } from './themes.snapshot.ts';

// Two questions, three things people said about each, six ways each: enough for a draft of
// each question to find themes of its own.
const ANSWERS = [
  [HOSPITAL_TOPICS.transport, HOSPITAL_TOPICS.food, HOSPITAL_TOPICS.carers],
  [HOSPITAL_TOPICS.medicines, HOSPITAL_TOPICS.nurses, HOSPITAL_TOPICS.adaptations],
] as const;
const ADDED = 'Getting the right help at the door';

describe.each(testDatabases)('themes for one question on $label', (database) => {
  /**
   * Voice ids and texts by question, in the order of ANSWERS: those that may go in (the triage
   * rules flag some of these words as safeguarding matters, which never go in).
   */
  const voicesOf: { id: string; text: string }[][] = [[], []];
  const fixture: ThemesTest = themesTest(
    database,
    async ({ sayEach }) => {
      for (const [index, topics] of ANSWERS.entries()) {
        for (const voice of await sayEach(topics.flat(), index)) {
          if (!voice.triageState.startsWith('safeguarding_'))
            voicesOf[index]?.push({ id: voice.id, text: voice.text });
        }
      }
    },
    { provider: true },
  );
  const { skip, signedIn, themesUrl } = fixture;
  const question = (index: number): string => fixture.listening.promptIds[index] ?? '';
  const inScope = (path: string, promptId: string) =>
    `/engagements/${fixture.listening.id}/themes/${path}?scope=${promptId}`;
  const page = async (browser: Browser, url: string): Promise<string> => {
    const response = await browser.get(url);
    expect(response.statusCode).toBe(200);
    return visibleText(response.body);
  };

  /** The lead drafts the scope's themes from its page; the draft is left to finish. */
  const draft = (promptId?: string): Promise<ThemeSnapshot> => fixture.draftAsLead(promptId);
  const newest = async (promptId: string | null): Promise<ThemeSnapshot> => {
    const snapshot = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id, promptId);
    if (snapshot === undefined) throw new Error('no snapshot saved');
    return snapshot;
  };
  const themed = (snapshot: ThemeSnapshot) =>
    new Set(snapshot.assignments.map((assignment) => assignment.voiceId));

  it.skipIf(skip)(
    "a draft for one question themes only that question's voices, and the page shows each scope and where it stands",
    async () => {
      const first = await draft(question(0));
      expect(first.promptId).toBe(question(0));
      expect(first.themes.length).toBeGreaterThan(1);
      expect([...themed(first)].sort()).toEqual(voicesOf[0]?.map((voice) => voice.id).sort());
      // Nothing drafted for the whole engagement yet.
      expect(await latestThemeSnapshot(fixture.heard.db, fixture.listening.id)).toBeUndefined();

      const lead = await signedIn(DEMO.lead);
      const one = await page(lead, themesUrl(question(0)));
      expect(one).toContain(`Showing themes for: ${LISTENING.questions[0].questionPlain}`);
      expect(one).toContain(`Draft ${first.version}, made on`);
      expect(one).toContain('Draft themes for this question');
      expect(one).not.toContain(ANSWERS[1][0][0]);
      const whole = await page(lead, themesUrl());
      expect(whole).toContain('Showing themes for: The whole engagement');
      expect(whole).toContain('There are no themes yet.');
      expect(whole).toContain('No draft yet');
      expect(whole).toContain(`Draft ${first.version}, not reviewed; Not published`);
    },
  );

  it.skipIf(skip)(
    "a mapping of one question that fails says why on that question's page only",
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const url = themesUrl(question(0));
      const before = await newest(question(0));
      // Nobody has coded a voice of the question yet: the mapping stops, and saves nothing.
      expect((await advocate.submit(url, inScope('map', question(0)), {})).statusCode).toBe(303);
      await draftFinished(fixture.listening.id);
      expect((await newest(question(0))).version).toBe(before.version);
      const failed = 'The last draft did not finish: no voice is coded by hand yet';
      expect(await page(advocate, url)).toContain(failed);
      expect(await page(advocate, themesUrl())).not.toContain(failed);
      expect(await page(advocate, themesUrl(question(1)))).not.toContain(failed);
    },
  );

  it.skipIf(skip)(
    'the whole engagement and each question keep their own drafts: keys and names never cross',
    async () => {
      const questionBefore = await newest(question(0));
      const whole = await draft();
      expect(whole.promptId).toBeNull();
      const everyVoice = voicesOf.flat().map((voice) => voice.id);
      expect([...themed(whole)].sort()).toEqual(everyVoice.sort());
      const questionKeys = new Set(questionBefore.themes.map((theme) => theme.key));
      expect(whole.themes.some((theme) => questionKeys.has(theme.key))).toBe(false);

      // Drafting the question again carries its own keys forward, never the engagement's.
      const again = await draft(question(0));
      expect(again.version).toBe(whole.version + 1);
      expect(again.themes.some((theme) => questionKeys.has(theme.key))).toBe(true);
      const wholeKeys = new Set(whole.themes.map((theme) => theme.key));
      expect(again.themes.some((theme) => wholeKeys.has(theme.key))).toBe(false);
    },
  );

  it.skipIf(skip)(
    "a theme added and a voice coded in one question's themes stay there",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const added = await lead.submit(themesUrl(question(0)), inScope('add', question(0)), {
        label: ADDED,
      });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toMatch(
        new RegExp(
          `^/engagements/${fixture.listening.id}/themes\\?scope=${question(0)}&done=saved#theme-`,
        ),
      );
      const key = String(added.headers.location).split('#theme-')[1] ?? '';
      const voice = voicesOf[0]?.[0]?.id ?? '';
      const voiceUrl = inScope(`voices/${voice}`, question(0));
      const coded = await lead.submit(voiceUrl, voiceUrl, { themes: [key] });
      expect(coded.statusCode).toBe(303);

      expect(await page(lead, themesUrl(question(0)))).toContain(ADDED);
      expect(await page(lead, themesUrl())).not.toContain(ADDED);
      expect(
        (await themeEditsOf(fixture.heard.db, fixture.listening.id)).map((edit) => edit.value),
      ).not.toContain(ADDED);
      expect(await codingsOf(fixture.heard.db, fixture.listening.id)).toEqual([]);
      expect(await codingsOf(fixture.heard.db, fixture.listening.id, question(0))).toEqual([
        expect.objectContaining({ voiceId: voice, themeKeys: [key] }),
      ]);
      // The engagement's themes do not know the key: coding to it there is a 404.
      const wholeVoice = `/engagements/${fixture.listening.id}/themes/voices/${voice}`;
      expect((await lead.submit(wholeVoice, wholeVoice, { themes: [key] })).statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    "each scope is reviewed and published on its own; council roles see each scope's published version only",
    async () => {
      const lead = await signedIn(DEMO.lead);
      const officer = await signedIn(DEMO.officer);
      const snapshot = await newest(question(0));
      const snapshotId = snapshot.id;
      const url = themesUrl(question(0));
      expect(
        (await lead.submit(url, inScope('review', question(0)), { snapshotId })).statusCode,
      ).toBe(303);
      const published = await lead.submit(url, inScope('publish', question(0)), { snapshotId });
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(`${url}&done=published`);

      // The engagement-wide publication, which other features read, is still none.
      expect(await latestPublication(fixture.heard.db, fixture.listening.id)).toBeUndefined();
      expect(
        (await latestPublication(fixture.heard.db, fixture.listening.id, question(0)))?.snapshotId,
      ).toBe(snapshotId);

      const one = await page(officer, url);
      expect(one).toContain(`Published by the advocacy organisation on`);
      expect(one).toContain(ADDED);
      expect(one).not.toContain('Draft themes');
      const whole = await page(officer, themesUrl());
      expect(whole).toContain('Not published');
      expect(whole).toContain(`Draft ${snapshot.version} is published`);
      expect(whole).not.toContain('The themes');
      for (const path of ['draft', 'map', 'review', 'publish']) {
        expect(
          (await officer.submit(url, inScope(path, question(0)), { snapshotId })).statusCode,
        ).toBe(403);
      }

      // Taking the question's themes back leaves the engagement's publication alone.
      const wholeId = (await newest(null)).id;
      await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: wholeId });
      await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId: wholeId });
      const publication = await latestPublication(
        fixture.heard.db,
        fixture.listening.id,
        question(0),
      );
      const takenBack = await lead.submit(url, inScope('take-back', question(0)), {
        publicationId: publication?.id ?? '',
        reason: 'One quote needs checking with the person who said it.',
      });
      expect(takenBack.statusCode).toBe(303);
      expect(
        await latestPublication(fixture.heard.db, fixture.listening.id, question(0)),
      ).toBeUndefined();
      expect((await latestPublication(fixture.heard.db, fixture.listening.id))?.snapshotId).toBe(
        wholeId,
      );
      expect(await page(officer, url)).toContain(
        'One quote needs checking with the person who said it.',
      );
    },
  );

  it.skipIf(skip)('a scope that is not one of the engagement’s questions is a 404', async () => {
    const lead = await signedIn(DEMO.lead);
    expect((await lead.get(themesUrl('no-such-question'))).statusCode).toBe(404);
    const other = await startListening(fixture.heard.db);
    expect((await lead.get(themesUrl(other.promptIds[0] ?? ''))).statusCode).toBe(404);
    const url = themesUrl(question(0));
    expect((await lead.submit(url, inScope('draft', 'no-such-question'), {})).statusCode).toBe(404);
  });

  it.skipIf(skip)(
    "mapping one question maps only its voices, with the helper service's embeddings when configured",
    async () => {
      const { server } = fixture;
      fixture.useProvider({ embeddings: 'good', chat: 'good' });
      server.received.length = 0;
      const lead = await signedIn(DEMO.lead);
      const url = themesUrl(question(0));
      const started = await lead.submit(url, inScope('map', question(0)), {});
      expect(started.statusCode).toBe(303);
      await draftFinished(fixture.listening.id);
      const mapped = await newest(question(0));
      expect(mapped.pipelineVersion).toMatch(/\+mapped$/);
      expect([...themed(mapped)].sort()).toEqual(voicesOf[0]?.map((voice) => voice.id).sort());
      // The service compared exactly the question's voices, and was asked to name nothing.
      const sent = server.received
        .filter((request) => request.path === '/embeddings')
        .flatMap((request) => request.body.input as string[]);
      expect(sent.sort()).toEqual(voicesOf[0]?.map((voice) => voice.text).sort());
      expect(server.received.some((request) => request.path === '/chat/completions')).toBe(false);
      const host = new URL(server.url).host;
      expect(providerOf(mapped.inputs)).toEqual({
        host,
        embeddingModel: 'embed-small',
        compared: true,
        named: 0,
        themes: mapped.themes.length,
        droppedQuotes: 0,
      });
      expect(await page(lead, url)).toContain(`with help from ${host} (models: embed-small)`);

      // A service that is down: the voices are mapped without it, and the page says so.
      server.moods = { embeddings: 'failing', chat: 'failing' };
      await lead.submit(url, inScope('map', question(0)), {});
      await draftFinished(fixture.listening.id);
      const without = await newest(question(0));
      expect(without.version).toBe(mapped.version + 1);
      expect(providerOf(without.inputs)?.failure).toEqual({
        step: 'compare',
        reason: 'refused',
        status: 500,
      });
      expect(await page(lead, url)).toContain(`answered with error 500`);

      // While one question is mapped (the service holding it up), the whole engagement's page
      // says which question is being worked on, and offers no draft until it is done.
      fixture.useProvider({ embeddings: 'slow', chat: 'slow' }, 1500);
      server.received.length = 0;
      await lead.submit(url, inScope('map', question(0)), {});
      await fixture.untilServiceAsked();
      const meanwhile = await page(lead, themesUrl());
      expect(meanwhile).toContain(
        `Themes are being drafted or mapped for: ${LISTENING.questions[0].questionPlain}.`,
      );
      expect(meanwhile).toContain('Drafting themes…');
      expect(meanwhile).not.toContain('Draft themes');
      await draftFinished(fixture.listening.id);
      fixture.heard.config.themesProvider = undefined;
    },
  );
});
