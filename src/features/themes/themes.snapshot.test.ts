import { describe, expect, it } from 'vitest';
import type { DraftedThemes } from '../../analysis/text/themes.ts';
import { type StoredTheme, fromDraft, keptLocked } from './themes.snapshot.ts';
import type { SynthesisVoice } from './themes.synthesis.ts';

const voice = (id: string, overrides: Partial<SynthesisVoice> = {}): SynthesisVoice => ({
  id,
  text: `words of ${id}`,
  quotable: true,
  concern: false,
  perspective: 'lived_experience',
  channel: 'online',
  ...overrides,
});

const earlierTheme = (key: string, members: string[]): StoredTheme => ({
  key,
  label: key,
  keyPhrases: [],
  quotes: [],
  members,
  perspectives: {},
  channels: {},
  concerns: 0,
  campaigns: [],
  locked: false,
});

/** A draft whose theme-n has the given members as their main theme. */
const drafted = (themes: string[][]): DraftedThemes => ({
  version: 'themes-test',
  trials: [],
  themes: themes.map((members, t) => ({
    id: `theme-${t + 1}`,
    label: `label ${t + 1}`,
    keyPhrases: [],
    quotes: members[0] ? [{ id: members[0], text: `words of ${members[0]}` }] : [],
    voices: members.length,
  })),
  assignments: themes.flatMap((members, t) =>
    members.map((id) => ({ id, themes: [{ theme: `theme-${t + 1}`, confidence: 0.9 }] })),
  ),
});

describe('a new draft carries earlier themes forward', () => {
  const voices = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) =>
    voice(id, id === 'f' ? { perspective: 'family_carer', channel: 'session' } : {}),
  );
  let made = 0;
  const newKey = () => `new-${++made}`;

  it('gives a theme the key of the earlier theme its members overlap most, one to one', () => {
    const { themes, assignments } = fromDraft(
      drafted([
        ['a', 'b', 'f'],
        ['c', 'd', 'e'],
      ]),
      voices,
      [earlierTheme('transport', ['a', 'b', 'c']), earlierTheme('food', ['d', 'e'])],
      newKey,
    );
    expect(themes.map((theme) => theme.key)).toEqual(['transport', 'food']);
    expect(themes[0]?.perspectives).toEqual({ lived_experience: 2, family_carer: 1 });
    expect(themes[0]?.channels).toEqual({ online: 2, session: 1 });
    expect(themes[0]?.quotes).toEqual([{ voiceId: 'a', text: 'words of a' }]);
    expect(assignments.find((a) => a.voiceId === 'e')?.themes).toEqual([
      { key: 'food', confidence: 0.9 },
    ]);
  });

  it('gives a new key to a theme too unlike any earlier one', () => {
    const { themes } = fromDraft(
      drafted([['a', 'b', 'c', 'd', 'e']]),
      voices,
      [earlierTheme('small', ['f'])],
      newKey,
    );
    expect(themes[0]?.key).toMatch(/^new-/);
  });

  it('keeps a locked theme with the members and quotes that may still be used', () => {
    const locked = {
      ...earlierTheme('kept', ['a', 'gone', 'b']),
      quotes: [
        { voiceId: 'a', text: 'words of a' },
        { voiceId: 'b', text: 'words of b' },
        { voiceId: 'gone', text: 'words of gone' },
      ],
    };
    const kept = keptLocked(locked, [voice('a'), voice('b', { quotable: false })]);
    expect(kept.members).toEqual(['a', 'b']);
    expect(kept.quotes).toEqual([{ voiceId: 'a', text: 'words of a' }]);
    expect(kept.locked).toBe(true);
  });
});
