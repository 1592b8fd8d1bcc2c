import { describe, expect, it } from 'vitest';
import { suggestSplit } from './split.ts';

const TRANSPORT = [
  'The transport home from hospital was late',
  'I waited hours for the hospital transport',
  'The ambulance transport home never came on time',
  'We waited for hospital transport until the evening',
  'Transport from the ward took all afternoon to arrive',
];
const FOOD = [
  'There was no food in the house when I got home',
  'Nobody checked I had food or could cook',
  'I came home to an empty fridge and no food shopping',
  'A neighbour brought food because nobody else did',
];
const voices = (texts: readonly string[], prefix: string) =>
  texts.map((text, i) => ({ id: `${prefix}${i}`, text }));

describe('suggestSplit', () => {
  it('parts a theme of two topics along the topics, the larger first, each named from its words', () => {
    const mixed = [...voices(TRANSPORT, 't'), ...voices(FOOD, 'f')];
    const [first, second] = suggestSplit(mixed);
    expect(first.ids.sort()).toEqual(
      voices(TRANSPORT, 't')
        .map((v) => v.id)
        .sort(),
    );
    expect(second.ids.sort()).toEqual(
      voices(FOOD, 'f')
        .map((v) => v.id)
        .sort(),
    );
    expect(first.label.toLowerCase()).toContain('transport');
    expect(second.label.toLowerCase()).toContain('food');
  });

  it('gives the same parts for the same voices, in any run', () => {
    const mixed = [...voices(FOOD, 'f'), ...voices(TRANSPORT, 't')];
    expect(suggestSplit(mixed)).toEqual(suggestSplit(mixed));
  });

  it('keeps voices with no words to go on in the larger part, and copes with one voice', () => {
    const mixed = [...voices(TRANSPORT, 't'), ...voices(FOOD, 'f'), { id: 'empty', text: '!!' }];
    const [first] = suggestSplit(mixed);
    expect(first.ids).toContain('empty');
    const [only, none] = suggestSplit([{ id: 'one', text: 'The transport was late' }]);
    expect(only.ids).toEqual(['one']);
    expect(none.ids).toEqual([]);
  });
});
