import { describe, expect, it } from 'vitest';
import {
  type Commitment,
  type Engagement,
  type Phase,
  type Prompt,
  PHASES,
  checkPhaseMove,
  phaseMovesFrom,
  readinessToListen,
  takesVoices,
} from './engagements.core.ts';

const ready: Engagement = {
  id: 'e1',
  title: 'Help at home',
  commissioningOrganisationId: 'council',
  advocacyOrganisationId: 'advocacy',
  phase: 'draft',
  purposePlain: 'Why we ask.',
  purposeEasyRead: 'Why we ask.',
  openToInfluence: 'How visits are planned.',
  alreadyDecided: 'The budget.',
  audiences: ['family_carer'],
  areas: [],
  startsOn: null,
  endsOn: null,
  safeguardingLeadId: 'lead',
  safeguardingDeputyId: 'deputy',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const commitment: Commitment = {
  version: 1,
  statement: 'I will listen.',
  respondBy: '2027-03-01',
  signerId: 'director',
  signerName: 'Dee Morgan',
  signerRole: 'Director',
  signedAt: '2026-11-02T00:00:00.000Z',
};

const prompt: Prompt = {
  id: 'p1',
  engagementId: 'e1',
  position: 1,
  kind: 'open',
  questionPlain: 'What helps?',
  questionEasyRead: 'What helps?',
  influences: 'Visits.',
};

describe('phaseMovesFrom', () => {
  it.each([
    ['draft', ['listening']],
    ['listening', ['synthesis']],
    ['synthesis', ['response']],
    ['response', ['feedback']],
    ['feedback', ['closed']],
    ['closed', []],
  ] satisfies [Phase, Phase[]][])('from %s: %j', (phase, expected) => {
    expect(phaseMovesFrom(phase)).toEqual(expected);
  });
});

describe('takesVoices', () => {
  it.each(PHASES.map((phase) => [phase, phase === 'listening'] as const))(
    '%s: %s',
    (phase, expected) => {
      expect(takesVoices({ phase })).toBe(expected);
    },
  );
});

describe('checkPhaseMove', () => {
  it('opens a ready draft for listening', () => {
    expect(checkPhaseMove(ready, commitment, [prompt], 0, 'listening')).toEqual({
      ok: true,
      value: 'listening',
    });
  });

  it.each([
    ['no commitment', ready, undefined, [prompt], 'commitment', 'validation.phase.needsCommitment'],
    [
      'no safeguarding lead',
      { ...ready, safeguardingLeadId: null },
      commitment,
      [prompt],
      'safeguarding',
      'validation.phase.needsSafeguarding',
    ],
    [
      'no deputy',
      { ...ready, safeguardingDeputyId: null },
      commitment,
      [prompt],
      'safeguarding',
      'validation.phase.needsSafeguarding',
    ],
    [
      'no Easy Read purpose',
      { ...ready, purposeEasyRead: '' },
      commitment,
      [prompt],
      'purpose',
      'validation.phase.needsPurpose',
    ],
    ['no question', ready, commitment, [], 'prompts', 'validation.phase.needsPrompt'],
  ] as const)('refuses to open with %s', (_case, engagement, signed, prompts, field, key) => {
    const result = checkPhaseMove(engagement, signed, prompts, 0, 'listening');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(key);
  });

  const statementsPrompt: Prompt = { ...prompt, id: 'p2', position: 2, kind: 'statements' };

  it('needs a statement shown for votes before a statements question can listen', () => {
    expect(checkPhaseMove(ready, commitment, [prompt, statementsPrompt], 0, 'listening')).toEqual({
      ok: false,
      errors: { statements: 'validation.phase.needsSeedStatement' },
    });
    expect(checkPhaseMove(ready, commitment, [statementsPrompt], 1, 'listening')).toEqual({
      ok: true,
      value: 'listening',
    });
    // Open questions alone need no statements.
    expect(readinessToListen(ready, commitment, [prompt], 0)).toEqual({});
  });

  it('lists every missing piece at once', () => {
    const bare = { ...ready, safeguardingLeadId: null, purposePlain: '' };
    expect(Object.keys(readinessToListen(bare, undefined, [], 0)).sort()).toEqual([
      'commitment',
      'prompts',
      'purpose',
      'safeguarding',
    ]);
    expect(readinessToListen(ready, commitment, [prompt], 0)).toEqual({});
  });

  it.each([
    ['draft', 'synthesis'],
    ['listening', 'draft'],
    ['closed', 'feedback'],
    ['synthesis', 'synthesis'],
  ] satisfies [Phase, Phase][])('refuses to jump or go back from %s to %s', (from, to) => {
    expect(checkPhaseMove({ ...ready, phase: from }, commitment, [prompt], 0, to)).toEqual({
      ok: false,
      errors: { phase: 'validation.phase.notNext' },
    });
  });

  it('moves on from listening without asking again for what opening needed', () => {
    const moved = checkPhaseMove(
      { ...ready, phase: 'listening', safeguardingLeadId: null },
      undefined,
      [],
      0,
      'synthesis',
    );
    expect(moved).toEqual({ ok: true, value: 'synthesis' });
  });
});
