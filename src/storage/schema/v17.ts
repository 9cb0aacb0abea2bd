import type { Migration } from './migration';
import { storeAllSectionScores } from '../section-scores-repository';

/**
 * Schema version 17: the section scores of every submitted review, stored as the domain's scoring computed them, so
 * the team report over hundreds of thousands of reviews is a sum in SQL per agent, skill and day instead of scoring
 * every review again. One row per rubric section (`ordinal` 0 marks a review's first, to count reviews); `score` is
 * null for a section without scored items. `agent_name` is the call's spelling (merges are applied when read),
 * `day` the local calendar day the review was submitted, `updated_at_ms` its last change (the report's period).
 * Triggers keep the copied columns in step with calls and reviews: the call's agent, the review's last change, and
 * its status (a review that is no longer submitted has no stored scores). The covering index serves the report's
 * grouping (agent, skill, rubric version, day, reviewer, score) and an agent's lowest scores in its key order.
 * Filled here for the reviews already submitted. Shipped: never edit, add a new version.
 */
export const schemaVersion17: Migration = {
  version: 17,
  name: 'stored section scores',
  up: (db) => {
    db.exec(`
      CREATE TABLE review_section_scores (
        review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        section_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        agent_name TEXT NOT NULL,
        reviewer_id TEXT NOT NULL,
        session_id TEXT,
        rubric_id TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        day TEXT NOT NULL,
        score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 1),
        weight REAL NOT NULL,
        PRIMARY KEY (review_id, section_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX review_section_scores_routine ON review_section_scores
        (agent_name, section_id, rubric_id, rubric_version, day, reviewer_id, score, updated_at_ms, ordinal, session_id)
        WHERE session_id IS NULL;
      CREATE TRIGGER review_section_scores_agent AFTER UPDATE OF agent_name ON calls
        WHEN NEW.agent_name IS NOT OLD.agent_name
      BEGIN
        UPDATE review_section_scores SET agent_name = NEW.agent_name
         WHERE review_id IN (SELECT id FROM reviews WHERE call_id = NEW.id);
      END;
      CREATE TRIGGER review_section_scores_changed AFTER UPDATE OF updated_at_ms ON reviews
        WHEN NEW.updated_at_ms IS NOT OLD.updated_at_ms
      BEGIN
        UPDATE review_section_scores SET updated_at_ms = NEW.updated_at_ms WHERE review_id = NEW.id;
      END;
      CREATE TRIGGER review_section_scores_status AFTER UPDATE OF status ON reviews WHEN NEW.status <> 'submitted'
      BEGIN
        DELETE FROM review_section_scores WHERE review_id = NEW.id;
      END;
    `);
    storeAllSectionScores(db);
  },
};
