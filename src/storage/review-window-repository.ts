import type Database from 'better-sqlite3';
import { reviewFilterSql, type ReviewFilter } from './reviews-repository';

/** How many reviews match a filter (the list's count while it shows one window at a time). */
export function countReviewRows(db: Database.Database, filter: ReviewFilter = {}): number {
  const { where, params } = reviewFilterSql(filter);
  // Every review has its call (a foreign key): the join is only needed to filter by the call's agent.
  const from = filter.agentName === undefined ? 'reviews r' : 'reviews r JOIN calls c ON c.id = r.call_id';
  return db.prepare(`SELECT count(*) FROM ${from} WHERE ${where}`).pluck().get(params) as number;
}

/** What the review list's filters offer, from the reviews there are, without reading a review's answers. */
export interface ReviewFilterOptions {
  readonly calls: readonly (readonly [id: string, title: string])[];
  readonly agents: readonly string[];
  readonly reviewers: readonly (readonly [id: string, name: string])[];
  readonly sessions: readonly (readonly [id: string, name: string])[];
}

/** The calls offered in the call filter: the most recently reviewed ones (a longer list is no use in a menu). */
export const maxCallOptions = 500;

export function reviewFilterOptions(db: Database.Database): ReviewFilterOptions {
  const pairs = (sql: string, ...args: unknown[]) =>
    (
      db
        .prepare(sql)
        .raw()
        .all(...args) as [string, string][]
    ).sort((a, b) => a[1].localeCompare(b[1]));
  return {
    calls: pairs(
      `SELECT c.id, c.title FROM calls c JOIN
         (SELECT call_id, max(updated_at_ms) AS at FROM reviews WHERE rubric_id IS NOT NULL GROUP BY call_id
          ORDER BY at DESC LIMIT ?) r ON r.call_id = c.id`,
      maxCallOptions,
    ),
    agents: (
      db
        .prepare(
          `SELECT DISTINCT c.agent_name FROM calls c
            WHERE c.agent_name <> '' AND EXISTS (SELECT 1 FROM reviews r WHERE r.call_id = c.id AND r.rubric_id IS NOT NULL)`,
        )
        .pluck()
        .all() as string[]
    ).sort((a, b) => a.localeCompare(b)),
    reviewers: pairs(
      `SELECT r.reviewer_id, coalesce(v.name, r.reviewer_id) FROM (SELECT DISTINCT reviewer_id FROM reviews) r
         LEFT JOIN reviewers v ON v.id = r.reviewer_id`,
    ),
    sessions: pairs(
      `SELECT s.id, s.name FROM calibration_sessions s
        WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = s.id AND r.rubric_id IS NOT NULL)`,
    ),
  };
}
