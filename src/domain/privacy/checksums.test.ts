import { describe, expect, it } from 'vitest';
import { findBsns, passesElevenTest } from './bsn';
import { findCardNumbers, isCardNumber, passesLuhn } from './card-number';
import { findIbans, passesIbanCheck } from './iban';
import { tokenize } from './tokens';

const found = (find: (tokens: ReturnType<typeof tokenize>) => { start: number; end: number }[], text: string) =>
  find(tokenize(text)).map((range) => text.slice(range.start, range.end));

describe('card numbers', () => {
  it('passes Luhn for published test numbers and fails one digit off', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('4111111111111121')).toBe(false);
  });

  it('wants 13 to 19 digits and no repeated digit', () => {
    expect(isCardNumber('4222222222222')).toBe(true);
    expect(isCardNumber('42424242424')).toBe(false);
    expect(isCardNumber('0000000000000000')).toBe(false);
  });

  it('finds grouped, dashed, joined and spoken card numbers', () => {
    expect(found(findCardNumbers, 'mijn kaart is 4111 1111 1111 1111 dank je')).toEqual(['4111 1111 1111 1111']);
    expect(found(findCardNumbers, 'nummer 5555-5555-5555-4444.')).toEqual(['5555-5555-5555-4444']);
    expect(found(findCardNumbers, 'it is 378282246310005, thanks')).toEqual(['378282246310005']);
    const spoken = 'vier een een een een een een een een een een een een een een een';
    expect(found(findCardNumbers, `het is ${spoken} klopt`)).toEqual([spoken]);
    expect(found(findCardNumbers, 'four one one one one one one one one one one one one one one one')).toHaveLength(1);
  });

  it('ignores near misses', () => {
    expect(found(findCardNumbers, 'kaart 4111 1111 1111 1112')).toEqual([]);
    expect(found(findCardNumbers, 'order 4111 1111 1111')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('checks mod 97 and the country length', () => {
    expect(passesIbanCheck('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanCheck('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(passesIbanCheck('DE89370400440532013000')).toBe(true);
    expect(passesIbanCheck('BE68539007547034')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164301')).toBe(false);
    expect(passesIbanCheck('NL92ABNA0417164300')).toBe(false);
    expect(passesIbanCheck('NL91ABNA041716430')).toBe(false);
  });

  it('finds IBANs written whole or in groups, any case', () => {
    expect(found(findIbans, 'rekening NL91ABNA0417164300 graag')).toEqual(['NL91ABNA0417164300']);
    expect(found(findIbans, 'dat is nl91 abna 0417 1643 00 toch')).toEqual(['nl91 abna 0417 1643 00']);
    expect(found(findIbans, 'rekening NL91 ABNA 0417 1643 01')).toEqual([]);
  });
});

describe('BSN', () => {
  it('applies the 11-test', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('111222334')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('finds whole 9-digit numbers only', () => {
    expect(found(findBsns, 'mijn bsn is 111222333.')).toEqual(['111222333']);
    expect(found(findBsns, 'bsn 111 222 333')).toEqual(['111 222 333']);
    expect(found(findBsns, 'een een een twee twee twee drie drie drie')).toEqual([
      'een een een twee twee twee drie drie drie',
    ]);
    expect(found(findBsns, 'nummer 1112223330')).toEqual([]);
    expect(found(findBsns, 'bsn 111222334')).toEqual([]);
  });
});
