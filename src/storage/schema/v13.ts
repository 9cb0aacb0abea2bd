import type { Migration } from './migration';

/**
 * Schema version 13: what a review decided about each suggestion of the call's signals. A dismissed suggestion is
 * remembered so it does not come back; an accepted one names the moment it became, so the review's history can say
 * which moments came from suggestions. Shipped: never edit, add a new version.
 */
export const schemaVersion13: Migration = {
  version: 13,
  name: 'suggestion decisions',
  up: (db) => {
    db.exec(`
      CREATE TABLE review_suggestions (
        review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        suggestion_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
        moment_id TEXT,
        reviewer_id TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (review_id, suggestion_key)
      ) STRICT;
    `);
  },
};
