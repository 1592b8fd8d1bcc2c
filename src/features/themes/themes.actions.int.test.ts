import { describe, expect, it } from 'vitest';
import { DEMO, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { HOSPITAL_TOPICS, type ThemesTest, themesTest } from '../../../test/themes-fixture.ts';
import { themesNow } from './themes.actions.ts';
import { draftFinished } from './themes.drafting.ts';
import { latestThemeSnapshot } from './themes.repository.ts';

// Five things people said, six ways each: enough for the draft to find several themes.
const TOPICS = [
  HOSPITAL_TOPICS.transport,
  HOSPITAL_TOPICS.food,
  HOSPITAL_TOPICS.medicines,
  HOSPITAL_TOPICS.nurses,
  HOSPITAL_TOPICS.adaptations,
] as const;

describe.each(testDatabases)('advocates own the themes on $label', (database) => {
  /** Voice ids by topic, in the order of TOPICS. */
  const byTopic: string[][] = [];
  const fixture: ThemesTest = themesTest(database, async ({ sayEach, draftAsLead }) => {
    for (const topic of TOPICS) byTopic.push((await sayEach(topic)).map((voice) => voice.id));
    await draftAsLead();
  });
  const { skip, signedIn } = fixture;
  const themesUrl = () => fixture.themesUrl();
  const voiceUrl = (voiceId: string) => `${themesUrl()}/voices/${voiceId}`;
  const now = () => themesNow(fixture.deps(), fixture.engagement, null);
  /** The keys of the themes standing now that the machine drafted (not added by a person). */
  const drafted = async (): Promise<string[]> =>
    (await now()).themes.filter((theme) => theme.stored.length > 0).map((theme) => theme.key);

  it.skipIf(skip)('mapping before anyone coded a voice says why, and saves nothing', async () => {
    const before = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
    const advocate = await signedIn(DEMO.advocate);
    expect((await advocate.submit(themesUrl(), `${themesUrl()}/map`, {})).statusCode).toBe(303);
    await draftFinished(fixture.listening.id);
    expect((await latestThemeSnapshot(fixture.heard.db, fixture.listening.id))?.version).toBe(
      before?.version,
    );
    expect(visibleText((await advocate.get(themesUrl())).body)).toContain(
      'no voice is coded by hand yet',
    );
  });

  it.skipIf(skip)('an advocate adds a theme by name; a name is required', async () => {
    const advocate = await signedIn(DEMO.advocate);
    const added = await advocate.submit(themesUrl(), `${themesUrl()}/add`, {
      label: 'Getting back to work',
    });
    expect(added.statusCode).toBe(303);
    expect(
      (await advocate.submit(themesUrl(), `${themesUrl()}/add`, { label: 'Waiting at home' }))
        .statusCode,
    ).toBe(303);
    const page = visibleText((await advocate.get(themesUrl())).body);
    expect(page).toContain('Getting back to work');
    expect(page).toContain('added it as “Getting back to work”');
    const empty = await advocate.submit(themesUrl(), `${themesUrl()}/add`, { label: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(visibleText(empty.body)).toContain('Enter a name for the theme');
  });

  it.skipIf(skip)('an advocate merges two themes: one theme, with the voices of both', async () => {
    const [from = '', into = ''] = await drafted();
    const before = await now();
    const voicesOf = (key: string) =>
      [...before.assignments.values()]
        .filter((a) => a.themes[0]?.key === key)
        .map((a) => a.voiceId);
    const expected = [...voicesOf(from), ...voicesOf(into)];
    const advocate = await signedIn(DEMO.advocate);
    const same = await advocate.submit(themesUrl(), `${themesUrl()}/merge`, { from, into: from });
    expect(same.statusCode).toBe(400);
    expect(visibleText(same.body)).toContain('Choose two different themes');
    const merged = await advocate.submit(themesUrl(), `${themesUrl()}/merge`, { from, into });
    expect(merged.statusCode).toBe(303);
    const after = await now();
    expect(after.themes.map((theme) => theme.key)).not.toContain(from);
    const inInto = [...after.assignments.values()]
      .filter((a) => a.themes[0]?.key === into)
      .map((a) => a.voiceId);
    expect(inInto.sort()).toEqual(expected.sort());
    const page = visibleText((await advocate.get(themesUrl())).body);
    expect(page).toContain(`Voices: ${expected.length}`);
    expect(page).toMatch(/merged “.+” into it/);
  });

  it.skipIf(skip)('an advocate deletes a theme: its voices are in it no more', async () => {
    const gone = (await drafted()).at(-1) ?? '';
    const members = [...(await now()).assignments.values()]
      .filter((a) => a.themes.some(({ key }) => key === gone))
      .map((a) => a.voiceId);
    expect(members.length).toBeGreaterThan(0);
    const advocate = await signedIn(DEMO.advocate);
    const deleted = await advocate.submit(themesUrl(), `${themesUrl()}/${gone}/delete`, {});
    expect(deleted.statusCode).toBe(303);
    const after = await now();
    expect(after.themes.map((theme) => theme.key)).not.toContain(gone);
    for (const id of members) {
      expect(after.assignments.get(id)?.themes.map(({ key }) => key)).not.toContain(gone);
    }
    const alone = members.filter((id) => after.assignments.get(id)?.themes.length === 0);
    if (alone.length > 0) {
      const page = visibleText((await advocate.get(themesUrl())).body);
      expect(page).toContain('Voices in no theme');
      const text = TOPICS.flat()[byTopic.flat().indexOf(alone[0] ?? '')] ?? '';
      expect(page).toContain(`“${text}”`);
    }
    // Deleting it again finds nothing to delete.
    expect(
      (await advocate.submit(themesUrl(), `${themesUrl()}/${gone}/delete`, {})).statusCode,
    ).toBe(404);
  });

  it.skipIf(skip)(
    'an advocate codes a voice by hand and moves it; each says who and when',
    async () => {
      const voiceId = byTopic[3]?.[0] ?? '';
      const [nurses = '', home = ''] = (await now()).themes.map((theme) => theme.key);
      const advocate = await signedIn(DEMO.advocate);
      const page = visibleText((await advocate.get(voiceUrl(voiceId))).body);
      expect(page).toContain(TOPICS[3][0]);
      expect(page).toContain('Put there by the machine');
      const coded = await advocate.submit(voiceUrl(voiceId), voiceUrl(voiceId), {
        themes: [home, nurses],
      });
      expect(coded.statusCode).toBe(303);
      const advocateName = await fixture.heard.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('email', '=', DEMO.advocate)
        .executeTakeFirstOrThrow();
      let standing = (await now()).assignments.get(voiceId);
      // The page's order of themes decides the main one, not the order of the form fields.
      const order = (await now()).themes.map((theme) => theme.key);
      expect(standing?.themes.map(({ key }) => key)).toEqual(
        [nurses, home].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      );
      expect(standing?.by).toEqual({
        id: advocateName.id,
        name: advocateName.name,
        at: fixture.heard.clock().toISOString(),
      });
      expect(visibleText((await advocate.get(voiceUrl(voiceId))).body)).toContain(
        `Coded by hand by ${advocateName.name}`,
      );

      const other = [...(await now()).assignments.values()].find(
        (a) => a.by === undefined && a.themes.length === 1,
      );
      if (other === undefined) throw new Error('no voice in one theme');
      const from = other.themes[0]?.key ?? '';
      const added = (await now()).themes.find((theme) => theme.label === 'Getting back to work');
      if (added === undefined) throw new Error('added theme not found');
      const moved = await advocate.submit(
        voiceUrl(other.voiceId),
        `${voiceUrl(other.voiceId)}/move`,
        {
          from,
          to: added.key,
        },
      );
      expect(moved.statusCode).toBe(303);
      standing = (await now()).assignments.get(other.voiceId);
      expect(standing?.themes).toEqual([{ key: added.key }]);
      expect(standing?.by?.name).toBe(advocateName.name);
      const notIn = await advocate.submit(
        voiceUrl(other.voiceId),
        `${voiceUrl(other.voiceId)}/move`,
        {
          from,
          to: [nurses, home].find((key) => key !== from) ?? '',
        },
      );
      expect(notIn.statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    "mapping learns from people's coding, keeps it exactly, and asks for the least sure next",
    async () => {
      const advocate = await signedIn(DEMO.advocate);
      // A person puts a voice about nurses in the home adaptations theme: the machine must not undo it.
      const [nurses = '', home = ''] = (await now()).themes.map((theme) => theme.key);
      const contrary = byTopic[3]?.[2] ?? '';
      await advocate.submit(voiceUrl(contrary), voiceUrl(contrary), { themes: home });
      for (const [topic, key] of [
        [3, nurses],
        [4, home],
      ] as const) {
        for (const id of [0, 1, 3].map((i) => byTopic[topic]?.[i] ?? '')) {
          expect(
            (await advocate.submit(voiceUrl(id), voiceUrl(id), { themes: key })).statusCode,
          ).toBe(303);
        }
      }
      const before = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      const started = await advocate.submit(themesUrl(), `${themesUrl()}/map`, {});
      expect(started.statusCode).toBe(303);
      await draftFinished(fixture.listening.id);
      const mapped = await latestThemeSnapshot(fixture.heard.db, fixture.listening.id);
      expect(mapped?.version).toBe((before?.version ?? 0) + 1);
      expect(mapped?.pipelineVersion).toMatch(/^themes-\d+\+synthesis-\d+\+mapped$/);
      const byVoice = new Map(mapped?.assignments.map((a) => [a.voiceId, a]));
      expect(byVoice.get(contrary)?.themes).toEqual([{ key: home, confidence: 1 }]);
      expect(byVoice.get(contrary)?.by?.name).toBeDefined();
      // Every voice nobody coded is the machine's, with its confidence.
      const machine = [...byVoice.values()].filter((a) => a.by === undefined);
      expect(machine.length).toBeGreaterThan(0);
      for (const assignment of machine) {
        for (const { confidence } of assignment.themes) {
          expect(confidence).toBeGreaterThan(0);
          expect(confidence).toBeLessThanOrEqual(1);
        }
      }
      // The machine learnt the coded themes: the uncoded nurses' voices mostly go to nurses.
      const uncoded = [3, 4].flatMap((topic) =>
        (byTopic[topic] ?? [])
          .filter((id) => byVoice.get(id)?.by === undefined)
          .map((id) => ({ id, expected: topic === 3 ? nurses : home })),
      );
      expect(uncoded.length).toBeGreaterThan(2);
      expect(
        uncoded.filter(({ id, expected }) => byVoice.get(id)?.themes[0]?.key === expected).length,
      ).toBeGreaterThan(uncoded.length / 2);

      const page = visibleText((await advocate.get(themesUrl())).body);
      expect(page).toContain('Voices to code next');
      const least = machine
        .map((a) => ({ id: a.voiceId, confidence: a.themes[0]?.confidence ?? 1 }))
        .sort((a, b) => a.confidence - b.confidence || (a.id < b.id ? -1 : 1))[0];
      const leastText = TOPICS.flat()[byTopic.flat().indexOf(least?.id ?? '')] ?? '';
      expect(page).toContain(`“${leastText}”`);

      // Drafting again from scratch leaves the person's decision standing.
      const lead = await signedIn(DEMO.lead);
      await lead.submit(themesUrl(), `${themesUrl()}/draft`, {});
      await draftFinished(fixture.listening.id);
      const redrafted = await now();
      expect(redrafted.assignments.get(contrary)?.by?.name).toBeDefined();
      expect(visibleText((await advocate.get(voiceUrl(contrary))).body)).toContain(
        'Coded by hand by',
      );
    },
  );

  it.skipIf(skip)('council roles see no edit actions and get 403 on every edit route', async () => {
    const lead = await signedIn(DEMO.lead);
    const { snapshotId } = await now();
    expect(
      (await lead.submit(themesUrl(), `${themesUrl()}/review`, { snapshotId })).statusCode,
    ).toBe(303);
    const published = await lead.submit(themesUrl(), `${themesUrl()}/publish`, { snapshotId });
    expect(published.statusCode).toBe(303);
    const officer = await signedIn(DEMO.officer);
    const response = await officer.get(themesUrl());
    expect(response.statusCode).toBe(200);
    const page = visibleText(response.body);
    expect(page).toContain('Published by the advocacy organisation on');
    for (const words of [
      'Voices to code next',
      'Map every voice',
      'Add a theme',
      'Merge two themes',
      'Delete this theme',
    ]) {
      expect(page).not.toContain(words);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
    const { themes } = await now();
    const [first, second] = themes;
    const voiceId = byTopic[0]?.[0] ?? '';
    const posts: [string, Record<string, string>][] = [
      [`${themesUrl()}/add`, { label: 'A council theme' }],
      [`${themesUrl()}/merge`, { from: first?.key ?? '', into: second?.key ?? '' }],
      [`${themesUrl()}/${first?.key ?? ''}/delete`, {}],
      [`${themesUrl()}/map`, {}],
      [voiceUrl(voiceId), { themes: first?.key ?? '' }],
      [`${voiceUrl(voiceId)}/move`, { from: first?.key ?? '', to: second?.key ?? '' }],
    ];
    for (const [url, fields] of posts) {
      expect((await officer.post(url, { ...fields, _csrf: token })).statusCode, url).toBe(403);
    }
    expect((await officer.get(voiceUrl(voiceId))).statusCode).toBe(403);
    const outsider = await signedIn(DEMO.platformAdmin);
    expect((await outsider.get(voiceUrl(voiceId))).statusCode).toBe(404);
    // Nothing the council roles sent was recorded.
    expect((await now()).themes.map((theme) => theme.label)).not.toContain('A council theme');
  });
});
