import { describe, expect, it } from 'vitest';
import { findDatesOfBirth } from './date-of-birth';
import { findEmailAddresses } from './email-address';
import { findPhoneNumbers } from './phone-number';
import { findPostcodesWithHouseNumber } from './postcode';
import { tokenize } from './tokens';

const found = (find: (tokens: ReturnType<typeof tokenize>) => { start: number; end: number }[], text: string) =>
  find(tokenize(text)).map((range) => text.slice(range.start, range.end));

describe('phone numbers', () => {
  it('finds Dutch national and international forms', () => {
    expect(found(findPhoneNumbers, 'bel 06-12345678 maar')).toEqual(['06-12345678']);
    expect(found(findPhoneNumbers, 'bel 020 123 4567 maar')).toEqual(['020 123 4567']);
    expect(found(findPhoneNumbers, 'bel +31 6 12345678.')).toEqual(['+31 6 12345678']);
    expect(found(findPhoneNumbers, 'bel 0031 20 1234567')).toEqual(['0031 20 1234567']);
    expect(found(findPhoneNumbers, 'call +44 20 7946 0958')).toEqual(['+44 20 7946 0958']);
    expect(found(findPhoneNumbers, 'plus drie een zes een twee drie vier vijf zes zeven acht')).toEqual([
      'plus drie een zes een twee drie vier vijf zes zeven acht',
    ]);
    expect(found(findPhoneNumbers, 'nul zes een twee drie vier vijf zes zeven acht')).toHaveLength(1);
  });

  it('ignores near misses', () => {
    expect(found(findPhoneNumbers, 'bel 06-1234567')).toEqual([]);
    expect(found(findPhoneNumbers, 'order 1234567890')).toEqual([]);
    expect(found(findPhoneNumbers, 'bel +31 6 1234567')).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds written and spoken addresses', () => {
    expect(found(findEmailAddresses, 'mail jan.jansen@voorbeeld.nl.')).toEqual(['jan.jansen@voorbeeld.nl']);
    expect(found(findEmailAddresses, 'het is jan punt jansen apenstaartje gmail punt com toch')).toEqual([
      'jan punt jansen apenstaartje gmail punt com',
    ]);
    expect(found(findEmailAddresses, 'it is mary at example dot co dot uk')).toEqual(['mary at example dot co dot uk']);
  });

  it('ignores "at" without a domain and broken addresses', () => {
    expect(found(findEmailAddresses, 'I was at home all day')).toEqual([]);
    expect(found(findEmailAddresses, 'meet at the station dot')).toEqual([]);
    expect(found(findEmailAddresses, 'jan@voorbeeld')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('finds full dates near a birth word, Dutch and English', () => {
    expect(found(findDatesOfBirth, 'mijn geboortedatum is 12-03-1985')).toEqual(['12-03-1985']);
    expect(found(findDatesOfBirth, 'ik ben geboren op 12 maart 1985')).toEqual(['12 maart 1985']);
    expect(found(findDatesOfBirth, 'date of birth March 12, 1985')).toEqual(['March 12, 1985']);
    expect(found(findDatesOfBirth, 'born on the 12th of March 1985')).toEqual(['12th of March 1985']);
    expect(found(findDatesOfBirth, '1985-03-12 is my birthday')).toEqual(['1985-03-12']);
  });

  it('ignores dates without a birth word and incomplete dates', () => {
    expect(found(findDatesOfBirth, 'ik heb op 12 maart 2024 besteld')).toEqual([]);
    expect(found(findDatesOfBirth, 'geboren in maart 1985')).toEqual([]);
    expect(found(findDatesOfBirth, 'geboren op 32-03-1985')).toEqual([]);
  });
});

describe('postcode with house number', () => {
  it('finds both orders', () => {
    expect(found(findPostcodesWithHouseNumber, 'postcode 1234 AB huisnummer 12')).toEqual(['1234 AB huisnummer 12']);
    expect(found(findPostcodesWithHouseNumber, 'dat is 1234AB 7a')).toEqual(['1234AB 7a']);
    expect(found(findPostcodesWithHouseNumber, 'Kerkstraat 12, 1234 AB Amsterdam')).toEqual(['12, 1234 AB']);
  });

  it('ignores postcodes alone and impossible ones', () => {
    expect(found(findPostcodesWithHouseNumber, 'postcode 1234 AB graag')).toEqual([]);
    expect(found(findPostcodesWithHouseNumber, 'postcode 0234 AB 12')).toEqual([]);
    expect(found(findPostcodesWithHouseNumber, 'postcode 1234 SS 12')).toEqual([]);
  });
});
