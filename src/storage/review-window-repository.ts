import type Database from 'better-sqlite3';
import { reviewFilterSql, reviewSourceSql, type ReviewFilter } from './reviews-repository';

/** How many reviews match a filter (the list's count while it shows one window at a time). */
export function countReviewRows(db: Database.Database, filter: ReviewFilter = {}): number {
  const { where, params } = reviewFilterSql(filter);
  // Every review has its call (a foreign key): the join is only needed to filter by the call's agent.
  const from = filter.agentName === undefined ? 'reviews r' : reviewSourceSql(filter);
  // "Routine only" (with a period or not) is counted from the index of exactly those reviews: without statistics
  // SQLite would rather read every review through the rubric index.
  const routineOnly =
    filter.sessionId === null &&
    [filter.callId, filter.reviewerId, filter.agentName, filter.status].every((value) => value === undefined);
  const indexed = routineOnly ? ' INDEXED BY reviews_listed_routine' : '';
  return db.prepare(`SELECT count(*) FROM ${from}${indexed} WHERE ${where}`).pluck().get(params) as number;
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

/**
 * The calls most recently reviewed, newest first: the reviews are walked from the last change back until `limit`
 * calls have been seen (a call's first review in that walk is its latest), so only those reviews are read.
 */
function recentlyReviewedCalls(db: Database.Database, limit: number): (readonly [string, string])[] {
  const callIds = new Set<string>();
  const walk = db
    .prepare('SELECT call_id FROM reviews WHERE rubric_id IS NOT NULL ORDER BY updated_at_ms DESC, id')
    .pluck()
    .iterate() as IterableIterator<string>;
  for (const callId of walk) {
    callIds.add(callId);
    // Leaving the loop early ends the statement.
    if (callIds.size === limit) break;
  }
  return db
    .prepare('SELECT id, title FROM calls WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify([...callIds])) as [string, string][];
}

/*
 * Agents and reviewers are few among many rows: each is found by one seek in an index from the one before (a loose
 * index scan), instead of reading every call or review to gather the distinct values.
 */
const distinctAgentsSql = `WITH RECURSIVE agents (name) AS (
    SELECT (SELECT min(agent_name) FROM calls WHERE agent_name > '')
    UNION ALL
    SELECT (SELECT min(agent_name) FROM calls WHERE agent_name > agents.name) FROM agents WHERE agents.name IS NOT NULL)
  SELECT name FROM agents WHERE name IS NOT NULL AND EXISTS (
    SELECT 1 FROM calls c JOIN reviews r ON r.call_id = c.id WHERE c.agent_name = agents.name AND r.rubric_id IS NOT NULL)`;

// Reviewers of listed reviews only (those with a rubric, as the list shows), which is also what lets each step seek
// in the index of listed reviews by reviewer.
const distinctReviewersSql = `WITH RECURSIVE ids (id) AS (
    SELECT (SELECT min(reviewer_id) FROM reviews WHERE rubric_id IS NOT NULL)
    UNION ALL
    SELECT (SELECT min(reviewer_id) FROM reviews WHERE rubric_id IS NOT NULL AND reviewer_id > ids.id)
      FROM ids WHERE ids.id IS NOT NULL)
  SELECT ids.id, coalesce(v.name, ids.id) FROM ids LEFT JOIN reviewers v ON v.id = ids.id WHERE ids.id IS NOT NULL`;

export function reviewFilterOptions(db: Database.Database): ReviewFilterOptions {
  const byName = (pairs: (readonly [string, string])[]) => pairs.sort((a, b) => a[1].localeCompare(b[1]));
  const pairs = (sql: string) => byName(db.prepare(sql).raw().all() as [string, string][]);
  return {
    calls: byName(recentlyReviewedCalls(db, maxCallOptions)),
    agents: (db.prepare(distinctAgentsSql).pluck().all() as string[]).sort((a, b) => a.localeCompare(b)),
    reviewers: pairs(distinctReviewersSql),
    sessions: pairs(
      `SELECT s.id, s.name FROM calibration_sessions s
        WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = s.id AND r.rubric_id IS NOT NULL)`,
    ),
  };
}
