import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';
import { listSuggestionDecisions, saveSuggestionDecision } from './suggestions-repository';

describe('migration 13: suggestion decisions', () => {
  it('keeps the reviews of the version before and remembers one decision per suggestion, gone with its review', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 11);
    db.exec(`
      INSERT INTO calls (id, title, created_at_ms) VALUES ('c1', 'Retour', 1);
      INSERT INTO reviewers (id, name, created_at_ms) VALUES ('me', 'Anouk', 1);
    `);
    db.exec(`
      INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);
      INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms)
        VALUES ('r1', 'c1', 'me', 'rb', 1, 'draft', 1, 1);
    `);
    expect(migrate(db, migrations, 13)).toBe(13);
    expect(db.prepare('SELECT id FROM reviews').pluck().all()).toEqual(['r1']);
    const decision = {
      key: 'emotion:1-2',
      kind: 'emotion',
      startMs: 1,
      endMs: 2,
      decision: 'dismissed' as const,
      momentId: null,
      reviewerId: 'me',
      atMs: 5,
    };
    saveSuggestionDecision(db, 'r1', decision);
    saveSuggestionDecision(db, 'r1', { ...decision, decision: 'accepted', momentId: 'm1', atMs: 6 });
    expect(listSuggestionDecisions(db, 'r1')).toEqual([{ ...decision, decision: 'accepted', momentId: 'm1', atMs: 6 }]);
    db.exec("DELETE FROM reviews WHERE id = 'r1'");
    expect(db.prepare('SELECT count(*) FROM review_suggestions').pluck().get()).toBe(0);
  });
});
