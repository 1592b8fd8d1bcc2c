import { describe, expect, it } from 'vitest';
import { DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { HOSPITAL_TOPICS, type ThemesTest, themesTest } from '../../../test/themes-fixture.ts';
import { themesNow } from './themes.actions.ts';
import { MEMBERS_ON_THEMES_PAGE } from './themes.members.ts';
import { membersOf } from './themes.standing.ts';

/** Links to code a voice by hand in a piece of a page. */
const codeLinks = (html: string): number => html.match(/\/themes\/voices\//g)?.length ?? 0;

describe.each(testDatabases)('a theme’s voices, a page at a time, on $label', (database) => {
  const fixture: ThemesTest = themesTest(database, async ({ sayEach, draftAsLead }) => {
    await sayEach(Object.values(HOSPITAL_TOPICS).flat());
    await draftAsLead();
  });
  const { skip, signedIn, themesUrl } = fixture;
  const now = () => themesNow(fixture.deps(), fixture.engagement, null);
  /** The part of the themes page about one theme. */
  const section = (page: string, key: string): string =>
    page.slice(page.indexOf(`id="theme-${key}"`)).split('</section>')[0] ?? '';

  it.skipIf(skip)(
    'ticked voices move into another theme in one go, each in its place, on the record; a mistake says what to fix',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const before = await now();
      const [from = '', to = ''] = before.themes.map((theme) => theme.key);
      const toLabel = before.themes.find((theme) => theme.key === to)?.label ?? '';
      const inFrom = membersOf(before).get(from) ?? [];
      expect(inFrom.length).toBeGreaterThan(2);
      const ticked = inFrom.slice(0, 2);
      const page = `${themesUrl()}/${from}/voices`;

      const noneTicked = await lead.submit(page, page, { to });
      expect(noneTicked.statusCode).toBe(400);
      expect(visibleText(noneTicked.body)).toContain('Tick the voices to move');
      const noTheme = await lead.submit(page, page, { voices: ticked });
      expect(noTheme.statusCode).toBe(400);
      expect(visibleText(noTheme.body)).toContain('Choose the theme to move the voices into');
      for (const id of ticked) expect(noTheme.body).toMatch(new RegExp(`value="${id}" checked`));
      const same = await lead.submit(page, page, { voices: ticked, to: from });
      expect(same.statusCode).toBe(400);
      expect(visibleText(same.body)).toContain('Choose a different theme from this one');
      expect(membersOf(await now()).get(from)).toEqual(inFrom);

      const moved = await lead.submit(page, page, { voices: ticked, to });
      expect(moved.statusCode).toBe(303);
      expect(moved.headers.location).toBe(`${page}?moved=2&to=${to}`);
      const after = await now();
      for (const id of ticked) {
        const themes = after.assignments.get(id)?.themes.map(({ key }) => key) ?? [];
        expect(themes).toContain(to);
        expect(themes).not.toContain(from);
        expect(after.assignments.get(id)?.by).toBeDefined();
      }
      expect(membersOf(after).get(from)).toEqual(inFrom.slice(2));
      expect(visibleText((await lead.get(String(moved.headers.location))).body)).toContain(
        `2 voices moved to ${toLabel}.`,
      );
      const audit = await fixture
        .deps()
        .db.selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'theme_voices_moved')
        .execute();
      expect(audit.map((row) => JSON.parse(row.details) as unknown)).toEqual([
        { from, to, voices: 2 },
      ]);

      const officer = await signedIn(DEMO.officer);
      expect((await officer.post(page, { voices: ticked, to: from })).statusCode).toBe(403);
    },
  );

  it.skipIf(skip)(
    'a theme lists its first voices on the themes page and all of them on its own page; for the advocacy organisation only',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const [into = '', ...others] = (await now()).themes.map((theme) => theme.key);
      for (const from of others) {
        const merged = await lead.submit(themesUrl(), `${themesUrl()}/merge`, { from, into });
        expect(merged.statusCode).toBe(303);
      }
      const members = membersOf(await now()).get(into) ?? [];
      expect(members.length).toBeGreaterThan(MEMBERS_ON_THEMES_PAGE);

      const card = section((await lead.get(themesUrl())).body, into);
      expect(codeLinks(card)).toBe(MEMBERS_ON_THEMES_PAGE);
      expect(visibleText(card)).toContain(`See all ${members.length} voices in this theme`);

      const all = await lead.get(`${themesUrl()}/${into}/voices`);
      expect(all.statusCode).toBe(200);
      expect(visibleText(all.body)).toContain(
        `Voices 1 to ${members.length} of ${members.length}.`,
      );
      expect(codeLinks(all.body)).toBe(members.length);
      for (const voiceId of members) expect(all.body).toContain(`/themes/voices/${voiceId}`);
      // A page past the end shows the last; there is no such theme; council roles may not look.
      expect(codeLinks((await lead.get(`${themesUrl()}/${into}/voices?page=9`)).body)).toBe(
        members.length,
      );
      expect((await lead.get(`${themesUrl()}/not-a-theme/voices`)).statusCode).toBe(404);
      const officer = await signedIn(DEMO.officer);
      expect((await officer.get(`${themesUrl()}/${into}/voices`)).statusCode).toBe(403);
    },
  );

  it.skipIf(skip)(
    'voices left in no theme: the first on the themes page, all of them on a page of their own',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const before = await now();
      for (const theme of before.themes) {
        const deleted = await lead.submit(themesUrl(), `${themesUrl()}/${theme.key}/delete`, {});
        expect(deleted.statusCode).toBe(303);
      }
      const left = [...before.assignments.keys()];
      expect(left.length).toBeGreaterThan(MEMBERS_ON_THEMES_PAGE);

      const page = (await lead.get(themesUrl())).body;
      const inNoTheme = page.slice(page.indexOf('Voices in no theme'));
      expect(codeLinks(inNoTheme)).toBe(MEMBERS_ON_THEMES_PAGE);
      expect(visibleText(inNoTheme)).toContain(`See all ${left.length} voices in no theme`);

      const all = await lead.get(`${themesUrl()}/none/voices`);
      expect(visibleText(all.body)).toContain(`Voices in no theme Voices 1 to ${left.length}`);
      for (const voiceId of left) expect(all.body).toContain(`/themes/voices/${voiceId}`);
    },
  );
});
