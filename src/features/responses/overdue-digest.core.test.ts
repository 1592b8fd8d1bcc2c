import { describe, expect, it } from 'vitest';
import { type DigestEngagement, overdueDigests } from './overdue-digest.core.ts';

const TODAY = '2026-11-28';

function engagement(overrides: Partial<DigestEngagement> = {}): DigestEngagement {
  return {
    id: 'e1',
    title: 'Getting home from hospital',
    decisionMakerId: 'dm',
    respondBy: '2026-11-27',
    leadIds: ['lead'],
    recommendations: [],
    revisions: [],
    actions: [],
    ...overrides,
  };
}

describe('overdueDigests', () => {
  it('gives nobody a digest when nothing is overdue', () => {
    const quiet = engagement({
      respondBy: TODAY,
      recommendations: [{ sentAt: '2026-11-01', responseState: null }],
      actions: [{ ownerId: 'o1', status: 'planned', dueOn: TODAY }],
    });
    expect(overdueDigests([quiet], TODAY)).toEqual([]);
  });

  it('counts answers for the decision maker, own actions for owners, all for the lead', () => {
    const busy = engagement({
      recommendations: [
        { sentAt: '2026-11-01', responseState: null },
        { sentAt: '2026-11-01', responseState: 'draft' },
        { sentAt: '2026-11-01', responseState: 'published' },
        { sentAt: null, responseState: null },
      ],
      actions: [
        { ownerId: 'o1', status: 'planned', dueOn: '2026-11-27' },
        { ownerId: 'o1', status: 'in_progress', dueOn: '2026-11-20' },
        { ownerId: 'o2', status: 'planned', dueOn: '2026-11-27' },
        { ownerId: 'o3', status: 'done', dueOn: '2026-11-01' },
      ],
    });
    const line = (responses: number, actions: number) => [
      { engagementId: 'e1', title: 'Getting home from hospital', responses, actions },
    ];
    expect(overdueDigests([busy], TODAY)).toEqual([
      { userId: 'dm', lines: line(2, 0) },
      { userId: 'lead', lines: line(2, 3) },
      { userId: 'o1', lines: line(0, 2) },
      { userId: 'o2', lines: line(0, 1) },
    ]);
  });

  it('gives a decision maker who owns actions one line, and one digest for two engagements', () => {
    const first = engagement({
      recommendations: [{ sentAt: '2026-11-01', responseState: null }],
      actions: [{ ownerId: 'dm', status: 'planned', dueOn: '2026-11-27' }],
    });
    const second = engagement({
      id: 'e2',
      title: 'Day centres',
      leadIds: [],
      actions: [{ ownerId: 'dm', status: 'planned', dueOn: '2026-11-01' }],
    });
    const [digest] = overdueDigests([first, second], TODAY).filter((d) => d.userId === 'dm');
    expect(digest?.lines).toEqual([
      { engagementId: 'e2', title: 'Day centres', responses: 0, actions: 1 },
      { engagementId: 'e1', title: 'Getting home from hospital', responses: 1, actions: 1 },
    ]);
  });

  it('counts a revised answer owed after an upheld challenge once 20 working days have passed', () => {
    // Upheld on Monday 2 November 2026: 20 working days later is Monday 30 November.
    const upheld = (revisionState: 'draft' | 'published' | null) =>
      engagement({ revisions: [{ upheldAt: '2026-11-02T10:00:00.000Z', revisionState }] });
    expect(overdueDigests([upheld(null)], '2026-11-30')).toEqual([]);
    const owed = overdueDigests([upheld('draft')], '2026-12-01');
    expect(owed.map((d) => [d.userId, d.lines[0]?.responses])).toEqual([
      ['dm', 1],
      ['lead', 1],
    ]);
    expect(overdueDigests([upheld('published')], '2026-12-01')).toEqual([]);
  });

  it('has no answer overdue without a commitment to answer by', () => {
    const unpromised = engagement({
      respondBy: undefined,
      decisionMakerId: undefined,
      recommendations: [{ sentAt: '2026-11-01', responseState: null }],
    });
    expect(overdueDigests([unpromised], TODAY)).toEqual([]);
  });
});
