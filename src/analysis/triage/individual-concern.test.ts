import { describe, expect, it } from 'vitest';
import { suggestIndividualConcern } from './individual-concern.ts';

describe('suggestIndividualConcern', () => {
  it.each([
    ['My direct payment has been late for three months.', 'own-case'],
    ["I've been waiting 6 weeks for an assessment.", 'how-long'],
    ["My mum's care package was cut.", 'problem'],
    ['Case ref ASC-20931: nobody has called me back.', 'case-reference'],
    ['Mrs Okafor said she would send the forms. Nothing since.', 'named-staff'],
    ['The social worker called Gemma never rang back about my respite.', 'named-staff'],
    ['Can someone please look into why my personal budget was reduced?', 'asks-for-help'],
    ['i applied for a blue badge in march and still havent heard anything', 'problem'],
  ])('suggests casework: %s', (text, signal) => {
    const result = suggestIndividualConcern(text);
    expect(result.suggested).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.5);
    expect(result.reasons.map((reason) => reason.signal)).toContain(signal);
    expect(result.version).toBe('rules-1');
  });

  it.each([
    ['resolved', 'My direct payment was late last year but it got sorted and it is fine now.'],
    ['resolved', "My mother's care was cut in 2019 but after we appealed it was restored."],
    ['general', 'People wait too long for assessments.'],
    ['general', 'Too many people get passed from team to team.'],
    ['suggestion', 'Direct payments should be paid on time every time.'],
    ['suggestion', 'It would be better if the social worker stayed the same.'],
    ['praise', 'no complaints from me, they treat my mother like their own.'],
  ])('leaves design input alone (%s): %s', (_kind, text) => {
    expect(suggestIndividualConcern(text).suggested).toBe(false);
  });

  it('records the words that raised each reason, as written', () => {
    const { reasons } = suggestIndividualConcern('MY DIRECT PAYMENT has been late');
    expect(reasons).toContainEqual({ signal: 'own-case', phrase: 'MY DIRECT PAYMENT' });
  });

  it('keeps the score between 0 and 1', () => {
    const many = suggestIndividualConcern(
      'Ref ABC-12345. Mrs Khan said my care package would be reviewed in March. I have been waiting 8 months, can someone help? I want to complain.',
    );
    expect(many.score).toBe(1);
    expect(suggestIndividualConcern('').score).toBe(0);
  });
});
