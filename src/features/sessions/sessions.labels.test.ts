import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import { voiceLabels } from '../voices/index.ts';
import { sessionLabel, sessionLabels } from './sessions.labels.ts';

// Labels are built from lists of values, so no template builds a key the catalogue might lack.
describe('the words for every listed value are in the catalogue', () => {
  const t = translator('en');
  const groups = { ...sessionLabels(t), ...voiceLabels(t) };

  it.each(Object.entries(groups))('%s', (_group, labels) => {
    const values = Object.entries(labels);
    expect(values.length).toBeGreaterThan(0);
    for (const [value, text] of values) {
      // A missing key is shown as the key itself, e.g. "sessions.kinds.group".
      expect(text, value).not.toMatch(/^\w+(\.\w+)+$/);
      expect(text.trim(), value).not.toBe('');
    }
  });

  it('describes a session in a few words', () => {
    expect(
      sessionLabel(t, {
        id: 's',
        engagementId: 'e',
        kind: 'home_visit',
        heldOn: '2026-11-12',
        place: 'Northtown',
        attendance: {
          lived_experience: 1,
          family_carer: 0,
          professional: 0,
          provider: 0,
          community_member: 0,
        },
        notes: '',
        advocateId: 'a',
        advocateName: 'Sam Reid',
        createdAt: '2026-11-12T10:00:00Z',
      }),
    ).toBe('Home visit, 12 November 2026, Northtown');
  });
});
