import type { Migration } from './migration';

/**
 * Schema version 14: agent merges. A lead names an agent once: each row says that calls whose agent is spelled
 * `variant` ("S. Jansen") belong to the agent `agent_name` ("Sanne Jansen"). The calls keep their own spelling, so a
 * merge is undone by deleting its row. `agent_name` is never itself a variant (the service keeps merges one step
 * deep). Shipped: never edit, add a new version.
 */
export const schemaVersion14: Migration = {
  version: 14,
  name: 'agent merges',
  up: (db) => {
    db.exec(`
      CREATE TABLE agent_merges (
        variant TEXT PRIMARY KEY,
        agent_name TEXT NOT NULL,
        merged_at_ms INTEGER NOT NULL,
        CHECK (variant <> agent_name AND variant <> '' AND agent_name <> '')
      );
      CREATE INDEX agent_merges_by_agent ON agent_merges (agent_name);
    `);
  },
};
