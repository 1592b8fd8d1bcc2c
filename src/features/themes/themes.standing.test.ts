import { describe, expect, it } from 'vitest';
import type { Coding } from './themes.codings.ts';
import type { EditField, ThemeEdit } from './themes.repository.ts';
import type { StoredTheme } from './themes.snapshot.ts';
import { membersOf, standing } from './themes.standing.ts';

const theme = (key: string, members: string[]): StoredTheme => ({
  key,
  label: `machine ${key}`,
  keyPhrases: [],
  quotes: [],
  members,
  perspectives: {},
  channels: {},
  concerns: 0,
  campaigns: [],
  locked: false,
});
const snapshot = {
  themes: [theme('a', ['v1', 'v2']), theme('b', ['v3']), theme('c', ['v4'])],
  assignments: [
    { voiceId: 'v1', themes: [{ key: 'a', confidence: 0.9 }] },
    {
      voiceId: 'v2',
      themes: [
        { key: 'a', confidence: 0.6 },
        { key: 'c', confidence: 0.4 },
      ],
    },
    { voiceId: 'v3', themes: [{ key: 'b', confidence: 0.8 }] },
    { voiceId: 'v4', themes: [{ key: 'c', confidence: 0.7 }] },
  ],
};
const edit = (themeKey: string, field: EditField, value: string): ThemeEdit => ({
  themeKey,
  field,
  value,
  editedByName: 'Ana',
  editedAt: '2026-11-26T10:00:00.000Z',
});
const coding = (voiceId: string, themeKeys: string[], at: string): Coding => ({
  voiceId,
  themeKeys,
  byId: 'u1',
  byName: 'Ana',
  at,
});

describe('the themes as they now stand', () => {
  it('a merged theme leads to the theme it joined, with its voices', () => {
    const now = standing(snapshot, [edit('a', 'merged_into', 'b')], []);
    expect(now.themes.map((t) => t.key)).toEqual(['b', 'c']);
    expect(now.resolve('a')).toBe('b');
    expect(now.themes[0]?.stored.map((t) => t.key)).toEqual(['a', 'b']);
    expect(membersOf(now).get('b')).toEqual(['v1', 'v2', 'v3']);
  });

  it("a deleted theme's voices keep only their other themes", () => {
    const now = standing(snapshot, [edit('a', 'deleted', '1')], []);
    expect(now.resolve('a')).toBeUndefined();
    expect(now.assignments.get('v1')?.themes).toEqual([]);
    expect(now.assignments.get('v2')?.themes).toEqual([{ key: 'c', confidence: 0.4 }]);
  });

  it('an added theme stands with its name and no voices', () => {
    const now = standing(snapshot, [edit('n', 'added', 'Waiting at home')], []);
    expect(now.themes.at(-1)).toMatchObject({ key: 'n', label: 'Waiting at home' });
    expect(membersOf(now).get('n')).toEqual([]);
  });

  it("a person's newest coding wins over the machine, and says who", () => {
    const now = standing(
      snapshot,
      [],
      [
        coding('v1', ['c'], '2026-11-26T10:00:00.000Z'),
        coding('v1', ['b', 'c'], '2026-11-26T10:05:00.000Z'),
      ],
    );
    expect(now.assignments.get('v1')).toEqual({
      voiceId: 'v1',
      themes: [{ key: 'b' }, { key: 'c' }],
      by: { id: 'u1', name: 'Ana', at: '2026-11-26T10:05:00.000Z' },
    });
    expect(now.assignments.get('v3')?.by).toBeUndefined();
  });

  it('a coding to a theme later merged follows it; merges that loop lead nowhere', () => {
    const now = standing(
      snapshot,
      [edit('c', 'merged_into', 'b')],
      [coding('v1', ['c'], '2026-11-26T10:00:00.000Z')],
    );
    expect(now.assignments.get('v1')?.themes).toEqual([{ key: 'b' }]);
    const loop = standing(
      snapshot,
      [edit('a', 'merged_into', 'b'), edit('b', 'merged_into', 'a')],
      [],
    );
    expect(loop.resolve('a')).toBeUndefined();
  });

  it('a split theme is gone; its new themes hold the voices coded to them and may show its quotes', () => {
    const quoted = {
      ...snapshot,
      themes: [
        { ...theme('a', ['v1', 'v2']), quotes: [{ voiceId: 'v1', text: 'one' }] },
        { ...theme('b', ['v3']), quotes: [{ voiceId: 'v3', text: 'three' }] },
      ],
    };
    const now = standing(
      quoted,
      [
        edit('a', 'split', '["x","y"]'),
        edit('x', 'added', 'First part'),
        edit('x', 'split_from', 'a'),
        edit('y', 'added', 'Second part'),
        edit('y', 'split_from', 'a'),
      ],
      [
        coding('v1', ['x'], '2026-11-26T10:00:00.000Z'),
        coding('v2', ['y', 'c'], '2026-11-26T10:00:00.000Z'),
      ],
    );
    expect(now.resolve('a')).toBeUndefined();
    expect(now.themes.map((t) => [t.key, t.label, t.splitFrom])).toEqual([
      ['b', 'machine b', undefined],
      ['x', 'First part', 'a'],
      ['y', 'Second part', 'a'],
    ]);
    expect(membersOf(now).get('x')).toEqual(['v1']);
    expect(membersOf(now).get('y')).toEqual(['v2']);
    // Quote candidates only: the page shows one only while its voice is in the theme.
    expect(now.themes.find((t) => t.key === 'x')?.quotes.map((q) => q.text)).toEqual([
      'one',
      'three',
    ]);
    expect(now.themes.find((t) => t.key === 'b')?.quotes.map((q) => q.text)).toEqual(['three']);
  });

  it('a campaign note follows its voices into the themes a split made', () => {
    const withCampaigns = {
      ...snapshot,
      themes: [
        {
          ...theme('a', ['v1', 'v2']),
          campaigns: [
            { groupId: 'g1', size: 37, weighAs: 'one' as const, voiceIds: ['v2'] },
            { groupId: 'g2', size: 2, weighAs: 'many' as const, voiceIds: ['v1', 'v2'] },
          ],
        },
        theme('b', ['v3']),
      ],
    };
    const split = [
      edit('a', 'split', '["x","y"]'),
      edit('x', 'added', 'First part'),
      edit('x', 'split_from', 'a'),
      edit('y', 'added', 'Second part'),
      edit('y', 'split_from', 'a'),
    ];
    const at = '2026-11-26T10:00:00.000Z';
    const now = standing(withCampaigns, split, [coding('v1', ['x'], at), coding('v2', ['y'], at)]);
    const notesOf = (key: string) => now.themes.find((t) => t.key === key)?.campaigns;
    expect(notesOf('x')).toEqual([{ groupId: 'g2', size: 1, weighAs: 'many', voiceIds: ['v1'] }]);
    expect(notesOf('y')).toEqual([
      { groupId: 'g1', size: 37, weighAs: 'one', voiceIds: ['v2'] },
      { groupId: 'g2', size: 1, weighAs: 'many', voiceIds: ['v2'] },
    ]);
    expect(notesOf('b')).toEqual([]);
    // Before the split, the theme shows its notes as stored.
    const before = standing(withCampaigns, [], []);
    expect(before.themes.find((t) => t.key === 'a')?.campaigns).toEqual(
      withCampaigns.themes[0]?.campaigns,
    );
  });

  it('a campaign note from an older snapshot, naming no voices, stays with its theme, merged or not', () => {
    const note = { groupId: 'g1', size: 3, weighAs: 'many' as const };
    const older = {
      ...snapshot,
      themes: [
        { ...theme('a', ['v1', 'v2']), campaigns: [note] },
        { ...theme('b', ['v3']), campaigns: [{ ...note, size: 2 }] },
      ],
    };
    expect(standing(older, [], []).themes.map((t) => t.campaigns)).toEqual([
      [note],
      [{ ...note, size: 2 }],
    ]);
    const merged = standing(older, [edit('a', 'merged_into', 'b')], []);
    expect(merged.themes.find((t) => t.key === 'b')?.campaigns).toEqual([{ ...note, size: 5 }]);
  });
});
