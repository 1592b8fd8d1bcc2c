import { describe, expect, it } from 'vitest';
import { DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { HOSPITAL_TOPICS, type ThemesTest, themesTest } from '../../../test/themes-fixture.ts';
import { themesNow } from './themes.actions.ts';
import { draftFinished } from './themes.drafting.ts';

// Four things people said, six ways each, from three perspectives in turn.
const TOPICS = [
  HOSPITAL_TOPICS.transport,
  HOSPITAL_TOPICS.food,
  HOSPITAL_TOPICS.medicines,
  HOSPITAL_TOPICS.nurses,
] as const;
const FIRST = 'Waiting for transport';
const SECOND = 'Everything else about going home';

describe.each(testDatabases)('splitting a theme on $label', (database) => {
  /** The theme to split: the one with the most voices. */
  let split = { key: '', label: '', voices: [] as string[] };
  const fixture: ThemesTest = themesTest(database, async ({ sayEach, draftAsLead }) => {
    for (const topic of TOPICS) await sayEach(topic);
    await draftAsLead();
    const standing = await now();
    const sized = await Promise.all(
      standing.themes.map(async (theme) => ({
        key: theme.key,
        label: theme.label,
        voices: await voicesOf(theme.key),
      })),
    );
    split = sized.sort((a, b) => b.voices.length - a.voices.length)[0] ?? split;
    expect(split.voices.length).toBeGreaterThanOrEqual(4);
  });
  const { skip, signedIn, draftAsLead } = fixture;
  const themesUrl = () => fixture.themesUrl();
  const splitUrl = (key: string) => `${themesUrl()}/${key}/split`;
  const now = () => themesNow(fixture.deps(), fixture.engagement, null);
  /** The voices with the theme among their themes, main or not. */
  const voicesOf = async (key: string): Promise<string[]> =>
    [...(await now()).assignments.values()]
      .filter((assignment) => assignment.themes.some((theme) => theme.key === key))
      .map((assignment) => assignment.voiceId)
      .sort();
  /** How many voices have the theme as their main one, as the page counts them. */
  const mainCount = async (key: string): Promise<number> =>
    [...(await now()).assignments.values()].filter((a) => a.themes[0]?.key === key).length;
  /** The count a card shows after its theme's name. */
  const shownCount = (text: string, label: string) =>
    /Voices: (\d+|fewer than 5)/.exec(text.slice(text.indexOf(label)))?.[1];
  const rowCount = async (table: 'theme_edits' | 'theme_assignments') =>
    (
      await fixture.heard.db
        .selectFrom(table)
        .select('id')
        .where('engagement_id', '=', fixture.listening.id)
        .execute()
    ).length;
  const choices = (voices: readonly string[], part: (index: number) => string) =>
    Object.fromEntries(voices.map((id, index) => [`voice-${id}`, part(index)]));

  it.skipIf(skip)(
    "the split page lists every voice of the theme; the machine's suggestion places each and names both parts",
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const page = await advocate.get(splitUrl(split.key));
      expect(page.statusCode).toBe(200);
      for (const id of split.voices) expect(page.body).toContain(`name="voice-${id}"`);
      expect(page.body).not.toMatch(/type="radio" value="\d" checked/);
      expect(visibleText(page.body)).toContain('Let the machine suggest a split');
      // A theme too big to place voice by voice is split from its own pages instead.
      expect(page.body).toContain(`href="${themesUrl()}/${split.key}/voices"`);

      const suggested = await advocate.get(`${splitUrl(split.key)}?suggest=1`);
      expect(suggested.statusCode).toBe(200);
      const checked = [
        ...suggested.body.matchAll(/name="voice-([^"]+)" type="radio" value="(\d)" checked/g),
      ];
      expect(checked.map((match) => match[1]).sort()).toEqual(split.voices);
      expect(new Set(checked.map((match) => match[2]))).toEqual(new Set(['1', '2']));
      for (const name of ['name1', 'name2']) {
        expect(suggested.body).toMatch(new RegExp(`name="${name}" type="text" value="[^"]+"`));
      }
      // A suggestion saves nothing.
      expect(await voicesOf(split.key)).toEqual(split.voices);
    },
  );

  it.skipIf(skip)(
    'a split with names or choices missing says what to fix, keeps what was typed, and saves nothing',
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const [edits, codings] = [await rowCount('theme_edits'), await rowCount('theme_assignments')];
      const nothing = await advocate.submit(splitUrl(split.key), splitUrl(split.key), {
        name1: FIRST,
      });
      expect(nothing.statusCode).toBe(400);
      const text = visibleText(nothing.body);
      expect(text).toContain('Enter a name for the second new theme');
      expect(text).toContain(
        `Choose a new theme for every voice: ${split.voices.length} have none`,
      );
      expect(nothing.body).toContain(`value="${FIRST}"`);

      const allInOne = await advocate.submit(splitUrl(split.key), splitUrl(split.key), {
        name1: FIRST,
        name2: SECOND,
        ...choices(split.voices, () => '1'),
      });
      expect(allInOne.statusCode).toBe(400);
      expect(visibleText(allInOne.body)).toContain(
        'Put at least one voice in the second new theme',
      );
      const unnamedThird = await advocate.submit(splitUrl(split.key), splitUrl(split.key), {
        name1: FIRST,
        name2: SECOND,
        ...choices(split.voices, (index) => String((index % 3) + 1)),
      });
      expect(unnamedThird.statusCode).toBe(400);
      expect(visibleText(unnamedThird.body)).toContain(
        'Enter a name for the third new theme, or put its voices in the other two',
      );
      expect([await rowCount('theme_edits'), await rowCount('theme_assignments')]).toEqual([
        edits,
        codings,
      ]);
    },
  );

  it.skipIf(skip)(
    "a split makes two named themes with the person's choice of voices, coded by them, with its history and audit",
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      const half = Math.floor(split.voices.length / 2);
      const done = await advocate.submit(splitUrl(split.key), splitUrl(split.key), {
        name1: FIRST,
        name2: SECOND,
        ...choices(split.voices, (index) => (index < half ? '1' : '2')),
      });
      expect(done.statusCode).toBe(303);
      const after = await now();
      expect(after.themes.map((theme) => theme.key)).not.toContain(split.key);
      const first = after.themes.find((theme) => theme.label === FIRST);
      const second = after.themes.find((theme) => theme.label === SECOND);
      if (first === undefined || second === undefined) throw new Error('new themes not found');
      expect(done.headers.location).toContain(`#theme-${first.key}`);
      expect(await voicesOf(first.key)).toEqual(split.voices.slice(0, half).sort());
      expect(await voicesOf(second.key)).toEqual(split.voices.slice(half).sort());
      const name = await fixture.heard.db
        .selectFrom('users')
        .select('name')
        .where('email', '=', DEMO.advocate)
        .executeTakeFirstOrThrow();
      for (const id of split.voices) expect(after.assignments.get(id)?.by?.name).toBe(name.name);

      const page = visibleText((await advocate.get(done.headers.location ?? '')).body);
      expect(page).toContain('The theme is split.');
      expect(page).toContain(`split it out of “${split.label}”`);
      expect(shownCount(page, FIRST)).toBe(String(await mainCount(first.key)));
      expect(shownCount(page, SECOND)).toBe(String(await mainCount(second.key)));
      const audit = await fixture.heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'theme_split')
        .where('record_id', '=', fixture.listening.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toEqual({
        theme: split.key,
        into: [first.key, second.key],
        voices: split.voices.length,
      });
      // The split theme is gone: splitting it again finds nothing.
      expect((await advocate.get(splitUrl(split.key))).statusCode).toBe(404);
    },
  );

  it.skipIf(skip)('drafting or mapping again never undoes a split', async () => {
    const keysOf = async () => {
      const themes = (await now()).themes;
      return [FIRST, SECOND].map((label) => themes.find((theme) => theme.label === label)?.key);
    };
    const [first = '', second = ''] = await keysOf();
    const members = [await voicesOf(first), await voicesOf(second)];
    await draftAsLead();
    expect(await keysOf()).toEqual([first, second]);
    expect([await voicesOf(first), await voicesOf(second)]).toEqual(members);
    expect((await now()).themes.map((theme) => theme.key)).not.toContain(split.key);

    const advocate = await signedIn(DEMO.advocate);
    expect((await advocate.submit(themesUrl(), `${themesUrl()}/map`, {})).statusCode).toBe(303);
    await draftFinished(fixture.listening.id);
    expect(await keysOf()).toEqual([first, second]);
    for (const [index, key] of [first, second].entries()) {
      expect(await voicesOf(key)).toEqual(expect.arrayContaining(members[index] ?? []));
    }
  });

  it.skipIf(skip)(
    'council roles see split themes with counts under 5 suppressed, and cannot split',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const { snapshotId, themes } = await now();
      await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId });
      expect(
        (await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId })).statusCode,
      ).toBe(303);
      const officer = await signedIn(DEMO.officer);
      const response = await officer.get(themesUrl());
      const page = visibleText(response.body);
      expect(page).toContain(FIRST);
      expect(page).toContain(SECOND);
      expect(response.body).not.toContain('/split"');
      // Each split theme's voices and perspectives, exact for the advocacy organisation.
      const leadPage = visibleText((await lead.get(themesUrl())).body);
      for (const label of [FIRST, SECOND]) {
        const count = await mainCount(themes.find((theme) => theme.label === label)?.key ?? '');
        expect(shownCount(leadPage, label)).toBe(String(count));
        expect(shownCount(page, label)).toBe(count < 5 ? 'fewer than 5' : String(count));
      }
      expect(page).toMatch(/: fewer than 5/);
      expect(leadPage).not.toContain('fewer than 5');

      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
      const key = themes[0]?.key ?? '';
      expect((await officer.get(splitUrl(key))).statusCode).toBe(403);
      expect((await officer.post(splitUrl(key), { _csrf: token, name1: 'A' })).statusCode).toBe(
        403,
      );
      expect((await (await signedIn(DEMO.platformAdmin)).get(splitUrl(key))).statusCode).toBe(404);
    },
  );
});
