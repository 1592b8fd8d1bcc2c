import { describe, expect, it } from 'vitest';
import {
  type ActionStatus,
  accountabilityFigures,
  actionOverdue,
  daysBetween,
  median,
  phaseAllows,
  responseOverdue,
  revisionDueOn,
  revisionOverdue,
  rollUp,
  ukDay,
} from './responses.core.ts';

describe('ukDay', () => {
  it.each([
    ['2026-11-26T23:30:00.000Z', '2026-11-26'],
    // British Summer Time: half past eleven at night UTC is already the next day in London.
    ['2026-06-30T23:30:00.000Z', '2026-07-01'],
  ])('%s is %s in the UK', (at, day) => {
    expect(ukDay(new Date(at))).toBe(day);
  });
});

describe('responseOverdue', () => {
  const sent = { sentAt: '2026-11-01T10:00:00.000Z' };
  it.each([
    {
      case: 'after the respond-by day',
      rec: sent,
      state: undefined,
      today: '2026-12-02',
      overdue: true,
    },
    {
      case: 'on the respond-by day',
      rec: sent,
      state: undefined,
      today: '2026-12-01',
      overdue: false,
    },
    { case: 'a draft answer only', rec: sent, state: 'draft', today: '2026-12-02', overdue: true },
    { case: 'published', rec: sent, state: 'published', today: '2026-12-02', overdue: false },
    {
      case: 'never sent',
      rec: { sentAt: null },
      state: undefined,
      today: '2026-12-02',
      overdue: false,
    },
  ] as const)('$case: $overdue', ({ rec, state, today, overdue }) => {
    const response = state === undefined ? undefined : { state };
    expect(responseOverdue(rec, response, '2026-12-01', today)).toBe(overdue);
  });

  it('is never overdue without a commitment date', () => {
    expect(responseOverdue({ sentAt: '2026-11-01' }, undefined, undefined, '2030-01-01')).toBe(
      false,
    );
  });
});

describe('actionOverdue', () => {
  it.each<[ActionStatus, string, boolean]>([
    ['planned', '2026-12-02', true],
    ['in_progress', '2026-12-02', true],
    ['planned', '2026-12-01', false],
    ['done', '2026-12-02', false],
    ['dropped', '2026-12-02', false],
  ])('%s, today %s: %s', (status, today, overdue) => {
    expect(actionOverdue({ status, dueOn: '2026-12-01' }, today)).toBe(overdue);
  });
});

describe('rollUp', () => {
  it('counts each status, the overdue, and done out of those not dropped', () => {
    const actions = (['planned', 'in_progress', 'done', 'done', 'dropped'] as const).map(
      (status) => ({ status, dueOn: '2026-12-01' }),
    );
    expect(rollUp(actions, '2026-12-05')).toEqual({
      total: 5,
      planned: 1,
      inProgress: 1,
      done: 2,
      dropped: 1,
      overdue: 2,
      donePercent: 50,
    });
  });

  it('has no percentage when every action was dropped, or there are none', () => {
    expect(rollUp([], '2026-12-05').donePercent).toBeNull();
    expect(rollUp([{ status: 'dropped', dueOn: '2026-12-01' }], '2026-12-05').donePercent).toBe(
      null,
    );
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[9, 1, 5], 5],
    [[8, 2, 4, 6], 5],
  ])('of %j is %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-26T08:00:00.000Z', '2026-11-26T20:00:00.000Z', 0],
    ['2026-11-26T23:00:00.000Z', '2026-11-27T01:00:00.000Z', 1],
    ['2026-03-20T12:00:00.000Z', '2026-04-03T12:00:00.000Z', 14],
  ])('from %s to %s: %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('accountabilityFigures', () => {
  it('counts answered, overdue and challenged from the record', () => {
    const figures = accountabilityFigures(
      {
        recommendations: [
          { id: 'a', sentAt: '2026-11-01T10:00:00.000Z' },
          { id: 'b', sentAt: '2026-11-01T10:00:00.000Z' },
          { id: 'c', sentAt: '2026-11-01T10:00:00.000Z' },
          { id: 'd', sentAt: null },
        ],
        responses: [
          { recommendationId: 'a', state: 'published', publishedAt: '2026-11-04T10:00:00.000Z' },
          { recommendationId: 'b', state: 'published', publishedAt: '2026-11-11T10:00:00.000Z' },
          { recommendationId: 'c', state: 'draft', publishedAt: null },
        ],
        actions: [{ status: 'done', dueOn: '2026-11-20' }],
        challenges: [{ outcome: 'upheld' }, { outcome: 'not_upheld' }, { outcome: null }],
        respondBy: '2026-11-30',
      },
      '2026-12-01',
    );
    expect(figures).toMatchObject({
      sent: 3,
      answered: 2,
      answeredPercent: 67,
      overdueAnswers: 1,
      medianDaysToAnswer: 6.5,
      challengesRaised: 3,
      challengesAnswered: 2,
      challengesUpheld: 1,
    });
    expect(figures.actions.done).toBe(1);
  });

  it('has no share answered before anything is sent', () => {
    const figures = accountabilityFigures(
      { recommendations: [], responses: [], actions: [], challenges: [], respondBy: undefined },
      '2026-12-01',
    );
    expect(figures.answeredPercent).toBeNull();
    expect(figures.medianDaysToAnswer).toBeNull();
  });
});

describe('revisionDueOn', () => {
  it.each([
    // Upheld on Monday 2 November: 20 working days on is Monday 30 November.
    ['2026-11-02T10:00:00.000Z', '2026-11-01', '2026-11-30'],
    // The respond-by day stands when it is later.
    ['2026-11-02T10:00:00.000Z', '2027-03-31', '2027-03-31'],
    // Christmas and New Year bank holidays do not count.
    ['2026-12-14T10:00:00.000Z', undefined, '2027-01-14'],
  ])('upheld at %s, respond by %s: due %s', (upheldAt, respondBy, due) => {
    expect(revisionDueOn(upheldAt, respondBy)).toBe(due);
  });
});

describe('revisionOverdue', () => {
  const upheld = { outcome: 'upheld' as const, repliedAt: '2026-11-02T10:00:00.000Z' };
  it.each([
    {
      case: 'on its due day',
      challenge: upheld,
      revision: undefined,
      today: '2026-11-30',
      overdue: false,
    },
    {
      case: 'the day after',
      challenge: upheld,
      revision: undefined,
      today: '2026-12-01',
      overdue: true,
    },
    {
      case: 'a draft only',
      challenge: upheld,
      revision: { state: 'draft' as const },
      today: '2026-12-01',
      overdue: true,
    },
    {
      case: 'published',
      challenge: upheld,
      revision: { state: 'published' as const },
      today: '2026-12-01',
      overdue: false,
    },
    {
      case: 'not upheld',
      challenge: { ...upheld, outcome: 'not_upheld' as const },
      revision: undefined,
      today: '2027-06-01',
      overdue: false,
    },
  ])('$case: $overdue', ({ challenge, revision, today, overdue }) => {
    expect(revisionOverdue(challenge, revision, undefined, today)).toBe(overdue);
  });
});

describe('phaseAllows', () => {
  it.each([
    ['send', ['synthesis', 'response']],
    ['answer', ['response', 'feedback']],
    ['publish', ['response', 'feedback']],
    ['change', ['draft', 'listening', 'synthesis', 'response', 'feedback']],
  ] as const)('%s only in %j', (step, phases) => {
    const all = ['draft', 'listening', 'synthesis', 'response', 'feedback', 'closed'] as const;
    expect(all.filter((phase) => phaseAllows(step, phase))).toEqual(phases);
  });
});
