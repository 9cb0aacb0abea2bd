import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';

/** A version-3 database holding a routine review with answers, as a user would have it before calibration existed. */
function version3WithRoutineReview(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 3);
  db.exec(`
    INSERT INTO calls (id, title, created_at_ms) VALUES ('c1', 'Retour', 1), ('c2', 'Klacht', 2);
    INSERT INTO reviewers VALUES ('me', 'Sanne', 1);
    INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);
    INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms)
      VALUES ('r1', 'c1', 'me', 'rb', 1, 'submitted', 1, 2);
    INSERT INTO review_answers (review_id, item_id, answer, level, updated_at_ms) VALUES ('r1', '2.1', 'level', 2, 2);
  `);
  return db;
}

describe('migration 4: calibration sessions', () => {
  it('keeps routine reviews as they were: no session, revision 1, answers intact', () => {
    const db = version3WithRoutineReview();
    expect(migrate(db, migrations, 4)).toBe(4);
    expect(db.prepare('SELECT id, status, session_id AS sessionId, revision FROM reviews').all()).toEqual([
      { id: 'r1', status: 'submitted', sessionId: null, revision: 1 },
    ]);
    expect(db.prepare("SELECT level FROM review_answers WHERE review_id = 'r1'").pluck().get()).toBe(2);
  });

  it('holds one review per reviewer and call within a session, and any number of routine ones', () => {
    const db = version3WithRoutineReview();
    migrate(db, migrations, 4);
    db.exec(`
      INSERT INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, tolerance_total, tolerance_item, lead_reviewer_id, created_at_ms)
        VALUES ('s1', 'Kalibratie maart', 'rb', 1, 1, 5, 1, 'me', 3);
      INSERT INTO session_calls VALUES ('s1', 'c1', 0), ('s1', 'c2', 1);
      INSERT INTO session_reviewers VALUES ('s1', 'me', 0);
    `);
    const insertReview = db.prepare(
      `INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, session_id, created_at_ms, updated_at_ms)
       VALUES (?, 'c1', 'me', 'rb', 1, 'draft', ?, 4, 4)`,
    );
    insertReview.run('s-r1', 's1');
    expect(() => insertReview.run('s-r2', 's1')).toThrow(/UNIQUE/);
    insertReview.run('routine-2', null);
    expect(db.prepare("SELECT count(*) FROM reviews WHERE call_id = 'c1'").pluck().get()).toBe(3);
  });

  it('refuses a session on an unknown rubric version, negative tolerances and revision 0', () => {
    const db = version3WithRoutineReview();
    migrate(db, migrations, 4);
    const insertSession = db.prepare(
      `INSERT INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, tolerance_total, tolerance_item, lead_reviewer_id, created_at_ms)
       VALUES (?, 'x', 'rb', ?, 0, ?, 1, 'me', 1)`,
    );
    expect(() => insertSession.run('bad-version', 9, 5)).toThrow(/FOREIGN KEY/);
    expect(() => insertSession.run('bad-tolerance', 1, -1)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE reviews SET revision = 0 WHERE id = 'r1'").run()).toThrow(/CHECK/);
  });

  it('removes a session with its calls, reviewers, consensus and notes, but never the calls themselves', () => {
    const db = version3WithRoutineReview();
    migrate(db, migrations, 4);
    db.exec(`
      INSERT INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, tolerance_total, tolerance_item, lead_reviewer_id, created_at_ms)
        VALUES ('s1', 'Kalibratie', 'rb', 1, 0, 5, 1, 'me', 3);
      INSERT INTO session_calls VALUES ('s1', 'c1', 0);
      INSERT INTO session_reviewers VALUES ('s1', 'me', 0);
      INSERT INTO consensus_scores VALUES ('s1', 'c1', '2.1', 'level', 3, 'Specifiek benoemd', 'me', 5);
      INSERT INTO discussion_notes (session_id, call_id, item_id, author_id, text, at_ms) VALUES ('s1', 'c1', NULL, 'me', 'Bespreken', 6);
      DELETE FROM calibration_sessions WHERE id = 's1';
    `);
    const left = db
      .prepare(
        'SELECT (SELECT count(*) FROM session_calls) + (SELECT count(*) FROM session_reviewers) + (SELECT count(*) FROM consensus_scores) + (SELECT count(*) FROM discussion_notes)',
      )
      .pluck()
      .get();
    expect(left).toBe(0);
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(2);
  });

  it('keeps a consensus level only together with a level answer', () => {
    const db = version3WithRoutineReview();
    migrate(db, migrations, 4);
    db.exec(`INSERT INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, tolerance_total, tolerance_item, lead_reviewer_id, created_at_ms)
               VALUES ('s1', 'K', 'rb', 1, 0, 5, 1, 'me', 3)`);
    const insert = db.prepare("INSERT INTO consensus_scores VALUES ('s1', 'c1', ?, ?, ?, 'reden', 'me', 1)");
    expect(() => insert.run('1.2', 'yes', 1)).toThrow(/CHECK/);
    expect(() => insert.run('2.1', 'level', null)).toThrow(/CHECK/);
    insert.run('1.2', 'yes', null);
  });
});
