import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCall } from './calls-repository';
import { migrate, migrations } from './migrations';
import { searchTranscriptPhrase } from './transcript-search-repository';
import { saveTranscript } from './transcripts-repository';

describe('migration 20: transcript search words', () => {
  it('lists the words already indexed with where they occur, and follows the index afterwards', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 19);
    insertCall(db, { id: 'c1', title: 'Opzeggen', agentName: 'Sanne', createdAtMs: 1 });
    const turn = (startMs: number, text: string) => ({
      speaker: 'Peter',
      channel: null,
      startMs,
      endMs: startMs + 1000,
      text,
      words: text
        .split(' ')
        .map((word, n) => ({ text: word, startMs: startMs + n * 100, endMs: startMs + n * 100 + 90 })),
    });
    const transcript = (segments: ReturnType<typeof turn>[]) =>
      ({ format: 'webvtt', language: 'nl', sourceName: 'c1.vtt', segments, warnings: [], speakerRoles: {} }) as const;
    saveTranscript(db, 'c1', transcript([turn(0, 'Ik wil Opzéggen.'), turn(2000, 'Opzeggen, de opzegtermijn?')]), 1);
    const before = db.prepare('SELECT count(*) FROM transcript_search').pluck().get();

    expect(migrate(db, migrations, 20)).toBe(20);
    expect(db.prepare('SELECT count(*) FROM transcript_search').pluck().get()).toBe(before);
    // One row per occurrence: the word, the turn's rowid and the word's place in the turn.
    const words = () =>
      db
        .prepare('SELECT term, doc, "offset" FROM transcript_search_words WHERE term >= ? AND term < ?')
        .raw()
        .all('o', 'p') as [string, number, number][];
    expect(words()).toEqual([
      ['opzeggen', 1, 2],
      ['opzeggen', 2, 0],
      ['opzegtermijn', 2, 2],
    ]);
    expect(searchTranscriptPhrase(db, ['opzeg'], null, 10).map((hit) => hit.startMs)).toEqual([2000, 0]);

    saveTranscript(db, 'c1', transcript([turn(0, 'Alles in orde.')]), 2);
    expect(words().map(([term]) => term)).toEqual(['orde']);
    expect(searchTranscriptPhrase(db, ['opzeg'], null, 10)).toEqual([]);
  });
});
