import type { Migration } from './migration';

/** Schema version 9: customer requests (inzage, erasure) and calls whose media were removed. Shipped: never edit, add a new version. */
export const schemaVersion9: Migration = {
  version: 9,
  name: 'customer requests and calls whose media were removed',
  up: (db) => {
    // A call whose recording and transcript were removed keeps its row (its reviews' scores stay); version 8 added
    // when, this adds why (NULL on rows version 8 marked: those were retention's),
    // so the call screen can say so instead of failing to play. The request log holds no personal data: no query, no
    // customer, no call ids; only what was done, to how many calls, under which ticket, by whom. It is append-only.
    db.exec(`
      ALTER TABLE calls ADD COLUMN media_removed_reason TEXT CHECK (media_removed_reason IN ('request', 'retention'));

      CREATE TABLE customer_requests (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'erasure')),
        reference TEXT NOT NULL,
        call_count INTEGER NOT NULL CHECK (call_count >= 0),
        operator_id TEXT,
        operator_name TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX customer_requests_at ON customer_requests (at_ms DESC, id);
      CREATE TRIGGER customer_requests_never_change BEFORE UPDATE ON customer_requests
      BEGIN SELECT RAISE(ABORT, 'the customer request log is never changed'); END;
      CREATE TRIGGER customer_requests_never_removed BEFORE DELETE ON customer_requests
      BEGIN SELECT RAISE(ABORT, 'the customer request log is never changed'); END;
    `);
  },
};
