import type { Migration } from './migration';

/**
 * Schema version 19: indexes that let the review list count without reading reviews. Every list and count asks
 * only for reviews with a rubric (`rubric_id IS NOT NULL`); indexes holding exactly those rows answer a count from
 * the index alone, where the earlier ones fetched each review to check its rubric (at 60,000 reviews, 0.1 to 0.3 s
 * for the status and "routine only" counts). One per order the list walks: all reviews, by status, by reviewer, and
 * routine reviews only. The rubric index gains the version, so counting a rubric version's reviews reads the index
 * alone too. Shipped: never edit, add a new version.
 */
export const schemaVersion19: Migration = {
  version: 19,
  name: 'review list count indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX reviews_listed ON reviews (updated_at_ms DESC, id) WHERE rubric_id IS NOT NULL;
      CREATE INDEX reviews_listed_status ON reviews (status, updated_at_ms DESC, id) WHERE rubric_id IS NOT NULL;
      CREATE INDEX reviews_listed_reviewer ON reviews (reviewer_id, updated_at_ms DESC, id) WHERE rubric_id IS NOT NULL;
      CREATE INDEX reviews_listed_routine ON reviews (updated_at_ms DESC, id)
        WHERE rubric_id IS NOT NULL AND session_id IS NULL;
      DROP INDEX reviews_rubric;
      CREATE INDEX reviews_rubric_version ON reviews (rubric_id, rubric_version);
    `);
  },
};
