import { describe, expect, it } from 'vitest';
import { parseCustomerQuery, type CustomerQuery } from './customer-query';
import { excerptAround } from './excerpt';
import { findCustomerMentions } from './find-in-text';

const query = (typed: string): CustomerQuery => {
  const parsed = parseCustomerQuery(typed);
  if (!parsed) throw new Error(`not a query: ${typed}`);
  return parsed;
};
const found = (text: string, typed: string) =>
  findCustomerMentions(text, query(typed)).map((range) => text.slice(range.start, range.end));

describe('findCustomerMentions: phone numbers', () => {
  const typed = '06-12345678';

  it('finds the number in every notation a transcript writes', () => {
    expect(found('Mijn nummer is 06-12345678, bel maar.', typed)).toEqual(['06-12345678']);
    expect(found('Bereikbaar op +31 6 1234 5678 na vijven.', typed)).toEqual(['+31 6 1234 5678']);
    expect(found('Het is 0031612345678.', typed)).toEqual(['0031612345678']);
    expect(found('U kunt bellen naar 06 12 34 56 78', typed)).toEqual(['06 12 34 56 78']);
    expect(found('plus drie een zes een twee drie vier vijf zes zeven acht', typed)).toEqual([
      'plus drie een zes een twee drie vier vijf zes zeven acht',
    ]);
    expect(found('nul zes een twee drie vier vijf zes zeven acht, klopt dat?', '+31612345678')).toEqual([
      'nul zes een twee drie vier vijf zes zeven acht',
    ]);
  });

  it('finds a number written next to another one', () => {
    expect(found('klantnummer 204518 0612345678 graag terugbellen', typed)).toEqual(['0612345678']);
  });

  it('does not match near misses', () => {
    expect(found('Mijn nummer is 06-12345679.', typed)).toEqual([]);
    expect(found('Mijn nummer is 06-123456789.', typed)).toEqual([]);
    expect(found('nul zes een twee drie vier vijf zes zeven acht negen', typed)).toEqual([]);
    expect(found('Het is +32 6 1234 5678.', typed)).toEqual([]);
    // A single digit after it may continue the number: not this number.
    expect(found('Rekening 4111 0612345678 9', typed)).toEqual([]);
    expect(found('pas 40612345678', typed)).toEqual([]);
  });
});

describe('findCustomerMentions: e-mail addresses', () => {
  it('compares written addresses without case and spoken ones as spelled', () => {
    expect(found('Mail naar M.Jansen@Voorbeeld.nl graag.', 'm.jansen@voorbeeld.nl')).toEqual(['M.Jansen@Voorbeeld.nl']);
    expect(found('dat is m punt jansen apenstaartje voorbeeld punt nl', 'M.Jansen@voorbeeld.nl')).toEqual([
      'm punt jansen apenstaartje voorbeeld punt nl',
    ]);
    expect(found('Mail naar m.janssen@voorbeeld.nl', 'm.jansen@voorbeeld.nl')).toEqual([]);
    expect(found('Mail naar m.jansen@voorbeeld.nl.', 'jansen@voorbeeld.nl')).toEqual([]);
  });
});

describe('findCustomerMentions: names and references', () => {
  it('matches whole words, ignoring case, accents and separators', () => {
    expect(found('Gesprek met mevrouw De Vries over de factuur', 'de vries')).toEqual(['De Vries']);
    expect(found('Klant: Öztürk, dossier KL 204518', 'ozturk')).toEqual(['Öztürk']);
    expect(found('dossier KL 204518', 'KL-204518')).toEqual(['KL 204518']);
    expect(found('referentie kl204518.', 'KL-204518')).toEqual(['kl204518']);
  });

  it('does not match a longer or a different word', () => {
    expect(found('meneer Janssen belde', 'Jansen')).toEqual([]);
    expect(found('meneer Jansens fiets', 'Jansen')).toEqual([]);
    expect(found('dossier KL 2045189', 'KL-204518')).toEqual([]);
    expect(found('order 1204518', '204518')).toEqual([]);
  });
});

describe('excerptAround', () => {
  it('cuts at words and marks the cut', () => {
    const text =
      'Goedemiddag, u spreekt met Sanne van de klantenservice, mijn nummer is 06-12345678 en ik wacht op uw telefoontje vandaag of morgen.';
    const start = text.indexOf('06-');
    const excerpt = excerptAround(text, { start, end: start + 11 }, 20);
    expect(excerpt).toEqual({
      before: '…mijn nummer is ',
      match: '06-12345678',
      after: ' en ik wacht op uw…',
    });
    expect(excerptAround('Kort 0612345678', { start: 5, end: 15 })).toEqual({
      before: 'Kort ',
      match: '0612345678',
      after: '',
    });
  });
});
