import { describe, expect, it } from 'vitest';
import { analyseOpinions } from './analyse.ts';
import type { Vote } from './vote-matrix.ts';

// Two camps of eight: camp A agrees with s0–s3 and disagrees with s4–s7, camp B the reverse,
// and everyone agrees with s8. Ids are deliberately not numbers.
const camps = (): Vote[] => {
  const votes: Vote[] = [];
  for (let person = 0; person < 16; person++) {
    const camp = person % 2 === 0 ? 1 : -1;
    for (let statement = 0; statement < 8; statement++) {
      const value = statement < 4 ? camp : -camp;
      votes.push({
        participant: `person-${person}`,
        statement: `st-${statement}`,
        value: value === 1 ? 1 : -1,
      });
    }
    votes.push({ participant: `person-${person}`, statement: 'st-8', value: 1 });
  }
  return votes;
};

describe('analyseOpinions', () => {
  const map = analyseOpinions(camps(), [{ id: 'st-7', moderatedOut: true, meta: false }]);

  it('finds the two camps, members in row order (ids as text: person-10 before person-2)', () => {
    const members = (ids: number[]): string[] => ids.map((id) => `person-${id}`);
    expect(map.groups.map((g) => g.members)).toEqual([
      members([0, 10, 12, 14, 2, 4, 6, 8]),
      members([1, 11, 13, 15, 3, 5, 7, 9]),
    ]);
  });

  it('names what each camp stands for, leaving out the moderated-out statement', () => {
    const zero = map.repness['0'] ?? [];
    expect(zero[0]).toEqual({ statement: 'st-0', direction: 'agree' });
    expect(zero.map((r) => r.direction)).toEqual(['agree', 'agree', 'agree', 'agree', 'disagree']);
    expect(map.repness['1']?.[0]).toEqual({ statement: 'st-4', direction: 'agree' });
    expect(
      Object.values(map.repness)
        .flat()
        .map((r) => r.statement),
    ).not.toContain('st-7');
  });

  it('finds the common ground', () => {
    expect(map.consensus).toEqual({ agree: ['st-8'], disagree: [] });
    // (8 + 1) / (8 + 2) for each group.
    expect(map.groupAwareConsensus.get('st-8')?.agree).toBeCloseTo(0.81, 12);
  });

  it('favours statements fewer people have seen', () => {
    const priority = analyseOpinions([
      ...camps(),
      { participant: 'person-0', statement: 'new', value: 1 },
    ]).priority;
    expect(priority.get('new')).toBeGreaterThan(priority.get('st-8') ?? Infinity);
  });

  it('gives the same answer every time', () => {
    expect(analyseOpinions(camps(), [{ id: 'st-7', moderatedOut: true, meta: false }])).toEqual(
      map,
    );
  });

  it('copes with no votes at all', () => {
    const empty = analyseOpinions([]);
    expect(empty.groups).toEqual([]);
    expect(empty.consensus).toEqual({ agree: [], disagree: [] });
  });
});
