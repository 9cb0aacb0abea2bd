import type { Migration } from './migration';

/** Schema version 7: indexes for the library order and every review list filter. Shipped: never edit, add a new version. */
export const schemaVersion7: Migration = {
  version: 7,
  name: 'indexes for the library order and every review list filter',
  up: (db) => {
    // The review list is ordered by its last change and filtered by status, reviewer, agent, period and call; the
    // library is ordered by recording date. In list order (newest change first), so a page stops early. Without these, a year of reviews is scanned and sorted on every list.
    db.exec(`
      CREATE INDEX reviews_updated ON reviews (updated_at_ms DESC, id);
      CREATE INDEX reviews_status_updated ON reviews (status, updated_at_ms DESC, id);
      DROP INDEX reviews_reviewer;
      CREATE INDEX reviews_reviewer_updated ON reviews (reviewer_id, updated_at_ms DESC, id);
      CREATE INDEX reviews_session ON reviews (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX calls_agent ON calls (agent_name);
      CREATE INDEX calls_library_order ON calls (coalesce(recorded_at, '') DESC, created_at_ms DESC, id);
    `);
  },
};
