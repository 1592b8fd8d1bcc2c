import { describe, expect, it } from 'vitest';
import { MOST_POINTS, opinionMapModel } from './opinion.map.ts';
import { opinionReport } from './opinion.report.ts';
import type { OpinionResult, OpinionSnapshot } from './opinion.result.ts';

describe('the map model', () => {
  // Farthest from the middle is 2, so 2 maps to the edge of the drawing area: 176 pixels from
  // the middle (200 high, less 24 padding); y runs up on the map and down in SVG.
  const model = opinionMapModel([
    {
      id: 0,
      points: [
        [-2, 0],
        [-2, 1],
      ],
    },
    { id: 1, points: [[2, -1]] },
  ]);

  it('places each person at the same scale across and up, the middle in the middle', () => {
    expect(model.series[0]?.path).toBe(
      'M120 200a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z' + 'M120 112a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z',
    );
    expect(model.series[1]?.path).toBe('M472 284h8v8h-8Z');
    expect([model.drawn, model.people]).toEqual([3, 3]);
  });

  it('gives each group its own shape and colour, named for the key', () => {
    expect(model.series.map((s) => [s.letter, s.shape, s.colourName, s.colour])).toEqual([
      ['A', 'circle', 'blue', '#1d70b8'],
      ['B', 'square', 'red', '#d4351c'],
    ]);
  });

  it('says in the table where each group sits, in numbers and in words', () => {
    expect(model.rows).toEqual([
      {
        id: 0,
        letter: 'A',
        colourName: 'blue',
        shape: 'circle',
        people: 2,
        across: -1,
        up: 0.25,
        side: 'left',
        height: 'middle',
      },
      {
        id: 1,
        letter: 'B',
        colourName: 'red',
        shape: 'square',
        people: 1,
        across: 1,
        up: -0.5,
        side: 'right',
        height: 'bottom',
      },
    ]);
    // The letter goes on the middle of the group: across -1 and up 0.25 from the middle.
    expect([model.series[0]?.labelX, model.series[0]?.labelY]).toEqual([124, 156]);
  });

  it('draws every n-th person of each group when there are too many, and counts them all', () => {
    const many = Array.from({ length: MOST_POINTS + 2 }, (_, i) => [i, 0] as const);
    const big = opinionMapModel([{ id: 0, points: many }]);
    expect(big.people).toBe(MOST_POINTS + 2);
    expect(big.drawn).toBe(Math.ceil((MOST_POINTS + 2) / 2));
    expect(big.rows[0]?.people).toBe(MOST_POINTS + 2);
  });
});

describe('the report for a viewer', () => {
  const big = Array.from({ length: 7 }, (_, i) => `p${i}`);
  const small = ['q0', 'q1'];
  const result: OpinionResult = {
    statements: ['s1', 's2', 's3'],
    points: Object.fromEntries([...big, ...small].map((id, i) => [id, [i, -i]])),
    groups: [
      { id: 0, members: big },
      { id: 1, members: small },
    ],
    repness: {
      '0': [
        { statement: 's1', direction: 'agree' },
        { statement: 's2', direction: 'disagree' },
      ],
      '1': [{ statement: 's2', direction: 'agree' }],
    },
    consensus: { agree: ['s1'], disagree: [], groupAware: {} },
    priority: {},
    tallies: {
      everyone: { s1: [8, 0, 9], s2: [3, 6, 9] },
      groups: {
        '0': { s1: [6, 0, 7], s2: [0, 4, 4] },
        '1': { s1: [2, 0, 2], s2: [2, 0, 2] },
      },
      perspectives: {
        // 5 carers and 4 professionals; nobody from lived experience voted on s3.
        family_carer: { s1: [5, 0, 5], s2: [1, 4, 5], s3: [1, 0, 4] },
        professional: { s1: [3, 0, 4], s2: [2, 2, 4] },
        lived_experience: { s3: [5, 0, 5] },
      },
    },
  };
  const snapshot: OpinionSnapshot = {
    engagementId: 'e',
    version: 4,
    votes: 30,
    participants: 9,
    lastVoteAt: '2026-11-26T09:00:00.000Z',
    computedAt: '2026-11-26T09:00:05.000Z',
    result,
  };
  const texts = new Map(
    ['s1', 's2', 's3'].map((id) => [id, { text: `words of ${id}`, state: 'approved' }]),
  );
  const order = ['lived_experience', 'family_carer', 'professional', 'provider'];
  const council = opinionReport(snapshot, texts, order, { seesPeople: false });
  const advocacy = opinionReport(snapshot, texts, order, { seesPeople: true });

  it('merges groups of fewer than 5 for the council, and hides who is in each', () => {
    expect(council.groups.map((g) => [g.letter, g.size, g.members])).toEqual([['A', 7, undefined]]);
    expect(council.smallGroups).toEqual({ groups: 1, people: null });
    // Everyone is grouped, so 9 voters less 7 would give the small group away.
    expect(council.voters).toBeNull();
    expect(council.map.people).toBe(7);
  });

  it('shows advocates every group and its members', () => {
    expect(advocacy.groups.map((g) => [g.letter, g.size, g.members])).toEqual([
      ['A', 7, big],
      ['B', 2, small],
    ]);
    expect(advocacy.smallGroups).toBeUndefined();
    expect(advocacy.voters).toBe(9);
    expect(advocacy.map.people).toBe(9);
  });

  it('gives each representative statement the share of the group on its side', () => {
    expect(council.groups[0]?.representative).toEqual([
      {
        id: 's1',
        text: 'words of s1',
        direction: 'agree',
        rate: { kind: 'percent', percent: 86, people: 7 },
      },
      // Only 4 of the group voted on s2.
      { id: 's2', text: 'words of s2', direction: 'disagree', rate: { kind: 'fewer' } },
    ]);
    expect(advocacy.groups[0]?.representative[1]?.rate).toEqual({
      kind: 'percent',
      percent: 100,
      people: 4,
    });
    expect(council.consensus.agree).toEqual([
      { id: 's1', text: 'words of s1', rate: { kind: 'percent', percent: 89, people: 9 } },
    ]);
  });

  it('compares perspectives side by side, largest gap first, rates from fewer than 5 hidden', () => {
    expect(council.perspectives).toEqual(['lived_experience', 'family_carer', 'professional']);
    // No statement has two rates the council may see, so none comes before another.
    expect(
      council.byPerspective.map((row) => [row.id, row.rates.map((r) => r.kind), row.gap]),
    ).toEqual([
      ['s1', ['none', 'percent', 'fewer'], null],
      ['s2', ['none', 'percent', 'fewer'], null],
      ['s3', ['percent', 'fewer', 'none'], null],
    ]);
    // Advocates see every rate: s3 100 vs 25 (gap 75), s1 100 vs 75 (25), s2 20 vs 50 (30).
    expect(advocacy.byPerspective.map((row) => [row.id, row.gap])).toEqual([
      ['s3', 75],
      ['s2', 30],
      ['s1', 25],
    ]);
  });
});
