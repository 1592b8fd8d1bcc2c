import { describe, expect, it } from 'vitest';
import type { CampaignGroup } from '../../analysis/triage/campaigns.ts';
import type { Voice } from '../voices/index.ts';
import { synthesise } from './themes.synthesis.ts';

const voice = (id: string, overrides: Partial<Voice> = {}): Voice => ({
  id,
  engagementId: 'e',
  promptId: 'p',
  participantId: `person-${id}`,
  perspective: 'lived_experience',
  channel: 'online',
  sessionId: null,
  capturedById: null,
  helpGiven: [],
  whoseView: 'own',
  language: 'en',
  consentUse: true,
  consentQuote: true,
  consentGivenBy: 'online',
  triageState: 'new',
  createdAt: '2026-11-26T09:00:00.000Z',
  withdrawnAt: null,
  text: `words of ${id}`,
  isSummary: false,
  version: 1,
  ...overrides,
});

const group: CampaignGroup = {
  id: 'campaign-a',
  members: ['a', 'b', 'c'],
  variants: 2,
  representative: { id: 'b', text: 'words of b' },
};

describe('what goes into a draft of themes', () => {
  it('keeps out flags, safeguarding records, withdrawn voices and voices without consent to use', () => {
    const { voices, inputs } = synthesise(
      [
        voice('ok'),
        voice('flagged', { triageState: 'safeguarding_flagged' }),
        voice('raised', { triageState: 'safeguarding_raised' }),
        voice('known', { triageState: 'safeguarding_known' }),
        voice('refused', { consentUse: false }),
        voice('gone', { withdrawnAt: '2026-11-26T10:00:00.000Z' }),
      ],
      [],
      new Map(),
    );
    expect(voices.map((v) => v.id)).toEqual(['ok']);
    expect(inputs).toEqual({
      considered: 5,
      entered: 1,
      noConsent: 1,
      safeguarding: 3,
      concerns: 0,
      campaignCopies: 0,
    });
  });

  it('counts individual concerns, suggested or confirmed, but never as quotable', () => {
    const { voices } = synthesise(
      [
        voice('suggested', { triageState: 'concern_suggested' }),
        voice('confirmed', { triageState: 'individual_concern' }),
        voice('design', { triageState: 'design_input' }),
        voice('shy', { consentQuote: false }),
      ],
      [],
      new Map(),
    );
    expect(voices.map((v) => [v.id, v.quotable, v.concern])).toEqual([
      ['suggested', false, true],
      ['confirmed', false, true],
      ['design', true, false],
      ['shy', false, false],
    ]);
  });

  it('enters a campaign as its representative when counted as one or undecided, every member when many', () => {
    const all = [voice('a'), voice('b'), voice('c'), voice('d')];
    for (const [decision, weighAs] of [
      [undefined, 'undecided'],
      ['one', 'one'],
    ] as const) {
      const decisions = new Map(decision ? [[group.id, decision]] : []);
      const { voices, inputs } = synthesise(all, [group], decisions);
      expect(voices.map((v) => v.id)).toEqual(['b', 'd']);
      expect(voices[0]?.campaign).toEqual({ groupId: group.id, size: 3, weighAs });
      expect(inputs.campaignCopies).toBe(2);
    }
    const many = synthesise(all, [group], new Map([[group.id, 'many' as const]]));
    expect(many.voices.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(many.voices[0]?.campaignMember).toEqual({ groupId: group.id, size: 3 });
  });

  it('stands a campaign in by a member that may go in when its representative may not', () => {
    const { voices } = synthesise(
      [voice('a'), voice('b', { triageState: 'safeguarding_flagged' }), voice('c')],
      [group],
      new Map(),
    );
    expect(voices.map((v) => [v.id, v.campaign?.size])).toEqual([['a', 2]]);
  });
});
