import { describe, expect, it } from 'vitest';
import { type Browser, DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import {
  CONCERN,
  HOSPITAL_TOPICS,
  NOT_QUOTABLE,
  type ThemesTest,
  themesTest,
} from '../../../test/themes-fixture.ts';
import { formatDate } from '../../platform/dates.ts';
import { insertCampaignDecision } from '../sorting/sorting.repository.ts';
import { themesNow } from './themes.actions.ts';
import { latestPublication } from './themes.publication.ts';
import { insertThemeSnapshot, latestThemeSnapshot } from './themes.repository.ts';

const FLAG = 'My son takes my bank card and I never see my money.';
const LETTER =
  'We the undersigned ask the council to keep the Riverside day centre open. It is a lifeline for disabled adults and their carers, it gives people friendship and a reason to get up, and closing it would leave families without any support during the week.';
const NOT_USABLE = 'The hospital transport home was cancelled twice and I waited all evening.';

describe.each(testDatabases)('drafting themes on $label', (database) => {
  const ids: Record<string, string> = {};
  const letters: string[] = [];
  const transport: string[] = [];
  const fixture: ThemesTest = themesTest(database, async ({ say, sayEach }) => {
    for (const [name, topic] of Object.entries(HOSPITAL_TOPICS)) {
      const said = await sayEach(topic);
      if (name === 'transport') transport.push(...said.map((voice) => voice.id));
    }
    const flag = await say(FLAG, { perspective: 'lived_experience' });
    expect(flag.triageState).toBe('safeguarding_flagged');
    ids.flag = flag.id;
    const concern = await say(CONCERN, { perspective: 'lived_experience' });
    expect(concern.triageState).toBe('concern_suggested');
    ids.concern = concern.id;
    ids.notQuotable = (
      await say(NOT_QUOTABLE, { perspective: 'family_carer', consentQuote: false })
    ).id;
    ids.notUsable = (await say(NOT_USABLE, { perspective: 'family_carer' })).id;
    await fixture.heard.db
      .updateTable('voices')
      .set({ consent_use: 0 })
      .where('id', '=', ids.notUsable)
      .execute();
    for (const ending of ['', ' Please listen.', ' Thank you.', ' We mean it.', ' Save it.', '']) {
      letters.push((await say(LETTER + ending, { perspective: 'family_carer' })).id);
    }
  });
  const { skip, signedIn, draftAsLead } = fixture;
  const themesUrl = () => fixture.themesUrl();

  const inSnapshot = (snapshot: Awaited<ReturnType<typeof draftAsLead>>) => ({
    themed: new Set(snapshot.assignments.map((a) => a.voiceId)),
    quoted: new Set(snapshot.themes.flatMap((theme) => theme.quotes.map((q) => q.voiceId))),
  });

  it.skipIf(skip)(
    'a draft themes only what may be used: no flag, no refused consent, a concern counted but never quoted, an undecided campaign as one',
    async () => {
      const snapshot = await draftAsLead();
      expect(snapshot.version).toBe(1);
      expect(snapshot.pipelineVersion).toMatch(/^themes-\d+\+synthesis-\d+$/);
      expect(snapshot.themes.length).toBeGreaterThan(1);
      const { themed, quoted } = inSnapshot(snapshot);
      expect(themed.has(ids.flag ?? '')).toBe(false);
      expect(themed.has(ids.notUsable ?? '')).toBe(false);
      expect(themed.has(ids.concern ?? '')).toBe(true);
      expect(quoted.has(ids.concern ?? '')).toBe(false);
      expect(quoted.has(ids.notQuotable ?? '')).toBe(false);
      expect(letters.filter((id) => themed.has(id))).toHaveLength(1);
      // The rules may flag more of the test's words than FLAG: none of them goes in.
      const flagged = await fixture.heard.db
        .selectFrom('voices')
        .select('id')
        .where('engagement_id', '=', fixture.listening.id)
        .where('triage_state', 'like', 'safeguarding_%')
        .execute();
      expect(flagged.filter((voice) => themed.has(voice.id))).toEqual([]);
      expect(snapshot.inputs).toMatchObject({
        safeguarding: flagged.length,
        noConsent: 1,
        concerns: 1,
        campaignCopies: letters.length - 1,
      });
      const campaign = snapshot.themes.flatMap((theme) => theme.campaigns);
      expect(campaign).toEqual([
        expect.objectContaining({ size: letters.length, weighAs: 'undecided' }),
      ]);
      for (const assignment of snapshot.assignments) {
        for (const { confidence } of assignment.themes) {
          expect(confidence).toBeGreaterThan(0);
          expect(confidence).toBeLessThanOrEqual(1);
        }
      }
      const lead = await signedIn(DEMO.lead);
      const page = visibleText((await lead.get(themesUrl())).body);
      expect(page).toContain(
        `A campaign of ${letters.length} near-identical letters, counted as one: not yet decided.`,
      );
      expect(page).not.toContain(CONCERN);
      expect(page).not.toContain(FLAG);
    },
  );

  it.skipIf(skip)(
    'a campaign counted as many enters every letter; counted as one, one letter',
    async () => {
      const lead = await fixture.heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow();
      const groupId = `campaign-${letters[0] ?? ''}`;
      await insertCampaignDecision(fixture.heard.db, fixture.listening.id, {
        groupId,
        weighAs: 'many',
        reason: 'Each letter was written by a different family.',
        decidedById: lead.id,
        decidedAt: '2026-11-26T09:10:00.000Z',
      });
      const many = await draftAsLead();
      expect(many.version).toBe(2);
      expect(letters.filter((id) => inSnapshot(many).themed.has(id))).toHaveLength(letters.length);

      await insertCampaignDecision(fixture.heard.db, fixture.listening.id, {
        groupId,
        weighAs: 'one',
        reason: 'One letter, sent round by one group.',
        decidedById: lead.id,
        decidedAt: '2026-11-26T09:20:00.000Z',
      });
      const one = await draftAsLead();
      expect(one.version).toBe(3);
      expect(letters.filter((id) => inSnapshot(one).themed.has(id))).toHaveLength(1);
      const browser = await signedIn(DEMO.lead);
      expect(visibleText((await browser.get(themesUrl())).body)).toContain(
        `A campaign of ${letters.length} near-identical letters, counted as one.`,
      );
      // Every earlier version is kept as it was.
      const versions = await fixture.heard.db
        .selectFrom('theme_snapshots')
        .select('version')
        .where('engagement_id', '=', fixture.listening.id)
        .orderBy('version')
        .execute();
      expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    },
  );

  it.skipIf(skip)(
    'a renamed theme keeps its name and a locked theme its voices when drafted again',
    async () => {
      const before = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      // The theme renamed is the one most of the transport voices are in, which a draft without
      // the locked theme's voices finds again; any other theme is locked.
      const inTransport = (theme: { members: string[] }) =>
        theme.members.filter((id) => transport.includes(id)).length;
      const themes = [...(before?.themes ?? [])];
      const renamed = themes.sort((a, b) => inTransport(b) - inTransport(a))[0];
      const locked = themes.find((theme) => theme !== renamed);
      if (renamed === undefined || locked === undefined) throw new Error('too few themes');
      expect(inTransport(renamed)).toBeGreaterThanOrEqual(4);
      const advocate = await signedIn(DEMO.advocate);
      const editUrl = (key: string) => `${themesUrl()}/${key}/edit`;
      const saved = await advocate.submit(editUrl(renamed.key), editUrl(renamed.key), {
        label: 'Getting home: transport and waiting',
        description: 'How people got home, and how long they waited.',
      });
      expect(saved.statusCode).toBe(303);
      expect(
        (
          await advocate.submit(editUrl(locked.key), editUrl(locked.key), {
            label: locked.label,
            description: '',
            locked: '1',
          })
        ).statusCode,
      ).toBe(303);
      const missing = await advocate.submit(editUrl(renamed.key), editUrl(renamed.key), {
        label: ' ',
      });
      expect(missing.statusCode).toBe(400);
      expect(visibleText(missing.body)).toContain('Enter a name for the theme');

      const after = await draftAsLead();
      // Carried forward by member overlap: the renamed theme is found again under its key.
      expect(after.themes.map((theme) => theme.key)).toContain(renamed.key);
      const keptLocked = after.themes.find((theme) => theme.key === locked.key);
      expect(keptLocked?.locked).toBe(true);
      expect(keptLocked?.members).toEqual(locked.members);
      const page = visibleText((await advocate.get(themesUrl())).body);
      expect(page).toContain('Getting home: transport and waiting');
      expect(page).toContain('renamed it “Getting home: transport and waiting”');
      const edits = await fixture.heard.db
        .selectFrom('theme_edits')
        .select(['field', 'theme_key'])
        .where('engagement_id', '=', fixture.listening.id)
        .execute();
      expect(edits).toHaveLength(3);
    },
  );

  it.skipIf(skip)(
    'council roles see nothing until an advocate reviews a version and the lead publishes it, then that version even when a newer one is drafted',
    async () => {
      const officer = await signedIn(DEMO.officer);
      const before = visibleText((await officer.get(themesUrl())).body);
      expect(before).toContain('The advocacy organisation has not published themes yet.');
      expect(before).not.toContain('The themes');
      const lead = await signedIn(DEMO.lead);
      const shown = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      const first = shown?.themes[0];
      if (shown === undefined || first === undefined) throw new Error('no themes to publish');
      const leadBefore = visibleText((await lead.get(themesUrl())).body);
      expect(leadBefore).toContain('Nothing: no themes have been published yet.');
      expect(leadBefore).toContain(
        `Draft ${shown.version} can be published once someone has marked it reviewed.`,
      );
      expect(leadBefore).not.toContain('Publish these themes');

      // Not reviewed: refused with what to do, nothing published.
      const early = await lead.submit(themesUrl(), `${themesUrl()}/publish`, {
        snapshotId: shown.id,
      });
      expect(early.statusCode).toBe(400);
      expect(visibleText(early.body)).toContain(
        'Mark the themes as reviewed before publishing them',
      );
      const published = () =>
        fixture.heard.db
          .selectFrom('theme_publications')
          .select('snapshot_id')
          .where('engagement_id', '=', fixture.listening.id)
          .execute();
      expect(await published()).toEqual([]);

      const advocate = await signedIn(DEMO.advocate);
      const reviewed = await advocate.submit(themesUrl(), `${themesUrl()}/review`, {
        snapshotId: shown.id,
      });
      expect(reviewed.statusCode).toBe(303);
      // Marking it again adds nothing: once is enough.
      await advocate.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: shown.id });
      const advocateName = await fixture.heard.db
        .selectFrom('users')
        .select('name')
        .where('email', '=', DEMO.advocate)
        .executeTakeFirstOrThrow();
      // A change after the review is counted, so the lead knows before publishing.
      fixture.heard.advanceMinutes(1);
      expect(
        (
          await advocate.submit(themesUrl(), `${themesUrl()}/add`, {
            label: 'Added after the review',
          })
        ).statusCode,
      ).toBe(303);
      const leadReviewed = visibleText((await lead.get(themesUrl())).body);
      expect(leadReviewed).toContain(`Reviewed by ${advocateName.name} on`);
      expect(leadReviewed).toContain('Changes made since then: 1.');
      expect(leadReviewed).toContain('Publish these themes');
      expect(visibleText((await officer.get(themesUrl())).body)).toContain(
        'The advocacy organisation has not published themes yet.',
      );

      const sent = await lead.submit(themesUrl(), `${themesUrl()}/publish`, {
        snapshotId: shown.id,
      });
      expect(sent.statusCode).toBe(303);
      const audit = await fixture.heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', 'in', ['themes_reviewed', 'themes_published'])
        .where('record_id', '=', fixture.listening.id)
        .orderBy('id')
        .execute();
      expect(audit.map((row) => [row.action, JSON.parse(row.details) as unknown])).toEqual([
        ['themes_reviewed', { snapshot: shown.id, version: shown.version }],
        ['themes_published', { snapshot: shown.id, version: shown.version }],
      ]);

      // A newer version, with a theme of its own, after publishing: the council must not see it.
      const NEWER = 'A theme only the newer version has';
      const newer = await insertThemeSnapshot(fixture.heard.db, {
        ...shown,
        createdAt: fixture.heard.clock().toISOString(),
        themes: [...shown.themes, { ...first, key: 'newer', label: NEWER, members: [] }],
      });
      expect(newer.version).toBe(shown.version + 1);
      const council = visibleText((await officer.get(themesUrl())).body);
      expect(council).toContain(
        `Published by the advocacy organisation on ${formatDate(fixture.heard.clock().toISOString())} (draft ${shown.version}).`,
      );
      expect(council).not.toContain(NEWER);
      const leadPage = visibleText((await lead.get(themesUrl())).body);
      expect(leadPage).toContain(NEWER);
      expect(leadPage).toContain(`Draft ${newer.version}, made on`);
      expect(leadPage).toMatch(new RegExp(`Draft ${shown.version}, published by .+ on`));
      expect(leadPage).toContain(`Mark draft ${newer.version} as reviewed`);
      expect(leadPage).not.toContain('Publish these themes');
    },
  );

  it.skipIf(skip)(
    'the lead takes the published themes back with a reason: the council sees no themes, and why, until the lead publishes again',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const officer = await signedIn(DEMO.officer);
      const publication = await latestPublication(fixture.heard.db, fixture.listening.id);
      if (publication === undefined) throw new Error('nothing published');
      const takeBack = (browser: Browser, fields: Record<string, string>) =>
        browser.submit(themesUrl(), `${themesUrl()}/take-back`, fields);

      const noReason = await takeBack(lead, { publicationId: publication.id, reason: '  ' });
      expect(noReason.statusCode).toBe(400);
      expect(visibleText(noReason.body)).toContain('Enter why you are taking the themes back');
      const tooLong = 'x'.repeat(1001);
      const long = await takeBack(lead, { publicationId: publication.id, reason: tooLong });
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain(tooLong);
      expect(await latestPublication(fixture.heard.db, fixture.listening.id)).toEqual(publication);
      // A form without the publication it was about is not the lead's to fix: nothing is there.
      expect((await takeBack(lead, { reason: 'No publication named.' })).statusCode).toBe(404);

      // Advocates and council roles may not; anyone outside the engagement is told it is not there.
      const advocate = await signedIn(DEMO.advocate);
      const fields = { publicationId: publication.id, reason: 'Not ours to take back.' };
      expect((await takeBack(advocate, fields)).statusCode).toBe(403);
      expect((await takeBack(officer, fields)).statusCode).toBe(403);
      expect((await takeBack(await signedIn(DEMO.platformAdmin), fields)).statusCode).toBe(404);

      const REASON = 'A quote could tell people who said it.';
      const taken = await takeBack(lead, { publicationId: publication.id, reason: REASON });
      expect(taken.statusCode).toBe(303);
      expect(await latestPublication(fixture.heard.db, fixture.listening.id)).toBeUndefined();
      const council = visibleText((await officer.get(themesUrl())).body);
      expect(council).toContain('The advocacy organisation took back the themes it had published');
      expect(council).toContain(`“${REASON}”`);
      expect(council).not.toContain('The themes');
      expect(visibleText((await lead.get(themesUrl())).body)).toContain(
        `took back draft ${publication.version} on`,
      );
      const audit = await fixture.heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'themes_taken_back')
        .where('record_id', '=', fixture.listening.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toEqual({
        publication: publication.id,
        snapshot: publication.snapshotId,
        version: publication.version,
      });
      expect(audit.details).not.toContain(REASON);
      // The same publication cannot be taken back twice.
      expect(
        (await takeBack(lead, { publicationId: publication.id, reason: REASON })).statusCode,
      ).toBe(409);

      // Reviewed and published again: the council sees the newest version.
      const newest = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      if (newest === undefined) throw new Error('no snapshot');
      await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: newest.id });
      expect(
        (await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId: newest.id }))
          .statusCode,
      ).toBe(303);
      expect((await latestPublication(fixture.heard.db, fixture.listening.id))?.snapshotId).toBe(
        newest.id,
      );
      expect(visibleText((await officer.get(themesUrl())).body)).toContain(
        `(draft ${newest.version})`,
      );
    },
  );

  it.skipIf(skip)(
    'council roles see counts under 5 suppressed, quotes without names, and cannot draft, edit, review or publish',
    async () => {
      const officer = await signedIn(DEMO.officer);
      const response = await officer.get(themesUrl());
      expect(response.statusCode).toBe(200);
      const page = visibleText(response.body);
      expect(page).toContain('fewer than 5');
      expect(page).not.toContain(CONCERN);
      expect(page).not.toContain(FLAG);
      expect(page).not.toContain('What went into this draft');
      expect(page).not.toContain('Draft themes');
      expect(page).not.toContain('Who changed this theme');
      expect(response.body).not.toContain('/edit"');
      const snapshot = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      const quote = snapshot?.themes.flatMap((theme) => theme.quotes)[0];
      if (quote !== undefined) expect(page).toContain(quote.text);

      const leadPage = visibleText((await (await signedIn(DEMO.lead)).get(themesUrl())).body);
      expect(leadPage).not.toContain('fewer than 5');

      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
      expect((await officer.post(`${themesUrl()}/draft`, { _csrf: token })).statusCode).toBe(403);
      const key = snapshot?.themes[0]?.key ?? '';
      expect((await officer.get(`${themesUrl()}/${key}/edit`)).statusCode).toBe(403);
      for (const action of ['publish', 'review']) {
        expect(
          (
            await officer.post(`${themesUrl()}/${action}`, {
              _csrf: token,
              snapshotId: snapshot?.id ?? '',
            })
          ).statusCode,
        ).toBe(403);
      }
      expect(page).not.toContain('Publish these themes');
      expect(page).not.toContain('Take these themes back');
    },
  );

  it.skipIf(skip)('someone outside the engagement is told it does not exist', async () => {
    const outsider = await signedIn(DEMO.platformAdmin);
    expect((await outsider.get(themesUrl())).statusCode).toBe(404);
    const advocate = await signedIn(DEMO.advocate);
    const page = await advocate.get(themesUrl());
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    // An advocate edits themes; only the advocacy lead starts a draft or publishes themes.
    expect((await advocate.post(`${themesUrl()}/draft`, { _csrf: token })).statusCode).toBe(403);
    const snapshot = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
    const publish = { snapshotId: snapshot?.id ?? '' };
    expect(
      (await advocate.post(`${themesUrl()}/publish`, { ...publish, _csrf: token })).statusCode,
    ).toBe(403);
    expect(visibleText(page.body)).not.toContain('Publish these themes');
    const outsiderPage = await outsider.get('/');
    const outsiderToken = /name="_csrf" value="([^"]+)"/.exec(outsiderPage.body)?.[1] ?? '';
    for (const action of ['publish', 'review']) {
      expect(
        (await outsider.post(`${themesUrl()}/${action}`, { ...publish, _csrf: outsiderToken }))
          .statusCode,
      ).toBe(404);
    }
    const publications = await fixture.heard.db
      .selectFrom('theme_publications')
      .select('published_by_id')
      .where('engagement_id', '=', fixture.listening.id)
      .execute();
    expect(publications).toHaveLength(2);
  });

  it.skipIf(skip)(
    'a split theme\'s "counted as one" note goes with the letter into the new theme it is put in',
    async () => {
      const now = () => themesNow(fixture.deps(), fixture.engagement, null);
      const before = await now();
      const withNote = before.themes.find((theme) =>
        theme.campaigns.some((note) => note.weighAs === 'one'),
      );
      const letter = withNote?.campaigns[0]?.voiceIds?.[0];
      if (withNote === undefined || letter === undefined) throw new Error('no campaign note');
      expect(letters).toContain(letter);
      const voices = [...before.assignments.values()]
        .filter((assignment) => assignment.themes.some(({ key }) => key === withNote.key))
        .map((assignment) => assignment.voiceId);
      expect(voices).toContain(letter);
      expect(voices.length).toBeGreaterThan(1);
      const NOTE = `A campaign of ${letters.length} near-identical letters, counted as one.`;
      const advocate = await signedIn(DEMO.advocate);
      const splitUrl = `${themesUrl()}/${withNote.key}/split`;
      const split = await advocate.submit(splitUrl, splitUrl, {
        name1: 'Everything but the day centre',
        name2: 'Keep the day centre open',
        ...Object.fromEntries(voices.map((id) => [`voice-${id}`, id === letter ? '2' : '1'])),
      });
      expect(split.statusCode).toBe(303);
      const after = await now();
      const part = (label: string) => after.themes.find((theme) => theme.label === label);
      expect(part('Keep the day centre open')?.campaigns).toEqual([
        expect.objectContaining({ size: letters.length, weighAs: 'one', voiceIds: [letter] }),
      ]);
      expect(part('Everything but the day centre')?.campaigns).toEqual([]);
      const page = visibleText((await advocate.get(themesUrl())).body);
      expect(page.split(NOTE)).toHaveLength(2);
    },
  );
});
