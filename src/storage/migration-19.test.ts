import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';
import { countReviewRows, reviewFilterOptions } from './review-window-repository';

describe('migration 19: review list count indexes', () => {
  it('keeps the reviews of the version before and counts and offers them alike through the new indexes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 17);
    db.exec(`
      INSERT INTO rubrics (id, version, status, body_json, created_at_ms) VALUES ('r', 1, 'published', '{}', 1);
      INSERT INTO calls (id, title, agent_name, created_at_ms) VALUES ('c1', 'Retour', 'Sanne', 1), ('c2', 'Opzeggen', '', 2);
      INSERT INTO reviewers (id, name, created_at_ms) VALUES ('v1', 'Anouk', 1);
      INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms)
        VALUES ('a', 'c1', 'v1', 'r', 1, 'submitted', 1, 5), ('b', 'c2', 'v2', NULL, NULL, 'draft', 1, 6);
    `);
    const before = db.prepare('SELECT count(*) FROM reviews').pluck().get();
    expect(migrate(db, migrations, 19)).toBe(19);
    expect(db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(before);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'reviews_listed',
        'reviews_listed_status',
        'reviews_listed_reviewer',
        'reviews_listed_routine',
        'reviews_rubric_version',
      ]),
    );
    expect(indexes).not.toContain('reviews_rubric');
    // A review without a rubric (from before rubrics) is not listed: it is not counted, and its call and reviewer are
    // not offered as filters that would show nothing.
    expect(countReviewRows(db, { sessionId: null })).toBe(1);
    expect(countReviewRows(db, { status: 'draft' })).toBe(0);
    expect(countReviewRows(db, { status: 'submitted', fromMs: 5, toMs: 5 })).toBe(1);
    expect(reviewFilterOptions(db)).toEqual({
      calls: [['c1', 'Retour']],
      agents: ['Sanne'],
      reviewers: [['v1', 'Anouk']],
      sessions: [],
    });
  });
});
