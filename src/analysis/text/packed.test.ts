import { describe, expect, it } from 'vitest';
import { packVoices, packWordKeys, packable, unpackVoices, unpackWordKeys } from './packed.ts';
import { analyseVoice } from './tokens.ts';

describe('packVoices and unpackVoices', () => {
  it('give back exactly the voices read, whatever they hold', () => {
    const voices = [
      'The staff were kind. But I waited  four hours!',
      '',
      '👍👍',
      'Nothing.',
      "Can't fault them — the crew's care was first-class\n\nThank you",
      '   ',
    ].map(analyseVoice);
    expect(unpackVoices(packVoices(voices), voices.length)).toEqual(voices);
  });

  it('give back no voices for none', () => {
    expect(unpackVoices(packVoices([]), 0)).toEqual([]);
  });

  it('leave texts holding the characters packing uses to be read where they are', () => {
    expect(packable('A plain voice')).toBe(true);
    expect(packable('A voice with \u0000 in it')).toBe(false);
    expect(packable('\u0002')).toBe(false);
  });
});

describe('packWordKeys and unpackWordKeys', () => {
  it("give back each voice's words, lemmas and parts of speech, none for a voice without", () => {
    const voices = [
      [
        { text: 'Organised', lemma: 'organize', partOfSpeech: 'VERB' },
        { text: 'staff', lemma: 'staff', partOfSpeech: 'NOUN' },
      ],
      [],
      [{ text: 'Kind', lemma: 'kind', partOfSpeech: 'ADJ' }],
    ];
    expect(unpackWordKeys(packWordKeys(voices) ?? '', voices.length)).toEqual(voices);
    expect(unpackWordKeys(packWordKeys([]) ?? '', 0)).toEqual([]);
  });

  it('refuse words holding the characters packing uses', () => {
    expect(
      packWordKeys([[{ text: 'a\u0000b', lemma: 'ab', partOfSpeech: 'NOUN' }]]),
    ).toBeUndefined();
  });
});
