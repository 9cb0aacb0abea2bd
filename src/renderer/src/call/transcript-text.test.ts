import { describe, expect, it } from 'vitest';
import { textOffsetWithin, wordIndexAtOffset, wordStartOffsets } from './transcript-text';

const words = ['Goedemiddag,', 'u', 'spreekt', 'met', 'Sanne.'].map((text) => ({ text }));

describe('transcript text positions', () => {
  it('maps character offsets to words, spaces belonging to the word before', () => {
    const offsets = wordStartOffsets(words);
    expect(offsets).toEqual([0, 13, 15, 23, 27]);
    expect(wordIndexAtOffset(offsets, 0)).toBe(0);
    expect(wordIndexAtOffset(offsets, 12)).toBe(0);
    expect(wordIndexAtOffset(offsets, 13)).toBe(1);
    expect(wordIndexAtOffset(offsets, 30)).toBe(4);
    expect(wordIndexAtOffset(offsets, 999)).toBe(4);
    expect(wordIndexAtOffset([], 3)).toBe(-1);
  });

  it('counts offsets across a span per word and across plain text alike', () => {
    const spans = document.createElement('p');
    spans.innerHTML = words.map((word) => `<span>${word.text} </span>`).join('');
    const third = spans.children[2]!.firstChild!;
    expect(textOffsetWithin(spans, third, 2)).toBe(17);

    const plain = document.createElement('p');
    plain.append(
      'Goedemiddag, u ',
      Object.assign(document.createElement('mark'), { textContent: 'spreekt' }),
      ' met Sanne.',
    );
    expect(textOffsetWithin(plain, plain.lastChild!, 1)).toBe(23);
    expect(textOffsetWithin(plain, plain, 1)).toBe(15);
  });
});
