import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCall } from './calls-repository';
import { migrate, migrations } from './migrations';
import { searchTranscriptPhrase } from './transcript-search-repository';
import { saveTranscript } from './transcripts-repository';

describe('migration 20: transcript search vocabulary', () => {
  it('lists the words already indexed with their turn counts, and follows the index afterwards', () => {
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
    const words = () =>
      db.prepare("SELECT term, doc FROM transcript_search_vocab WHERE term >= 'o' AND term < 'p'").raw().all();
    expect(words()).toEqual([
      ['opzeggen', 2],
      ['opzegtermijn', 1],
    ]);
    expect(searchTranscriptPhrase(db, ['opzeg'], null, 10).map((hit) => hit.startMs)).toEqual([2000, 0]);

    saveTranscript(db, 'c1', transcript([turn(0, 'Alles in orde.')]), 2);
    expect(words()).toEqual([['orde', 1]]);
    expect(searchTranscriptPhrase(db, ['opzeg'], null, 10)).toEqual([]);
  });
});
