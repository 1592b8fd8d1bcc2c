import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import { formatDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { type Engagement, findEngagement } from '../engagements/index.ts';
import { insertCampaignDecision } from '../sorting/sorting.repository.ts';
import type { Perspective } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';
import { draftFinished } from './themes.drafting.ts';
import { latestPublication } from './themes.publication.ts';
import { insertThemeSnapshot, latestThemeSnapshot } from './themes.repository.ts';

const FLAG = 'My son takes my bank card and I never see my money.';
const CONCERN =
  'My direct payment has been late for three months, reference DP 4471. Nobody rings back.';
const LETTER =
  'We the undersigned ask the council to keep the Riverside day centre open. It is a lifeline for disabled adults and their carers, it gives people friendship and a reason to get up, and closing it would leave families without any support during the week.';
const NOT_QUOTABLE = 'The discharge letter used words nobody in my family understood at all.';
const NOT_USABLE = 'The hospital transport home was cancelled twice and I waited all evening.';

// Six things people said, six ways each: enough for the draft to find themes.
const TOPICS = [
  [
    'The transport home from hospital was late',
    'I waited hours for the hospital transport',
    'Nobody booked the transport home so my daughter drove',
    'The ambulance transport home never came on time',
    'Transport from the ward took all afternoon to arrive',
    'We waited for hospital transport until the evening',
  ],
  [
    'There was no food in the house when I got home',
    'Nobody checked I had food or could cook',
    'I came home to an empty fridge and no shopping',
    'A neighbour brought food because nobody else did',
    'I could not get to the shops for food for a week',
    'Meals were not arranged after I left the ward',
  ],
  [
    'The carers did not start until a week after I got home',
    'My care package was not ready when I was discharged',
    'The home carers visited at different times every day',
    'Carers were not told I had come home from hospital',
    'Nobody from the care agency came for the first days',
    'My carers did not know about my new medication',
  ],
  [
    'The medicines were not explained before I left',
    'I was given new tablets and nobody said what for',
    'My medication changed and my GP was not told',
    'The pharmacy had no record of my new medicines',
    'I did not understand the instructions for my tablets',
    'Nobody told me which medicines to stop taking',
  ],
  [
    'The nurses on the ward were kind and patient',
    'Staff on the ward listened to my family',
    'The ward nurses explained everything to my husband',
    'The physiotherapist on the ward was brilliant',
    'Kind staff made the ward feel less frightening',
    'The nurses took time to listen to my worries',
  ],
  [
    'Adaptations at home were not fitted before I came back',
    'The grab rails were fitted a month late',
    'I needed a hospital bed at home and it came late',
    'My stairlift was not working when I got home',
    'Equipment for the bathroom arrived weeks later',
    'The occupational therapist visited home after I fell',
  ],
] as const;
const PERSPECTIVES: Perspective[] = ['lived_experience', 'family_carer', 'professional'];

describe.each(testDatabases)('drafting themes on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let engagement: Engagement;
  const ids: Record<string, string> = {};
  const letters: string[] = [];
  const skip = database.skipReason !== undefined;
  const themesUrl = () => `/engagements/${listening.id}/themes`;
  const deps = (): Deps => ({
    config: heard.config,
    db: heard.db,
    clock: heard.clock,
    t: translator('en'),
  });

  const say = async (text: string, perspective: Perspective, consentQuote = true) => {
    const { participantId } = await submitPublicVoices(deps(), engagement, {
      perspective,
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote,
      contact: null,
    });
    const voice = await heard.db
      .selectFrom('voices')
      .select(['id', 'triage_state'])
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    return voice;
  };

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  /** The lead presses "Draft themes" and the draft is left to finish. */
  const draftAsLead = async () => {
    const lead = await signedIn(DEMO.lead);
    const started = await lead.submit(themesUrl(), `${themesUrl()}/draft`, {});
    expect(started.statusCode).toBe(303);
    await draftFinished(listening.id);
    const snapshot = await latestThemeSnapshot(heard.db, listening.id);
    if (snapshot === undefined) throw new Error('no snapshot saved');
    return snapshot;
  };

  const inSnapshot = (snapshot: Awaited<ReturnType<typeof draftAsLead>>) => ({
    themed: new Set(snapshot.assignments.map((a) => a.voiceId)),
    quoted: new Set(snapshot.themes.flatMap((theme) => theme.quotes.map((q) => q.voiceId))),
  });

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    const found = await findEngagement(heard.db, listening.id);
    if (found === undefined) throw new Error('engagement not found');
    engagement = found;
    let n = 0;
    for (const topic of TOPICS)
      for (const text of topic) await say(text, PERSPECTIVES[n++ % 3] ?? 'lived_experience');
    const flag = await say(FLAG, 'lived_experience');
    expect(flag.triage_state).toBe('safeguarding_flagged');
    ids.flag = flag.id;
    const concern = await say(CONCERN, 'lived_experience');
    expect(concern.triage_state).toBe('concern_suggested');
    ids.concern = concern.id;
    ids.notQuotable = (await say(NOT_QUOTABLE, 'family_carer', false)).id;
    ids.notUsable = (await say(NOT_USABLE, 'family_carer')).id;
    await heard.db
      .updateTable('voices')
      .set({ consent_use: 0 })
      .where('id', '=', ids.notUsable)
      .execute();
    for (const ending of ['', ' Please listen.', ' Thank you.', ' We mean it.', ' Save it.', '']) {
      letters.push((await say(LETTER + ending, 'family_carer')).id);
    }
  }, 60_000);

  afterAll(async () => {
    if (!skip) await heard.close();
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
      const flagged = await heard.db
        .selectFrom('voices')
        .select('id')
        .where('engagement_id', '=', listening.id)
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
      const lead = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow();
      const groupId = `campaign-${letters[0] ?? ''}`;
      await insertCampaignDecision(heard.db, listening.id, {
        groupId,
        weighAs: 'many',
        reason: 'Each letter was written by a different family.',
        decidedById: lead.id,
        decidedAt: '2026-11-26T09:10:00.000Z',
      });
      const many = await draftAsLead();
      expect(many.version).toBe(2);
      expect(letters.filter((id) => inSnapshot(many).themed.has(id))).toHaveLength(letters.length);

      await insertCampaignDecision(heard.db, listening.id, {
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
      const versions = await heard.db
        .selectFrom('theme_snapshots')
        .select('version')
        .where('engagement_id', '=', listening.id)
        .orderBy('version')
        .execute();
      expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    },
  );

  it.skipIf(skip)(
    'a renamed theme keeps its name and a locked theme its voices when drafted again',
    async () => {
      const before = await latestThemeSnapshot(heard.db, listening.id);
      const [renamed, locked] = before?.themes ?? [];
      if (renamed === undefined || locked === undefined) throw new Error('too few themes');
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
      const edits = await heard.db
        .selectFrom('theme_edits')
        .select(['field', 'theme_key'])
        .where('engagement_id', '=', listening.id)
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
      const shown = await latestThemeSnapshot(heard.db, listening.id);
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
        heard.db
          .selectFrom('theme_publications')
          .select('snapshot_id')
          .where('engagement_id', '=', listening.id)
          .execute();
      expect(await published()).toEqual([]);

      const advocate = await signedIn(DEMO.advocate);
      const reviewed = await advocate.submit(themesUrl(), `${themesUrl()}/review`, {
        snapshotId: shown.id,
      });
      expect(reviewed.statusCode).toBe(303);
      // Marking it again adds nothing: once is enough.
      await advocate.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: shown.id });
      const advocateName = await heard.db
        .selectFrom('users')
        .select('name')
        .where('email', '=', DEMO.advocate)
        .executeTakeFirstOrThrow();
      // A change after the review is counted, so the lead knows before publishing.
      heard.advanceMinutes(1);
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
      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', 'in', ['themes_reviewed', 'themes_published'])
        .where('record_id', '=', listening.id)
        .orderBy('id')
        .execute();
      expect(audit.map((row) => [row.action, JSON.parse(row.details) as unknown])).toEqual([
        ['themes_reviewed', { snapshot: shown.id, version: shown.version }],
        ['themes_published', { snapshot: shown.id, version: shown.version }],
      ]);

      // A newer version, with a theme of its own, after publishing: the council must not see it.
      const NEWER = 'A theme only the newer version has';
      const newer = await insertThemeSnapshot(heard.db, {
        ...shown,
        createdAt: heard.clock().toISOString(),
        themes: [...shown.themes, { ...first, key: 'newer', label: NEWER, members: [] }],
      });
      expect(newer.version).toBe(shown.version + 1);
      const council = visibleText((await officer.get(themesUrl())).body);
      expect(council).toContain(
        `Published by the advocacy organisation on ${formatDate(heard.clock().toISOString())} (draft ${shown.version}).`,
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
      const publication = await latestPublication(heard.db, listening.id);
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
      expect(await latestPublication(heard.db, listening.id)).toEqual(publication);
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
      expect(await latestPublication(heard.db, listening.id)).toBeUndefined();
      const council = visibleText((await officer.get(themesUrl())).body);
      expect(council).toContain('The advocacy organisation took back the themes it had published');
      expect(council).toContain(`“${REASON}”`);
      expect(council).not.toContain('The themes');
      expect(visibleText((await lead.get(themesUrl())).body)).toContain(
        `took back draft ${publication.version} on`,
      );
      const audit = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'themes_taken_back')
        .where('record_id', '=', listening.id)
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
      const newest = await latestThemeSnapshot(heard.db, listening.id);
      if (newest === undefined) throw new Error('no snapshot');
      await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId: newest.id });
      expect(
        (await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId: newest.id }))
          .statusCode,
      ).toBe(303);
      expect((await latestPublication(heard.db, listening.id))?.snapshotId).toBe(newest.id);
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
      const snapshot = await latestThemeSnapshot(heard.db, listening.id);
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
    const snapshot = await latestThemeSnapshot(heard.db, listening.id);
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
    const publications = await heard.db
      .selectFrom('theme_publications')
      .select('published_by_id')
      .where('engagement_id', '=', listening.id)
      .execute();
    expect(publications).toHaveLength(2);
  });
});
