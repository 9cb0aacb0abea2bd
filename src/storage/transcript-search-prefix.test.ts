import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../domain/transcript/model';
import { exactPhrasesQuery, locateHit, phrasePrefixQuery, searchTerms } from '../domain/transcript/search-text';
import { insertCall } from './calls-repository';
import { migrate } from './migrations';
import {
  indexedWordsStartingWith,
  maxPrefixWords,
  searchTranscriptPhrase,
  searchTranscriptPhraseHow,
  searchTranscriptTurns,
} from './transcript-search-repository';
import { saveTranscript } from './transcripts-repository';

// Dutch and English with diacritics and capitals, words sharing their start, and one start ("klant") that more than
// 64 indexed words share, so the fallback to FTS5's own prefix query is compared too.
const vocabulary = [
  ...'Ik wil mijn abonnement Opzéggen opzegging opzegtermijn OPZEG opzeggen, want ik ben niet geïnformeerd'.split(' '),
  ...'de reünie Reünies café Café naïve naïef privé Øyvind Zoë straße œuvre ĳsje 12 123 1234 €45,50'.split(' '),
  ...'I want to cancel my subscription Cancelled cancellation refund refunded appreciate understanding'.split(' '),
  ...'over overstap overstappen overal op om of ook opnieuw oké Oké én e-mail'.split(' '),
  ...Array.from({ length: maxPrefixWords + 6 }, (_, n) => `klant${String.fromCharCode(97 + (n % 26))}${n}`),
];

let db: Database.Database;

function turnOf(speaker: string, startMs: number, words: readonly string[]): TranscriptSegment {
  const timed = words.map((text, n) => ({ text, startMs: startMs + n * 400, endMs: startMs + n * 400 + 300 }));
  return { speaker, channel: null, startMs, endMs: startMs + words.length * 400, text: words.join(' '), words: timed };
}

/** A deterministic corpus: 60 calls of 8 turns, each turn 5 to 14 words taken across the vocabulary. */
function storeCorpus(): void {
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647);
  for (let call = 0; call < 60; call += 1) {
    const callId = `call-${String(call).padStart(2, '0')}`;
    insertCall(db, { id: callId, title: `Gesprek ${call}`, agentName: 'Sanne', createdAtMs: call });
    const segments = Array.from({ length: 8 }, (_, turn) => {
      const words = Array.from({ length: 5 + (next() % 10) }, () => vocabulary[next() % vocabulary.length]!);
      // Now and then the phrase a multi-word search looks for.
      if (next() % 4 === 0) words.splice(1, 0, 'ik', 'wil', vocabulary[4 + (next() % 4)]!);
      return turnOf(turn % 2 === 0 ? 'Sanne' : 'Peter', turn * 10_000, words);
    });
    const speakerRoles = { 'speaker:Sanne': 'agent', 'speaker:Peter': 'customer' } as const;
    const source = { format: 'webvtt', language: 'nl', sourceName: `${callId}.vtt`, warnings: [] } as const;
    saveTranscript(db, callId, { ...source, segments, speakerRoles }, call);
  }
}

beforeAll(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  storeCorpus();
});

const queries = [
  ...['o', 'op', 'opz', 'opzeg', 'Opzég', 'OPZEGG', 'opzegging', 'opzegtermijnen', 'reü', 'REUN', 'Reünie'],
  ...['geinf', 'GEÏNFORMEERD', 'caf', 'CAFÉ', 'naï', 'naiv', 'priv', 'øy', 'Øyvind', 'zoe', 'stra', 'straß', 'œu'],
  ...['ĳ', 'ij', 'e', 'é', '1', '12', '€45', 'cancel', 'Cancell', 'subscr', 'i', 'klant', 'klantb', 'klanta0'],
  ...['ik wil opz', 'ik wil opzeg', 'wil Opzég', 'ik wil', 'mijn abonnement opz', 'e-mail', 'zzz', 'ov', 'over'],
];

describe('transcript search: a prefix expanded to the indexed words it starts', () => {
  it('answers the same turns in the same order, with the same snippets, as FTS5’s own prefix query', () => {
    let expandedQueries = 0;
    for (const query of queries) {
      const terms = searchTerms(query);
      const words = indexedWordsStartingWith(db, terms.at(-1)!, maxPrefixWords + 1).length;
      if (words <= maxPrefixWords) expandedQueries += 1;
      for (const role of [null, 'agent', 'customer'] as const) {
        for (const limit of [3, 1000]) {
          const plain = searchTranscriptTurns(db, phrasePrefixQuery(terms), role, limit);
          const expanded = searchTranscriptPhrase(db, terms, role, limit);
          expect(expanded, `"${query}", ${role}, ${limit}`).toEqual(plain);
          const snippets = (rows: typeof plain) => rows.map((row) => locateHit(row.text, query));
          expect(snippets(expanded)).toEqual(snippets(plain));
        }
      }
    }
    // Most of these are answered by the expansion; the rest by the fallback.
    expect(expandedQueries).toBeGreaterThan(queries.length / 2);
    expect(searchTranscriptTurns(db, phrasePrefixQuery(['opzeg']), null, 1000).length).toBeGreaterThan(20);
  });

  it('finds the indexed words starting with a prefix, in their folded form, and no word past the prefix', () => {
    expect(indexedWordsStartingWith(db, 'opzeg', 100)).toEqual(['opzeg', 'opzeggen', 'opzegging', 'opzegtermijn']);
    expect(indexedWordsStartingWith(db, 'reu', 100)).toEqual(['reunie', 'reunies']);
    expect(indexedWordsStartingWith(db, 'caf', 100)).toEqual(['cafe']);
    expect(indexedWordsStartingWith(db, 'zzz', 100)).toEqual([]);
    expect(indexedWordsStartingWith(db, 'klant', 100)).toHaveLength(maxPrefixWords + 6);
    expect(indexedWordsStartingWith(db, 'klant', maxPrefixWords + 1)).toHaveLength(maxPrefixWords + 1);
  });

  it('matches a one- or two-letter last word that starts more than 64 indexed words as a whole word', () => {
    // 'k' and 'kl' start the 70 'klant…' words; 'kl' is also a word of its own in one turn.
    insertCall(db, { id: 'call-kl', title: 'Gesprek kl', agentName: 'Sanne', createdAtMs: 99 });
    const source = { format: 'webvtt', language: 'nl', sourceName: 'kl.vtt', warnings: [], speakerRoles: {} } as const;
    saveTranscript(db, 'call-kl', { ...source, segments: [turnOf('Sanne', 0, ['ja', 'KL', 'klantb1', 'oké'])] }, 99);
    expect(indexedWordsStartingWith(db, 'kl', maxPrefixWords + 1)).toHaveLength(maxPrefixWords + 1);
    for (const query of ['kl', 'ja kl']) {
      const terms = searchTerms(query);
      const whole = searchTranscriptPhraseHow(db, terms, null, 1000);
      expect(whole.lastWordWhole).toBe(true);
      expect(whole.rows.map((row) => row.callId)).toEqual(['call-kl']);
      expect(whole.rows).toEqual(searchTranscriptTurns(db, exactPhrasesQuery(terms.slice(0, -1), ['kl']), null, 1000));
      expect(locateHit(whole.rows[0]!.text, query, true).hit).toBe(query === 'kl' ? 'KL' : 'ja KL');
    }
    // Three letters are the start of a word again, however many words they start.
    const open = searchTranscriptPhraseHow(db, ['kla'], null, 1000);
    expect(open.lastWordWhole).toBe(false);
    expect(open.rows).toEqual(searchTranscriptTurns(db, phrasePrefixQuery(['kla']), null, 1000));
    expect(open.rows.length).toBeGreaterThan(1);
    // A short start of few words keeps its prefix meaning.
    expect(searchTranscriptPhraseHow(db, ['ov'], null, 1000).lastWordWhole).toBe(false);
  });

  it('stays the same after transcripts are stored again and words leave the index', () => {
    const source = { format: 'webvtt', language: 'nl', sourceName: 'x.vtt', warnings: [], speakerRoles: {} } as const;
    for (let call = 0; call < 60; call += 3) {
      const segments = [turnOf('Sanne', 0, ['Opzéggen', 'overstap', `klantz${call}`])];
      saveTranscript(db, `call-${String(call).padStart(2, '0')}`, { ...source, segments }, 100 + call);
    }
    for (const query of ['opzeg', 'ov', 'klant', 'klantz', 'reu', 'ik wil opz']) {
      const terms = searchTerms(query);
      const plain = searchTranscriptTurns(db, phrasePrefixQuery(terms), null, 1000);
      expect(searchTranscriptPhrase(db, terms, null, 1000), query).toEqual(plain);
    }
  });
});
