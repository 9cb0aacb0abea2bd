import { describe, expect, it } from 'vitest';
import { maskText } from '../privacy/redaction-ranges';
import { locateHit, searchableTurns, searchTokens, transcriptMatchQuery } from './search-text';

describe('transcript search text', () => {
  it('tokenizes like the index: letters and digits, lower case, no diacritics', () => {
    expect(searchTokens('Opzéggen, geïnformeerd! Crème-brûlée 3x')).toEqual([
      'opzeggen',
      'geinformeerd',
      'creme',
      'brulee',
      '3x',
    ]);
  });

  it('builds a quoted phrase query with the last word as a prefix, so typed syntax is never a query', () => {
    expect(transcriptMatchQuery('  wil "opzeg*  ')).toBe('"wil opzeg" *');
    expect(transcriptMatchQuery('AND OR NOT (')).toBe('"and or not" *');
    expect(transcriptMatchQuery(' -- ')).toBeNull();
  });

  it('places a hit in its turn with a few words either side', () => {
    const text = 'een twee drie vier vijf zes zeven acht Opzéggen, graag negen tien elf twaalf dertien veertien';
    expect(locateHit(text, 'opzeggen gra')).toEqual({
      before: 'drie vier vijf zes zeven acht',
      hit: 'Opzéggen, graag',
      after: 'negen tien elf twaalf dertien veertien',
      wordIndex: 8,
    });
    expect(locateHit('niets hier', 'opzeggen')).toMatchObject({ hit: 'niets', wordIndex: 0 });
  });

  it('indexes turns with redacted words masked and each word’s start', () => {
    const segment = {
      speaker: 'Peter',
      channel: null,
      startMs: 0,
      endMs: 2000,
      text: 'mijn naam Peter',
      words: [
        { text: 'mijn', startMs: 0, endMs: 500 },
        { text: 'naam', startMs: 600, endMs: 1000 },
        { text: 'Peter', startMs: 1100, endMs: 2000 },
      ],
    };
    expect([...searchableTurns([segment], [{ startMs: 1100, endMs: 2000 }], { 'speaker:Peter': 'customer' })]).toEqual([
      {
        segment: 0,
        speaker: 'Peter',
        role: 'customer',
        startMs: 0,
        text: `mijn naam ${maskText}`,
        wordStartsMs: [0, 600, 1100],
      },
    ]);
  });
});
