import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import { noticeFromToken, noticeToken } from './telling-people.tokens.ts';
import { recipients, tallyAnswers, tookPart } from './you-said-we-did.core.ts';
import { readerWords, staffWords } from './you-said-we-did.words.ts';

describe('tookPart', () => {
  it('shows perspectives of 5 or more and the total when nothing is hidden', () => {
    const result = tookPart(
      new Map([
        ['carer', 5],
        ['lived', 12],
      ]),
    );
    expect(result).toEqual({
      total: 17,
      shown: [
        { perspective: 'lived', people: 12 },
        { perspective: 'carer', people: 5 },
      ],
      smallGroups: undefined,
    });
  });

  it('merges small perspectives into one line, shown once it reaches 5', () => {
    const result = tookPart(
      new Map([
        ['lived', 9],
        ['carer', 3],
        ['professional', 2],
      ]),
    );
    expect(result.shown).toEqual([{ perspective: 'lived', people: 9 }]);
    expect(result.smallGroups).toEqual({ perspectives: 2, people: 5 });
    expect(result.total).toBe(14);
  });

  it('hides the total with a hidden small line, since the total would give it away', () => {
    const result = tookPart(
      new Map([
        ['lived', 9],
        ['carer', 1],
        ['professional', 2],
      ]),
    );
    expect(result.smallGroups).toEqual({ perspectives: 2, people: null });
    expect(result.total).toBeNull();
  });

  it('hides everything when fewer than 5 took part, and ignores empty perspectives', () => {
    expect(
      tookPart(
        new Map([
          ['lived', 4],
          ['carer', 0],
        ]),
      ),
    ).toEqual({
      total: null,
      shown: [],
      smallGroups: { perspectives: 1, people: null },
    });
    expect(tookPart(new Map())).toEqual({ total: 0, shown: [], smallGroups: undefined });
  });
});

describe('recipients', () => {
  it('keeps people with a known route who have not stopped messages', () => {
    const contacts = [
      { participantId: 'a', route: 'email' },
      { participantId: 'b', route: 'post' },
      { participantId: 'c', route: 'pigeon' },
      { participantId: 'd', route: 'advocate' },
    ];
    expect(recipients(contacts, new Set(['b'])).map((c) => c.participantId)).toEqual(['a', 'd']);
  });
});

describe('tallyAnswers', () => {
  const answers = [
    ...Array.from({ length: 5 }, () => ({ actionId: 'x', changed: 'yes' as const })),
    { actionId: 'x', changed: 'no' as const },
    { actionId: null, changed: 'not_sure' as const },
  ];

  it('counts the answers beside each action for the advocacy organisation', () => {
    expect(tallyAnswers(answers, false)).toEqual([
      { actionId: 'x', answers: 6, byChanged: { yes: 5, a_little: 0, no: 1, not_sure: 0 } },
      { actionId: null, answers: 1, byChanged: { yes: 0, a_little: 0, no: 0, not_sure: 1 } },
    ]);
  });

  it('hides counts of 1 to 4 from the council', () => {
    expect(tallyAnswers(answers, true)).toEqual([
      { actionId: 'x', answers: 6, byChanged: { yes: 5, a_little: 0, no: null, not_sure: 0 } },
      { actionId: null, answers: null, byChanged: { yes: 0, a_little: 0, no: 0, not_sure: null } },
    ]);
  });
});

describe('notice tokens', () => {
  const secret = 'a-secret-that-is-long-enough-for-the-test';

  it('gives back the notice a token was made for', () => {
    expect(noticeFromToken(secret, noticeToken(secret, 'notice-1'))).toBe('notice-1');
  });

  it('refuses a token signed with another secret, changed, or malformed', () => {
    const token = noticeToken(secret, 'notice-1');
    expect(noticeFromToken('another-secret-entirely-for-the-test', token)).toBeUndefined();
    expect(noticeFromToken(secret, token.replace('notice-1', 'notice-2'))).toBeUndefined();
    expect(noticeFromToken(secret, 'notice-1')).toBeUndefined();
    expect(noticeFromToken(secret, `${token}.extra`)).toBeUndefined();
  });
});

describe('the words of the pages and letters', () => {
  const t = translator('en');
  const values = (words: Record<string, Record<string, string>>) =>
    Object.values(words).flatMap((group) => Object.values(group));

  it.each(['plain', 'easy-read'] as const)('are all in the catalogue, in %s', (format) => {
    const words = values(readerWords(t, format, { title: 'A', council: 'B', advocacy: 'C' }));
    expect(words.length).toBeGreaterThan(30);
    expect(words.filter((w) => w.startsWith('feedback.') || w.includes('{title}'))).toEqual([]);
  });

  it('differ between plain English and Easy Read', () => {
    expect(readerWords(t, 'easy-read').decisions).not.toEqual(readerWords(t, 'plain').decisions);
  });

  it('are all in the catalogue for staff', () => {
    expect(values(staffWords(t)).filter((w) => w.startsWith('feedback.'))).toEqual([]);
  });
});
