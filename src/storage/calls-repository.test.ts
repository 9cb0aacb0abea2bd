import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { countCalls, getCall, getCallSummary, insertCall, listCalls, updateCall } from './calls-repository';
import { migrate } from './migrations';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
});

function addReview(id: string, callId: string, status: 'draft' | 'submitted'): void {
  db.prepare("INSERT OR IGNORE INTO reviewers VALUES ('me', 'Sanne', 1)").run();
  db.prepare(
    `INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms)
     VALUES (?, ?, 'me', NULL, NULL, ?, 1, 1)`,
  ).run(id, callId, status);
}

describe('calls repository', () => {
  it('stores a call with defaults for what the import did not know', () => {
    insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 5 });
    expect(getCall(db, 'c1')).toEqual({
      id: 'c1',
      title: 'Retour',
      agentName: '',
      customerRef: '',
      recordedAt: null,
      durationMs: 0,
      audioId: null,
      agentChannel: 0,
    });
    expect(getCall(db, 'nope')).toBeUndefined();
  });

  it('updates only the given fields and says whether the call exists', () => {
    insertCall(db, { id: 'c1', title: 'Retour', agentName: 'Sanne', createdAtMs: 5 });
    expect(updateCall(db, 'c1', { title: 'Retour pakket', agentChannel: 1 })).toBe(true);
    expect(getCall(db, 'c1')).toMatchObject({ title: 'Retour pakket', agentName: 'Sanne', agentChannel: 1 });
    expect(updateCall(db, 'c1', {})).toBe(true);
    expect(updateCall(db, 'missing', { title: 'x' })).toBe(false);
    expect(updateCall(db, 'missing', {})).toBe(false);
  });

  it('counts the calls in the library', () => {
    expect(countCalls(db)).toBe(0);
    insertCall(db, { id: 'c1', title: 'Retour', createdAtMs: 5 });
    insertCall(db, { id: 'c2', title: 'Opzegging', createdAtMs: 6 });
    expect(countCalls(db)).toBe(2);
  });

  it('lists newest recordings first, unknown dates last, then by import time', () => {
    insertCall(db, { id: 'old', title: 'A', recordedAt: '2026-01-01T09:00:00Z', createdAtMs: 1 });
    insertCall(db, { id: 'new', title: 'B', recordedAt: '2026-03-01T09:00:00Z', createdAtMs: 2 });
    insertCall(db, { id: 'undated-early', title: 'C', createdAtMs: 3 });
    insertCall(db, { id: 'undated-late', title: 'D', createdAtMs: 4 });
    expect(listCalls(db).map((call) => call.id)).toEqual(['new', 'old', 'undated-late', 'undated-early']);
  });

  it('gives the same order in windows of the list', () => {
    insertCall(db, { id: 'old', title: 'A', recordedAt: '2026-01-01T09:00:00Z', createdAtMs: 1 });
    insertCall(db, { id: 'new', title: 'B', recordedAt: '2026-03-01T09:00:00Z', createdAtMs: 2 });
    insertCall(db, { id: 'undated-early', title: 'C', createdAtMs: 3 });
    insertCall(db, { id: 'undated-late', title: 'D', createdAtMs: 4 });
    const window = (offset: number) => listCalls(db, undefined, { limit: 3, offset }).map((call) => call.id);
    expect([...window(0), ...window(3)]).toEqual(['new', 'old', 'undated-late', 'undated-early']);
    expect(listCalls(db, 'D', { limit: 1 }).map((call) => call.id)).toEqual(['undated-late']);
  });

  it('searches title, agent and customer reference, with % and _ taken literally', () => {
    insertCall(db, { id: 'c1', title: 'Retour 100% kapot', agentName: 'Sanne', customerRef: 'K-12', createdAtMs: 1 });
    insertCall(db, { id: 'c2', title: 'Opzegging', agentName: 'Bram', customerRef: 'K_99', createdAtMs: 2 });
    const ids = (search: string) => listCalls(db, search).map((call) => call.id);
    expect(ids('sanne')).toEqual(['c1']);
    expect(ids('k-12')).toEqual(['c1']);
    expect(ids('100%')).toEqual(['c1']);
    expect(ids('%')).toEqual(['c1']);
    expect(ids('K_')).toEqual(['c2']);
    expect(ids('  ')).toEqual(['c2', 'c1']);
  });

  it('combines the review statuses of a call: any submitted wins, then any draft', () => {
    insertCall(db, { id: 'none', title: 'A', createdAtMs: 1 });
    insertCall(db, { id: 'drafted', title: 'B', createdAtMs: 2 });
    insertCall(db, { id: 'mixed', title: 'C', createdAtMs: 3 });
    addReview('r1', 'drafted', 'draft');
    addReview('r2', 'mixed', 'draft');
    addReview('r3', 'mixed', 'submitted');
    expect(getCallSummary(db, 'none')).toMatchObject({ reviewStatus: 'unreviewed', reviewCount: 0 });
    expect(getCallSummary(db, 'drafted')).toMatchObject({ reviewStatus: 'draft', reviewCount: 1 });
    expect(getCallSummary(db, 'mixed')).toMatchObject({ reviewStatus: 'submitted', reviewCount: 2 });
    expect(getCallSummary(db, 'missing')).toBeUndefined();
  });
});
