import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { deleteAgentMerge, listAgentMerges, saveAgentMerges } from './agent-merges-repository';
import { migrate, migrations } from './migrations';

describe('migration 14: agent merges', () => {
  it('keeps the calls of the version before, with no merges, and stores, re-points and deletes merges after', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 11);
    db.exec(`INSERT INTO calls (id, title, agent_name, created_at_ms) VALUES ('c1', 'Retour', 'S. Jansen', 1);`);
    expect(migrate(db, migrations, 14)).toBe(14);
    expect(db.prepare('SELECT agent_name FROM calls').pluck().all()).toEqual(['S. Jansen']);
    expect(listAgentMerges(db)).toEqual([]);
    saveAgentMerges(db, [{ variant: 'S. Jansen', agentName: 'Sanne', mergedAtMs: 2 }]);
    saveAgentMerges(db, [{ variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 3 }]);
    expect(listAgentMerges(db)).toEqual([{ variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 3 }]);
    expect(() => saveAgentMerges(db, [{ variant: 'x', agentName: 'x', mergedAtMs: 4 }])).toThrow(/CHECK/);
    expect(deleteAgentMerge(db, 'S. Jansen')).toBe(true);
    expect(deleteAgentMerge(db, 'S. Jansen')).toBe(false);
  });
});
