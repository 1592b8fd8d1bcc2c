import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/forms.ts';
import { catalogues, lookup } from '../../platform/i18n/i18n.ts';
import type { Prompt } from '../engagements/index.ts';
import { answerField, parseSubmission, referenceSchema } from './participation.schemas.ts';

const prompt = (id: string, position: number): Prompt => ({
  id,
  engagementId: 'e1',
  position,
  kind: 'open',
  questionPlain: `Question ${id}`,
  questionEasyRead: `Easy ${id}`,
  influences: 'Something',
});
const PROMPTS = [prompt('p1', 1), prompt('p2', 2)];

const good = (changes: Record<string, string | undefined> = {}): Record<string, unknown> => ({
  perspective: 'lived_experience',
  [answerField('p1')]: '',
  [answerField('p2')]: '  What helped was a named worker.  ',
  consentUse: 'yes',
  consentQuote: 'yes',
  contactRoute: 'none',
  ...changes,
});

describe('the answer form', () => {
  it('reads a good form into a submission, answers in question order, words trimmed', () => {
    const parsed = parseSubmission(PROMPTS, good({ [answerField('p1')]: 'First' }));
    expect(parsed).toEqual({
      ok: true,
      value: {
        perspective: 'lived_experience',
        answers: [
          { promptId: 'p1', text: 'First' },
          { promptId: 'p2', text: 'What helped was a named worker.' },
        ],
        consentQuote: true,
        contact: null,
      },
    });
  });

  it('ignores fields for questions the engagement does not have', () => {
    const parsed = parseSubmission(PROMPTS, good({ 'answer-other': 'Sneaked in' }));
    expect(parsed.ok && parsed.value.answers.map((answer) => answer.promptId)).toEqual(['p2']);
  });

  it.each<[string, Record<string, string | undefined>, Record<string, string>]>([
    [
      'no answer at all',
      { [answerField('p2')]: ' \n ' },
      { [answerField('p1')]: 'participation.validation.answersMissing' },
    ],
    [
      'an answer over 5,000 characters',
      { [answerField('p1')]: 'x'.repeat(5001) },
      { [answerField('p1')]: 'validation.voice.tooLong' },
    ],
    [
      'no consent to use',
      { consentUse: undefined },
      { consentUse: 'validation.consent.useNeeded' },
    ],
    [
      'a consent to use that is not yes',
      { consentUse: 'no' },
      { consentUse: 'validation.consent.useNeeded' },
    ],
    [
      'no choice about quoting',
      { consentQuote: undefined },
      { consentQuote: 'validation.consent.quoteMissing' },
    ],
    [
      'an unknown perspective',
      { perspective: 'mayor' },
      { perspective: 'validation.voice.perspectiveMissing' },
    ],
    [
      'email chosen with no address',
      { contactRoute: 'email' },
      { contactEmail: 'validation.contact.emailMissing' },
    ],
    [
      'a phone number that cannot take a text',
      { contactRoute: 'text', contactPhone: '0161 496 0000' },
      { contactPhone: 'validation.contact.phoneFormat' },
    ],
  ])('explains %s, against the field', (_name, changes, errors) => {
    expect(parseSubmission(PROMPTS, good(changes))).toEqual({ ok: false, errors });
  });

  it('lists every problem at once, in the order the page shows the fields', () => {
    const parsed = parseSubmission(PROMPTS, {});
    expect(parsed.ok ? [] : Object.keys(parsed.errors)).toEqual([
      'perspective',
      answerField('p1'),
      'consentUse',
      'consentQuote',
      'contactRoute',
    ]);
    const keys = parsed.ok ? [] : Object.values(parsed.errors);
    expect(keys.filter((key) => lookup(catalogues.en, key) === undefined)).toEqual([]);
  });
});

describe('the reference code form', () => {
  it.each([
    ['7KQ4-M2XP-9D', undefined],
    [' 7kq4 m2xp 9d ', undefined],
    ['', 'participation.validation.referenceMissing'],
    ['   ', 'participation.validation.referenceMissing'],
    ['7KQ4-M2XP', 'participation.validation.referenceFormat'],
    ['7KQ4-M2XP-9D!', 'participation.validation.referenceFormat'],
    [`7KQ4M2XP9D${' '.repeat(40)}-`, 'participation.validation.referenceFormat'],
  ])('reads %j', (typed, problem) => {
    const parsed = parseForm(referenceSchema, { reference: typed });
    expect(parsed.ok ? undefined : parsed.errors.reference).toBe(problem);
    if (problem !== undefined) expect(lookup(catalogues.en, problem)).toBeDefined();
  });
});
