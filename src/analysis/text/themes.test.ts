import { beforeAll, describe, expect, it } from 'vitest';
import { dense, row } from './matrix.ts';
import type { SentenceEncoder } from './sentence-vectors.ts';
import {
  type DraftedThemes,
  type MappedThemes,
  type Voice,
  draftThemes,
  mapToThemes,
} from './themes.ts';

// Three things people said, each in several ways, plus voices with nothing to go on.
const SAID = {
  parking: [
    'Parking at the hospital is terrible',
    'Could not find a parking space anywhere',
    'The car park is always full',
    'Parking costs too much money',
    'No parking near the entrance for disabled people',
    'Spent half an hour looking for parking',
    'The parking charges are a disgrace',
    'Car park was full again',
  ],
  waiting: [
    'Waited four hours for the ambulance to come',
    'The wait for transport home was very long',
    'Long waits every single visit',
    'We waited hours and nobody told us why',
    'Waited an hour for pick up',
    'Had to wait three hours to be collected',
    'Waiting around all day for transport',
    'We had to wait hours in the cold',
  ],
  staff: [
    'The staff were kind and caring',
    'Lovely friendly staff who put me at ease',
    'The crew were caring and very kind',
    'Kind, helpful and friendly staff',
    'Staff were so caring and friendly',
    'Friendly crew who were kind to my mum',
    'Caring staff who listened',
    'Helpful, friendly and kind people',
  ],
};
const voices: Voice[] = [
  ...Object.values(SAID)
    .flat()
    .map((text, i) => ({ id: String(i).padStart(3, '0'), text, quotable: i % 2 === 0 })),
  { id: 'empty', text: '', quotable: true },
  { id: 'emoji', text: '👍👍', quotable: true },
];
const topicOf = (id: string): string | undefined => Object.keys(SAID)[Math.floor(Number(id) / 8)];

describe('draftThemes', () => {
  let drafted: DraftedThemes;
  beforeAll(async () => {
    drafted = await draftThemes(voices, { minThemes: 2, maxThemes: 6, minVoicesPerTheme: 3 });
  });

  it('finds the things people said: most voices share a theme with their own topic', () => {
    expect(drafted.themes.length).toBeGreaterThanOrEqual(3);
    const topicsOfTheme = new Map<string, (string | undefined)[]>();
    for (const assignment of drafted.assignments) {
      const main = assignment.themes[0]?.theme;
      if (main === undefined) continue;
      topicsOfTheme.set(main, [...(topicsOfTheme.get(main) ?? []), topicOf(assignment.id)]);
    }
    // Purity: the voices of each theme that share its most common topic.
    let pure = 0;
    const majorities = new Set<string | undefined>();
    for (const topics of topicsOfTheme.values()) {
      const counts = new Map<string | undefined, number>();
      for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
      const most = Math.max(...counts.values());
      pure += most;
      majorities.add([...counts].find(([, n]) => n === most)?.[0]);
    }
    expect(pure / 24).toBeGreaterThanOrEqual(0.85);
    expect(majorities.size).toBe(3);
  });

  it('assigns every voice, those with no words to no theme', () => {
    expect(drafted.assignments.map((a) => a.id)).toEqual(voices.map((v) => v.id));
    const byId = new Map(drafted.assignments.map((a) => [a.id, a]));
    expect(byId.get('empty')?.themes).toEqual([]);
    expect(byId.get('emoji')?.themes).toEqual([]);
    for (const assignment of drafted.assignments.slice(0, 24)) {
      expect(assignment.themes.length).toBeGreaterThan(0);
      for (const { confidence } of assignment.themes) {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('labels themes from key phrases and quotes only consenting voices, word for word', () => {
    const texts = new Map(voices.map((v) => [v.id, v]));
    for (const theme of drafted.themes) {
      expect(theme.label).not.toBe('');
      expect(theme.quotes.length).toBeLessThanOrEqual(5);
      for (const quote of theme.quotes) {
        expect(texts.get(quote.id)?.quotable).toBe(true);
        expect(texts.get(quote.id)?.text).toContain(quote.text);
      }
    }
    const labels = drafted.themes.map((t) => t.label.toLowerCase()).join(' ');
    expect(labels).toMatch(/park/);
    expect(labels).toMatch(/wait/);
  });

  it('gives the same themes for the same voices', async () => {
    const again = await draftThemes(voices, { minThemes: 2, maxThemes: 6, minVoicesPerTheme: 3 });
    expect(again).toEqual(drafted);
  });

  it("joins a sentence encoder's vectors when given one, the same every time", async () => {
    // A stand-in for the real encoder: every word a piece, a text's vector its topic's axis.
    const ids = new Map<string, number>();
    const read: string[] = [];
    const encoder: SentenceEncoder = {
      pieces: (text) =>
        (text.toLowerCase().match(/[a-z]+/g) ?? []).map((word) => {
          if (!ids.has(word)) ids.set(word, ids.size);
          return ids.get(word) ?? 0;
        }),
      encode: (texts) => {
        read.push(...texts);
        const out = dense(texts.length, 4);
        texts.forEach((text, r) => {
          const topic = Object.values(SAID).findIndex((said) => said.includes(text));
          row(out, r)[topic < 0 ? 3 : topic] = 1;
        });
        return Promise.resolve(out);
      },
    };
    const options = { minThemes: 2, maxThemes: 6, minVoicesPerTheme: 3, sentenceEncoder: encoder };
    const withSentences = await draftThemes(voices, options);
    // Every voice with words is read (there are fewer than the sample), the others never.
    expect(read).toHaveLength(24);
    expect(withSentences.assignments.find((a) => a.id === 'empty')?.themes).toEqual([]);
    const mains = new Map(withSentences.assignments.map((a) => [a.id, a.themes[0]?.theme]));
    for (const said of Object.values(SAID)) {
      const ids = voices.filter((v) => said.includes(v.text)).map((v) => mains.get(v.id));
      expect(new Set(ids).size).toBe(1);
    }
    expect(await draftThemes(voices, options)).toEqual(withSentences);
  });

  it('still comes out for three voices, or none with words', async () => {
    const few = await draftThemes(voices.slice(0, 3));
    expect(few.assignments).toHaveLength(3);
    expect(few.themes.length).toBeGreaterThanOrEqual(1);
    const none = await draftThemes(voices.slice(-2));
    expect(none.themes).toEqual([]);
    expect(none.assignments.every((a) => a.themes.length === 0)).toBe(true);
  });
});

describe('mapToThemes', () => {
  // Three voices of each topic coded by hand, under the names an advocate chose.
  const names = { parking: 'Getting parked', waiting: 'Waiting', staff: 'Kind staff' };
  const coded = new Map<string, string[]>();
  for (const voice of voices.slice(0, 24)) {
    const topic = topicOf(voice.id) as keyof typeof names;
    if (Number(voice.id) % 8 < 3) coded.set(voice.id, [names[topic]]);
  }
  coded.set('001', ['Getting parked', 'Waiting']);
  let mapped: MappedThemes;
  beforeAll(async () => {
    mapped = await mapToThemes(voices, coded);
  });

  it('uses exactly the coded names and keeps what people coded', () => {
    expect(mapped.themes.map((t) => t.label)).toEqual(['Getting parked', 'Waiting', 'Kind staff']);
    const byId = new Map(mapped.assignments.map((a) => [a.id, a]));
    expect(byId.get('001')?.themes).toEqual([
      { theme: 'theme-1', confidence: 1 },
      { theme: 'theme-2', confidence: 1 },
    ]);
  });

  it('maps the other voices to the theme of their topic', () => {
    const themeOfTopic = { parking: 'theme-1', waiting: 'theme-2', staff: 'theme-3' };
    let right = 0;
    let total = 0;
    for (const assignment of mapped.assignments) {
      if (coded.has(assignment.id) || !/^\d+$/.test(assignment.id)) continue;
      total++;
      const topic = topicOf(assignment.id) as keyof typeof themeOfTopic;
      if (assignment.themes[0]?.theme === themeOfTopic[topic]) right++;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.8);
  });

  it('asks for the uncoded voices it is least sure of, least sure first', () => {
    const ids = mapped.uncertainty.map((u) => u.id);
    expect(ids.some((id) => coded.has(id))).toBe(false);
    expect(ids).not.toContain('empty');
    const confidences = mapped.uncertainty.map((u) => u.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
  });
});
