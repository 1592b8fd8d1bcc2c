import { describe, expect, it } from 'vitest';
import { heardFrom } from './engagements.heard-from.ts';

const AUDIENCES = ['lived_experience', 'family_carer', 'professional'];

describe('heardFrom', () => {
  const counts = new Map([
    ['lived_experience', 16],
    ['family_carer', 0],
    ['community_member', 30],
    ['professional', 3],
    ['provider', 1],
  ]);

  it('gives the advocacy organisation every count, the audiences first, and who is missing', () => {
    expect(heardFrom(counts, AUDIENCES, true)).toEqual({
      rows: [
        { perspective: 'lived_experience', people: 16 },
        { perspective: 'professional', people: 3 },
        { perspective: 'community_member', people: 30 },
        { perspective: 'provider', people: 1 },
      ],
      total: 50,
      notYet: ['family_carer'],
    });
  });

  it('merges perspectives of fewer than 5 people for council roles, and hides a total that would give them away', () => {
    expect(heardFrom(counts, AUDIENCES, false)).toEqual({
      rows: [
        { perspective: 'lived_experience', people: 16 },
        { perspective: 'community_member', people: 30 },
      ],
      smallGroups: { perspectives: 2, people: null },
      total: null,
      notYet: ['family_carer'],
    });
  });

  it('shows a total once the merged perspectives come to 5 or more', () => {
    const more = new Map([...counts, ['provider', 2]]);
    expect(heardFrom(more, AUDIENCES, false)).toMatchObject({
      smallGroups: { perspectives: 2, people: 5 },
      total: 51,
    });
  });

  it('names every audience when nobody has been heard yet', () => {
    expect(heardFrom(new Map(), AUDIENCES, true)).toEqual({
      rows: [],
      total: 0,
      notYet: AUDIENCES,
    });
  });
});
