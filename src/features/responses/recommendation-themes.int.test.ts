import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { publishThemes } from '../../../test/published-themes.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { findEngagement } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';

const t = translator('en');

const WORDS = {
  calls: 'The phone line should stay open in the evenings as well.',
  home: 'I want help at home, not in a day centre miles away.',
  private: 'Do not quote me, but the phone line is always engaged.',
  callsTheme: 'Calls that are never returned',
  homeTheme: 'Help at home',
  askedPlain: 'Ring people back within two working days.',
  askedEasyRead: 'Call people back fast.',
  reasonsPlain: 'We will promise a call back within two working days.',
  reasonsEasyRead: 'We will call you back in 2 days.',
} as const;

describe.each(testDatabases)('recommendations from published themes on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  const skip = database.skipReason !== undefined;
  const voices: Record<string, string> = {};
  const { browsers, as } = signedInBrowsers();
  let snapshotId = '';
  let recommendationId = '';
  const deps = (): Deps => ({ config: heard.config, db: heard.db, clock: heard.clock, t });
  const listUrl = () => `/engagements/${listening.id}/responses`;
  const newUrl = () => `${listUrl()}/new`;
  const say = async (text: string, consentQuote: boolean): Promise<string> => {
    const engagement = await findEngagement(heard.db, listening.id);
    if (engagement === undefined) throw new Error('engagement not found');
    const { participantId } = await submitPublicVoices(deps(), engagement, {
      perspective: 'lived_experience',
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote,
      contact: null,
    });
    const voice = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    return voice.id;
  };
  const moveTo = async (phase: string) => {
    const overview = `/engagements/${listening.id}`;
    expect((await as('lead').submit(overview, `${overview}/phase`, { phase })).statusCode).toBe(
      303,
    );
  };
  const count = async (table: 'recommendations' | 'recommendation_themes') =>
    Number(
      (
        await heard.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const form = (fields: Record<string, string | string[]> = {}) => ({
    askedPlain: WORDS.askedPlain,
    askedEasyRead: WORDS.askedEasyRead,
    ...fields,
  });

  /** Two themes drafted and shared with the council; the private voice offered as a quote by mistake. */
  async function shareTwoThemes(): Promise<void> {
    const calls = [voices.calls ?? '', voices.private ?? ''];
    snapshotId = await publishThemes(
      heard.db,
      listening.id,
      [
        {
          key: 'calls',
          label: WORDS.callsTheme,
          members: calls,
          quotes: [
            { voiceId: voices.calls ?? '', text: WORDS.calls },
            { voiceId: voices.private ?? '', text: WORDS.private },
          ],
        },
        {
          key: 'home',
          label: WORDS.homeTheme,
          members: [voices.home ?? ''],
          quotes: [{ voiceId: voices.home ?? '', text: WORDS.home }],
        },
      ],
      heard.clock().toISOString(),
    );
  }

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    voices.calls = await say(WORDS.calls, true);
    voices.home = await say(WORDS.home, true);
    voices.private = await say(WORDS.private, false);
    for (const who of ['lead', 'decisionMaker', 'officer'] as const) {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(DEMO[who], DEMO.password)).statusCode).toBe(303);
      browsers[who] = browser;
    }
    browsers.public = new Browser(heard.app);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)('lets the lead write directly while no theme is published', async () => {
    const page = visibleText((await as('lead').get(newUrl())).body);
    expect(page).toContain(t('responses.write.noThemes'));
    const made = await as('lead').submit(newUrl(), newUrl(), form({ themes: 'calls' }));
    expect(made.statusCode).toBe(400);
    expect(visibleText(made.body)).toContain(t('responses.errors.themeNotShared'));
    expect(made.body).toContain(WORDS.askedPlain);
    expect(await count('recommendations')).toBe(0);

    const direct = await as('lead').submit(newUrl(), newUrl(), form({ quotes: voices.home ?? '' }));
    expect(direct.statusCode).toBe(303);
    expect(await count('recommendation_themes')).toBe(0);
  });

  it.skipIf(skip)(
    'once themes are published, takes only published themes and quotes from the themes ticked',
    async () => {
      await shareTwoThemes();
      const page = await as('lead').get(newUrl());
      const text = visibleText(page.body);
      expect(text).toContain(WORDS.callsTheme);
      expect(text).toContain(WORDS.homeTheme);
      expect(text).toContain(t('responses.write.fromTheme', { theme: WORDS.callsTheme }));
      expect(text).toContain(WORDS.calls);
      expect(text).not.toContain(WORDS.private);

      const refusals: [Record<string, string | string[]>, string, string][] = [
        [{}, 'themes', 'responses.errors.themesMissing'],
        [{ themes: 'not-shared' }, 'themes', 'responses.errors.themeNotShared'],
        [
          { themes: 'calls', quotes: voices.home ?? '' },
          'quotes',
          'responses.errors.quoteNotInThemes',
        ],
        [
          { themes: 'calls', quotes: voices.private ?? '' },
          'quotes',
          'responses.errors.quoteNotAllowed',
        ],
      ];
      for (const [fields, field, message] of refusals) {
        const refused = await as('lead').submit(newUrl(), newUrl(), form(fields));
        expect(refused.statusCode, message).toBe(400);
        expect(visibleText(refused.body), message).toContain(t(message));
        expect(refused.body, message).toContain(`href="#${field}"`);
        expect(refused.body).toContain(WORDS.askedPlain);
      }
      expect(await count('recommendations')).toBe(1);
      expect(await count('recommendation_themes')).toBe(0);

      const made = await as('lead').submit(
        newUrl(),
        newUrl(),
        form({ themes: 'calls', quotes: voices.calls ?? '' }),
      );
      expect(made.statusCode).toBe(303);
      recommendationId = /responses\/([\w-]+)\?/.exec(made.headers.location ?? '')?.[1] ?? '';
      const rows = await heard.db.selectFrom('recommendation_themes').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          recommendation_id: recommendationId,
          snapshot_id: snapshotId,
          theme_key: 'calls',
          theme_label: WORDS.callsTheme,
        }),
      ]);
    },
  );

  it.skipIf(skip)('adds a changed set of themes to a draft, keeping the first', async () => {
    const editUrl = `${listUrl()}/${recommendationId}/edit`;
    const edit = await as('lead').get(editUrl);
    expect(edit.body).toMatch(/value="calls" checked/);
    const changed = await as('lead').submit(
      editUrl,
      editUrl,
      form({ themes: ['calls', 'home'], quotes: [voices.calls ?? '', voices.home ?? ''] }),
    );
    expect(changed.statusCode).toBe(303);
    expect(await count('recommendation_themes')).toBe(3);
    // Saved again unchanged: nothing added.
    await as('lead').submit(
      editUrl,
      editUrl,
      form({ themes: ['calls', 'home'], quotes: voices.calls ?? '' }),
    );
    expect(await count('recommendation_themes')).toBe(3);
    const page = visibleText((await as('lead').get(`${listUrl()}/${recommendationId}`)).body);
    expect(page).toContain(
      `${t('responses.recommendation.themes')} ${WORDS.callsTheme} ${WORDS.homeTheme}`,
    );
  });

  it.skipIf(skip)(
    'shows the themes behind a recommendation to the council, and publicly with consented quotes',
    async () => {
      await moveTo('synthesis');
      expect((await as('lead').submit(listUrl(), `${listUrl()}/send`, {})).statusCode).toBe(303);
      const council = visibleText(
        (await as('decisionMaker').get(`${listUrl()}/${recommendationId}`)).body,
      );
      expect(council).toContain(WORDS.callsTheme);
      expect(council).toContain(WORDS.homeTheme);

      await moveTo('response');
      const answerUrl = `${listUrl()}/${recommendationId}/answer`;
      const answered = await as('decisionMaker').submit(answerUrl, answerUrl, {
        intent: 'publish',
        decision: 'adopt',
        reasonsPlain: WORDS.reasonsPlain,
        reasonsEasyRead: WORDS.reasonsEasyRead,
      });
      expect(answered.statusCode).toBe(303);
      const telling = `/engagements/${listening.id}/you-said-we-did`;
      expect((await as('lead').submit(telling, `${telling}/publish`, {})).statusCode).toBe(303);

      const page = visibleText((await as('public').get(`/you-said-we-did/${listening.id}`)).body);
      const words = (key: string) => t(`feedback.public.plain.${key}`);
      expect(page).toContain(words('themesHeading'));
      expect(page).toContain(`${WORDS.callsTheme} ${t('feedback.public.themeVoicesHidden')}`);
      expect(page).toContain(WORDS.calls);
      expect(page).toContain(WORDS.home);
      expect(page).not.toContain(WORDS.private);
      expect(page).toContain(`${words('fromThemes')} ${WORDS.callsTheme} ${WORDS.homeTheme}`);
    },
  );
});
