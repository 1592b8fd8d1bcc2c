import { describe, expect, it } from 'vitest';
import { type CastVote, computeOpinionMap } from './opinion.compute.ts';

describe('computing a snapshot from votes', () => {
  const votes: CastVote[] = [
    { participantId: 'ann', statementId: 's1', value: 1 },
    { participantId: 'bo', statementId: 's1', value: -1 },
    { participantId: 'ann', statementId: 's2', value: 0 },
    // Ann changes her mind: her latest vote counts.
    { participantId: 'ann', statementId: 's1', value: -1 },
    { participantId: 'cy', statementId: 's3', value: 1 },
  ];
  const result = computeOpinionMap({
    votes,
    statements: [
      { id: 's1', state: 'approved', isMeta: false },
      { id: 's2', state: 'approved', isMeta: true },
      { id: 's3', state: 'rejected', isMeta: false },
      { id: 's4', state: 'approved', isMeta: false },
      { id: 's5', state: 'pending', isMeta: false },
    ],
    perspectives: new Map([
      ['ann', 'family_carer'],
      ['bo', 'family_carer'],
      ['cy', 'professional'],
    ]),
    alreadyInConversation: new Set(),
  });

  it('tallies everyone and each perspective from each person’s latest vote', () => {
    expect(result.tallies.everyone).toEqual({ s1: [0, 2, 2], s2: [0, 0, 1], s3: [1, 0, 1] });
    expect(result.tallies.perspectives).toEqual({
      family_carer: { s1: [0, 2, 2], s2: [0, 0, 1] },
      professional: { s3: [1, 0, 1] },
    });
  });

  it('places every voter on the map', () => {
    expect(Object.keys(result.points).sort()).toEqual(['ann', 'bo', 'cy']);
  });

  it('gives a priority to every approved statement and to no other', () => {
    expect(Object.keys(result.priority).sort()).toEqual(['s1', 's2', 's4']);
    // A meta statement has the maths' fixed priority; an unseen one the full novelty boost.
    expect(result.priority.s2).toBe(49);
    expect(result.priority.s4).toBeGreaterThan(result.priority.s1 ?? Infinity);
  });
});
