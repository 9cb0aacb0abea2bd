import { describe, expect, it } from 'vitest';
import { createHintMatcher } from '../domain/signals/hints';
import { parseLexicon } from '../domain/signals/lexicon';
import { sentencesOf } from '../domain/signals/sentences';
import type { Transcript } from '../domain/transcript/model';
import { lexiconsFor, loadLexicons } from './lexicons';

function hints(language: 'nl' | 'en', speaker: 'agent' | 'customer', text: string, customerName?: string) {
  const transcript: Transcript = {
    format: 'klankbord-json',
    language,
    warnings: [],
    segments: [{ speaker, channel: null, startMs: 1000, endMs: 4000, text, words: [] }],
  };
  const match = createHintMatcher(lexiconsFor(loadLexicons(), language));
  return match(sentencesOf(transcript, { [`speaker:${speaker}`]: speaker }), customerName);
}

describe('shipped lexicons', () => {
  it('load, both languages, every entry naming rubric items', () => {
    const lexicons = loadLexicons();
    expect(lexicons.map((lexicon) => lexicon.language)).toEqual(['en', 'nl']);
    for (const lexicon of lexicons)
      for (const entry of lexicon.entries) expect(entry.itemIds.length).toBeGreaterThan(0);
  });

  it('match empathy case- and inflection-tolerantly, not its near misses', () => {
    expect(hints('nl', 'agent', 'IK BEGRIJP DAT DIT ERG VERVELEND VOOR U IS.')).toEqual([
      expect.objectContaining({ kind: 'empathy', itemIds: ['2.1', '1.1', '1.2'], startMs: 1000 }),
    ]);
    expect(hints('nl', 'agent', 'Ik begrijp het niet.')).toEqual([]);
    expect(hints('nl', 'customer', 'Ik begrijp het niet.')).toEqual([]);
    expect(hints('en', 'agent', "I don't understand why that is frustrating.")).toEqual([]);
    expect(hints('en', 'customer', 'I was so frustrated yesterday.')).toEqual([
      expect.objectContaining({ kind: 'emotion', emotion: 'frustration', speaker: 'customer' }),
    ]);
    expect(hints('en', 'customer', "I'm not frustrated, just curious.")).toEqual([]);
  });

  it('find the customer name, paraphrases and follow-up questions of the agent only', () => {
    expect(hints('nl', 'agent', 'Dank u wel, meneer Jansen.', 'Pieter Jansen').map((hint) => hint.kind)).toEqual([
      'customer_name',
    ]);
    // A surname that is also a word counts only when spoken as a name: with its capital, unless nothing has capitals.
    const named = (text: string) => hints('nl', 'agent', text, 'Sanne de Vries').map((hint) => hint.kind);
    expect(named('De vries in de koelcel is kapot.')).toEqual([]);
    expect(named('Goedemiddag mevrouw De Vries.')).toEqual(['customer_name']);
    expect(named('goedemiddag mevrouw de vries')).toEqual(['customer_name']);
    expect(hints('nl', 'agent', 'Als ik het goed begrijp, werkt het al drie dagen niet.')[0]?.kind).toBe('paraphrase');
    expect(hints('en', 'agent', 'When did the problem start?')[0]?.kind).toBe('follow_up_question');
    expect(hints('en', 'agent', 'When did the problem start.')).toEqual([]);
    expect(hints('en', 'customer', 'When did the problem start?')).toEqual([]);
  });

  it('refuse a broken lexicon with what is wrong', () => {
    expect(parseLexicon({ language: 'nl', version: 1, entries: [{ kind: 'praise' }] })).toEqual({
      ok: false,
      detail: 'entry 0: unknown kind praise',
    });
  });
});
