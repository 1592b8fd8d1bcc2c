import { describe, expect, it } from 'vitest';
import { keyPhrases, labelFrom, phrasesOf } from './key-phrases.ts';
import { analyseVoice } from './tokens.ts';

const words = (text: string) => analyseVoice(text).words;

describe('phrasesOf', () => {
  it('takes runs of up to three words that neither start nor end on a stop word', () => {
    const texts = phrasesOf(words('Lack of communication, terrible')).map((p) => p.text);
    expect(texts).toEqual(['Lack', 'Lack of communication', 'communication', 'terrible']);
  });
});

describe('keyPhrases', () => {
  const voices = [
    'The parking was awful',
    'No parking near the entrance',
    'Parking costs too much',
    'Parking is a nightmare',
    'The staff were well organised',
    'Very organised staff',
    'Organised and kind staff',
    'Staff were organised',
  ].map(words);
  const themeOf = [0, 0, 0, 0, 1, 1, 1, 1];

  it('counts voices that share their words as often as they occur', () => {
    const shared = keyPhrases([...voices, ...voices.slice(0, 3)], [...themeOf, 1, 1, 1], 2);
    const separate = keyPhrases(
      [
        ...voices,
        ...['The parking was awful', 'No parking near the entrance', 'Parking costs too much'].map(
          words,
        ),
      ],
      [...themeOf, 1, 1, 1],
      2,
    );
    expect(shared).toEqual(separate);
  });

  it('finds the words that set each theme apart, written as people wrote them', () => {
    const [parking, staff] = keyPhrases(voices, themeOf, 2);
    expect(parking?.phrases[0]?.toLowerCase()).toBe('parking');
    expect(staff?.phrases).toContain('organised');
    expect(staff?.phrases.join(' ')).not.toContain('organize');
    expect(parking?.phrases.join(' ')).not.toContain('staff');
  });

  it('makes a label of the first two phrases', () => {
    expect(labelFrom(['parking', 'costs'])).toBe('Parking, costs');
    expect(labelFrom([])).toBe('');
  });
});
