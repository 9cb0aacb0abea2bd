import type { Migration } from './migration';

/**
 * Schema version 21: the review list's indexes carry the columns its filters test, so a filtered count or window is
 * answered from an index without fetching a review or a call. At 100,000 calls and 300,000 reviews (each agent 6,000
 * reviews, each reviewer 15,000) the agent filter's count and window took 50 + 65 ms and a reviewer's drafts 95 ms to
 * count, each fetching every candidate review to read its status or call.
 * - `calls_agent` gains the call's id: an agent's calls are listed from the index alone.
 * - `reviews_call` carries what the list filters on and sorts by: a call's reviews (an agent's, through its calls)
 *   are filtered and ordered without the table. It still serves every review of a call (the foreign key's lookups).
 * - A reviewer's listed reviews carry their status and session: a reviewer's drafts, or routine reviews, are counted
 *   from the index. It replaces the reviewer index of version 7: every query by reviewer lists reviews with a rubric,
 *   and SQLite preferred the narrower old index, fetching each review to check its rubric.
 * The other listed-review indexes stay lean: each of their filters is their own first column or answered by another
 * index, and their counts read every entry (wider entries, slower counts).
 * Shipped: never edit, add a new version.
 */
export const schemaVersion21: Migration = {
  version: 21,
  name: 'covering review list indexes',
  up: (db) => {
    db.exec(`
      DROP INDEX calls_agent;
      CREATE INDEX calls_agent ON calls (agent_name, id);
      DROP INDEX reviews_call;
      CREATE INDEX reviews_call ON reviews (call_id, updated_at_ms DESC, id, rubric_id, status, reviewer_id, session_id);
      DROP INDEX reviews_listed_reviewer;
      DROP INDEX reviews_reviewer_updated;
      CREATE INDEX reviews_listed_reviewer ON reviews (reviewer_id, updated_at_ms DESC, id, status, session_id)
        WHERE rubric_id IS NOT NULL;
    `);
  },
};
