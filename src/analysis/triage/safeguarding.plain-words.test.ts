import { describe, expect, it } from 'vitest';
import { detectSafeguarding } from './safeguarding.ts';

describe('harm named without its kind', () => {
  it.each([
    'She is being abused.',
    'There is abuse going on at home',
    'My mum is being mistreated by the night staff',
    'my carer abuses me',
    "I don't feel safe at home",
    'I AM NOT SAFE',
    'they are taking advantage of her',
    'she is being exploited',
    'is it abuse if they leave him in bed all day?',
    'He said "nobody will believe you were abused"',
  ])('flags "%s" with no kind named', (text) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    expect(result.matches.some((match) => match.category === 'unspecified')).toBe(true);
  });

  it('keeps the flag, with less weight, when it is denied', () => {
    const denied = detectSafeguarding('There was no abuse at all.');
    const said = detectSafeguarding('There was abuse.');
    expect(denied.flagged).toBe(true);
    expect(denied.score).toBeLessThan(said.score);
  });

  it.each([
    'I felt abused by the complaints process',
    'That is an abuse of the system',
    'Staff need training to spot abuse',
  ])('leaves "%s" alone: it is about services or policy', (text) => {
    expect(detectSafeguarding(text).flagged).toBe(false);
  });
});

describe('the plainest disclosures in other languages', () => {
  it.each([
    ['Mój syn mnie bije', 'physical'],
    ['Mi hijo me pega todos los días', 'physical'],
    ['O meu marido me bate', 'physical'],
    ['Il me frappe', 'physical'],
    ['Fiul meu mă bate', 'physical'],
    ['Мой сын бьёт меня', 'physical'],
    ['زوجي يضربني', 'physical'],
    ['وہ مجھے مارتا ہے', 'physical'],
    ['quiero morir', 'risk_to_life'],
    ['Zabiera mi pieniądze co miesiąc', 'financial'],
  ])('flags "%s" as %s', (text, category) => {
    const result = detectSafeguarding(text);
    expect(result.flagged).toBe(true);
    expect(result.categories).toContain(category);
  });

  it('finds words only whole, in any script', () => {
    // "عنفوان" (vigour) holds the letters of "عنف" (violence) but is another word.
    expect(detectSafeguarding('عنفوان الشباب').flagged).toBe(false);
    expect(detectSafeguarding('عنف في البيت').flagged).toBe(true);
  });

  it('keeps offsets into the words as written', () => {
    const text = 'Hola. Mi hijo me pega.';
    const [match] = detectSafeguarding(text).matches;
    expect(match && text.slice(match.start, match.end)).toBe('me pega');
  });
});
