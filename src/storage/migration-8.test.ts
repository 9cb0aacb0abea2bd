import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';

/** A version-7 database with a call, its recording, peaks, transcript and a submitted review with a moment. */
function version7WithReviewedCall(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 7);
  db.exec(`
    INSERT INTO audio_files VALUES ('a1', 'ab12', 'ab12.wav', 'klacht.wav', 'wav', 'pcm_s16le', 'audio/wav', 8000, 2, 60000, 960044, 1);
    INSERT INTO audio_peaks VALUES ('a1', 0, 50, x'01000200');
    INSERT INTO calls (id, title, created_at_ms, audio_id) VALUES ('c1', 'Klacht', 1, 'a1');
    INSERT INTO transcripts VALUES ('c1', 'webvtt', 'nl', 'klacht.vtt', '[]', '[]', '{}', 1);
    INSERT INTO reviewers VALUES ('me', 'Sanne', 1);
    INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);
    INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms, submitted_at_ms)
      VALUES ('r1', 'c1', 'me', 'rb', 1, 'submitted', 1, 2, 2);
    INSERT INTO review_answers (review_id, item_id, answer, level, updated_at_ms) VALUES ('r1', '2.1', 'level', 2, 2);
    INSERT INTO moments (id, review_id, start_ms, end_ms, type, speaker, polarity, note, created_at_ms, updated_at_ms)
      VALUES ('m1', 'r1', 1000, 2000, 'empathic-response', 'agent', 'strength', 'goed', 2, 2);
  `);
  return db;
}

describe('migration 8: retention', () => {
  it('keeps every call with its media stored (not removed), and its review, answers and moments', () => {
    const db = version7WithReviewedCall();
    expect(migrate(db, migrations, 8)).toBe(8);
    expect(db.prepare('SELECT id, audio_id AS audioId, media_removed_at_ms AS removed FROM calls').all()).toEqual([
      { id: 'c1', audioId: 'a1', removed: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM transcripts').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM audio_peaks').pluck().get()).toBe(1);
    expect(db.prepare('SELECT level FROM review_answers').pluck().get()).toBe(2);
    expect(db.prepare('SELECT start_ms FROM moments').pluck().get()).toBe(1000);
    expect(db.prepare('SELECT count(*) FROM retention_log').pluck().get()).toBe(0);
  });

  it('keeps a log that outlives its call and is never changed', () => {
    const db = version7WithReviewedCall();
    migrate(db, migrations, 8);
    db.exec(`
      INSERT INTO retention_log (call_id, removed_at_ms, rule, basis, days, due_at_ms, trigger, audio_bytes, peaks_bytes, transcript_segments)
        VALUES ('c1', 10, 'routine', 'after_import', 0, 1, 'start', 960044, 4, 0);
    `);
    expect(() => db.exec('UPDATE retention_log SET audio_bytes = 0')).toThrow(/never changed/);
    expect(() =>
      db.exec(`INSERT INTO retention_log (call_id, removed_at_ms, rule, basis, days, due_at_ms, trigger, audio_bytes, peaks_bytes, transcript_segments)
        VALUES ('c1', 10, 'routine', 'off', 0, 1, 'start', 0, 0, 0)`),
    ).toThrow(/CHECK/);
    db.exec("DELETE FROM calls WHERE id = 'c1'");
    expect(db.prepare('SELECT call_id FROM retention_log').pluck().all()).toEqual(['c1']);
  });
});
