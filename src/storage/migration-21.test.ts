import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCall } from './calls-repository';
import { migrate, migrations } from './migrations';
import { listReviewRows } from './review-list-repository';
import { countReviewRows } from './review-window-repository';
import { createReview, updateReview } from './reviews-repository';

const columnsOf = (db: Database.Database, index: string) =>
  (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[]).join(',');

describe('migration 21: covering review list indexes', () => {
  it('rebuilds the agent, call and reviewer indexes with the columns the filters test, keeping every review listed', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 20);
    db.exec(`INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1);`);
    insertCall(db, { id: 'c1', title: 'Opzeggen', agentName: 'Sanne', createdAtMs: 1 });
    insertCall(db, { id: 'c2', title: 'Factuur', agentName: 'Piet', createdAtMs: 2 });
    const review = (id: string, callId: string, reviewerId: string, atMs: number) =>
      createReview(db, { id, callId, reviewerId, rubricId: 'rb', rubricVersion: 1, sessionId: null }, atMs);
    review('a', 'c1', 'bram', 10);
    review('b', 'c1', 'els', 20);
    review('c', 'c2', 'bram', 30);
    updateReview(db, 'a', { status: 'submitted', submittedAtMs: 40 }, 40);
    const filters = [{ agentName: 'Sanne' }, { reviewerId: 'bram', status: 'draft' as const }, { agentName: 'Piet' }];
    const before = filters.map((filter) => [countReviewRows(db, filter), listReviewRows(db, filter)]);

    expect(migrate(db, migrations, 21)).toBe(21);
    expect(columnsOf(db, 'calls_agent')).toBe('agent_name,id');
    expect(columnsOf(db, 'reviews_call')).toBe('call_id,updated_at_ms,id,rubric_id,status,reviewer_id,session_id');
    expect(columnsOf(db, 'reviews_listed_reviewer')).toBe('reviewer_id,updated_at_ms,id,status,session_id');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'reviews_reviewer_updated'").pluck().get()).toBe(
      0,
    );
    expect(filters.map((filter) => [countReviewRows(db, filter), listReviewRows(db, filter)])).toEqual(before);
    expect(before.map(([count]) => count)).toEqual([2, 1, 1]);
  });
});
