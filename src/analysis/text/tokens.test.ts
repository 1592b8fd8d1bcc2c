import { describe, expect, it } from 'vitest';
import { analyseVoice, isContentWord, sentencesOf } from './tokens.ts';

describe('analyseVoice', () => {
  it('keeps each word as written beside its lemma', () => {
    const { words } = analyseVoice('The crew were organised and kind. We waited  three hours!');
    const organised = words.find((word) => word.text === 'organised');
    expect(organised?.lemma).toBe('organize');
    expect(words.find((word) => word.text === 'hours')?.lemma).toBe('hour');
    expect(words.find((word) => word.text === 'three')?.spaceBefore).toBe('  ');
  });

  it('marks stop words, and breaks at punctuation and sentence ends', () => {
    const { words } = analyseVoice('Kind, caring staff. Thanks');
    const byText = new Map(words.map((word) => [word.text, word]));
    expect(byText.get('Kind')?.breakBefore).toBe(true);
    expect(byText.get('caring')?.breakBefore).toBe(true);
    expect(byText.get('staff')?.breakBefore).toBe(false);
    expect(byText.get('Thanks')?.breakBefore).toBe(true);
    expect(analyseVoice('the was').words.every((word) => word.stop)).toBe(true);
  });

  it('finds no content words in empty voices, emoji or numbers', () => {
    for (const text of ['', '   ', '😀👍', '12 34', 'No.']) {
      expect(analyseVoice(text).words.filter(isContentWord)).toEqual([]);
    }
  });
});

describe('sentencesOf', () => {
  it('splits a voice into its sentences as written', () => {
    expect(sentencesOf('The crew were organised and kind. We waited  three hours!')).toEqual([
      'The crew were organised and kind.',
      'We waited  three hours!',
    ]);
  });
});
