import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations';
import { getCallSignals, saveCallSignals } from './signals-repository';
import type { CallSignals } from '../domain/signals/model';

const signals: CallSignals = {
  durationMs: 60_000,
  speech: [{ speaker: 'agent', channel: 0, startMs: 0, endMs: 2000 }],
  overtalk: [],
  silences: [{ startMs: 2000, endMs: 14_000, flagged: true, turn: 'customer' }],
  talkRatio: { agent: 1, customer: 0 },
  wordsPerMinute: { agent: 150, customer: null },
  responseLatencies: [],
  hints: [{ kind: 'empathy', speaker: 'agent', startMs: 100, endMs: 900, text: 'wat vervelend', itemIds: ['2.1'] }],
};

describe('migration 11: call signals', () => {
  it('keeps the calls of the version before, with no signals yet (computed when first asked for), and stores them after', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 7);
    db.exec(`INSERT INTO calls (id, title, created_at_ms) VALUES ('c1', 'Retour', 1), ('c2', 'Klacht', 2);`);
    expect(migrate(db, migrations, 11)).toBe(11);
    expect(db.prepare('SELECT id FROM calls ORDER BY id').pluck().all()).toEqual(['c1', 'c2']);
    expect(getCallSignals(db, 'c1')).toBeUndefined();
    saveCallSignals(db, 'c1', 'basis-1', signals, 5);
    saveCallSignals(db, 'c1', 'basis-2', { ...signals, overtalk: [] }, 6);
    expect(getCallSignals(db, 'c1')).toEqual({ basis: 'basis-2', signals, computedAtMs: 6 });
    expect(() => saveCallSignals(db, 'nope', 'b', signals, 7)).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM calls WHERE id = 'c1'");
    expect(db.prepare('SELECT count(*) FROM call_signals').pluck().get()).toBe(0);
  });
});
