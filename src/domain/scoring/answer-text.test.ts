import { describe, expect, it } from 'vitest';
import { answerText } from './answer-text';

const words = { yes: 'Ja', no: 'Nee', 'not-applicable': 'N.v.t.' } as const;

describe('answerText', () => {
  it('writes a level as its number, with its label when one is given', () => {
    expect(answerText({ kind: 'level', value: 2 }, words)).toBe('2');
    expect(
      answerText({ kind: 'level', value: 2 }, words, (value) => (value === 2 ? 'Oprecht maar algemeen' : undefined)),
    ).toBe('2 · Oprecht maar algemeen');
    expect(answerText({ kind: 'level', value: 7 }, words, () => undefined)).toBe('7');
  });

  it('writes the other answers in the words given', () => {
    expect([
      answerText({ kind: 'yes' }, words),
      answerText({ kind: 'no' }, words),
      answerText({ kind: 'not-applicable' }, words),
    ]).toEqual(['Ja', 'Nee', 'N.v.t.']);
  });
});
