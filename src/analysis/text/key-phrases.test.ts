import { describe, expect, it } from 'vitest';
import { keyPhrases, labelFrom } from './key-phrases.ts';
import { analyseVoice } from './tokens.ts';

const words = (text: string) => analyseVoice(text).words;

/** The key phrases of the first of two themes: `texts`, against voices about something else. */
function phrasesOfTheme(texts: readonly string[], count = 5): string[] {
  const others = ['The parking was awful', 'Parking costs too much', 'No parking'];
  const voices = [...texts, ...others].map(words);
  const themeOf = voices.map((_, v) => (v < texts.length ? 0 : 1));
  return keyPhrases(voices, themeOf, 2, count)[0]?.phrases ?? [];
}

describe('phrases', () => {
  it('are runs of up to three words that neither start nor end on a stop word', () => {
    const phrases = phrasesOfTheme(Array(4).fill('Lack of communication, terrible') as string[]);
    expect(phrases).toEqual(['Lack of communication', 'terrible']);
  });

  it('take the longer phrase when most uses of a word share it, as people wrote it', () => {
    const texts = ['A very long wait', 'Such a long wait', 'The long wait', 'Wait times'];
    expect(phrasesOfTheme(texts, 1)).toEqual(['long wait']);
    expect(phrasesOfTheme(['Long wait', 'Waited', 'Wait again', 'A wait'], 1)).toEqual(['wait']);
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
