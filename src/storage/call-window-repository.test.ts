import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { countCallRows, listCallWindow, type CallPlace } from './call-window-repository';
import { insertCall, listCalls } from './calls-repository';
import { migrate } from './migrations';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  // Dates repeat (and some are unknown), import times repeat: the order's every tie-break is exercised.
  for (let n = 0; n < 53; n += 1)
    insertCall(db, {
      id: `c${String(n).padStart(2, '0')}`,
      title: n % 4 === 0 ? `Opzegging ${n}` : `Levering ${n}`,
      agentName: n % 2 === 0 ? 'Sanne' : 'Joost',
      recordedAt: n % 7 === 0 ? null : `2026-03-${String((n % 5) + 1).padStart(2, '0')}T09:00:00Z`,
      createdAtMs: n % 3,
    });
});

function walk(search: string | undefined, limit: number): string[] {
  const ids: string[] = [];
  let after: CallPlace | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const window = listCallWindow(db, search, { limit, after });
    for (const row of window.rows) ids.push(row.id);
    if (!window.next) return ids;
    after = window.next;
  }
  throw new Error('the windows never end');
}

describe('library windows', () => {
  it.each([1, 5, 10, 53, 200])('windows of %i walk the whole library in its order, each call once', (limit) => {
    expect(walk(undefined, limit)).toEqual(listCalls(db).map((call) => call.id));
  });

  it('windows of a search walk the matching calls only, and the count says how many match', () => {
    const matching = listCalls(db, 'opzeg').map((call) => call.id);
    expect(matching.length).toBe(14);
    expect(walk('opzeg', 4)).toEqual(matching);
    expect(countCallRows(db, 'opzeg')).toBe(14);
    expect(countCallRows(db, 'sanne')).toBe(27);
    expect(countCallRows(db, undefined)).toBe(53);
    expect(countCallRows(db, '   ')).toBe(53);
  });

  it('a window that is not full has no next place; a search with no hit is an empty window', () => {
    expect(listCallWindow(db, undefined, { limit: 60 }).next).toBeNull();
    expect(listCallWindow(db, 'zzz', { limit: 10 })).toEqual({ rows: [], next: null });
    expect(countCallRows(db, '100%_')).toBe(0);
  });
});
