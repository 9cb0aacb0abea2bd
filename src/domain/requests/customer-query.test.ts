import { describe, expect, it } from 'vitest';
import { canonicalPhoneNumber, parseCustomerQuery } from './customer-query';

describe('parseCustomerQuery', () => {
  it('reads every notation of one Dutch mobile number as the same phone number', () => {
    const notations = [
      '06-12345678',
      '06 12345678',
      '+31 6 1234 5678',
      '0031612345678',
      '+31 (0)6 12 34 56 78',
      '0612345678',
    ];
    for (const typed of notations)
      expect(parseCustomerQuery(typed), typed).toEqual({ kind: 'phone', canonical: '0612345678' });
  });

  it('reads landlines and foreign numbers', () => {
    expect(parseCustomerQuery('(020) 123 4567')).toEqual({ kind: 'phone', canonical: '0201234567' });
    expect(parseCustomerQuery('+32 470 12 34 56')).toEqual({ kind: 'phone', canonical: '+32470123456' });
    expect(parseCustomerQuery('0032470123456')).toEqual({ kind: 'phone', canonical: '+32470123456' });
  });

  it('reads digits that are no phone number as a customer number', () => {
    expect(parseCustomerQuery('204518')).toEqual({ kind: 'text', compact: '204518' });
    expect(parseCustomerQuery('061234567')).toEqual({ kind: 'text', compact: '061234567' });
  });

  it('reads e-mail addresses in lower case, names and references folded', () => {
    expect(parseCustomerQuery(' M.Jansen@Voorbeeld.NL ')).toEqual({ kind: 'email', address: 'm.jansen@voorbeeld.nl' });
    expect(parseCustomerQuery('KL-204518')).toEqual({ kind: 'text', compact: 'kl204518' });
    expect(parseCustomerQuery('Öztürk')).toEqual({ kind: 'text', compact: 'ozturk' });
    expect(parseCustomerQuery('de Vries')).toEqual({ kind: 'text', compact: 'devries' });
  });

  it('refuses what is too short to name one customer', () => {
    expect(parseCustomerQuery('')).toBeUndefined();
    expect(parseCustomerQuery('  ab ')).toBeUndefined();
    expect(parseCustomerQuery('a-b')).toBeUndefined();
  });
});

describe('canonicalPhoneNumber', () => {
  it('refuses near misses', () => {
    expect(canonicalPhoneNumber('061234567', false)).toBeUndefined();
    expect(canonicalPhoneNumber('06123456789', false)).toBeUndefined();
    expect(canonicalPhoneNumber('0012', false)).toBeUndefined();
    expect(canonicalPhoneNumber('3161234567', true)).toBeUndefined();
    expect(canonicalPhoneNumber('1234567890', false)).toBeUndefined();
  });
});
