import type Database from 'better-sqlite3';
import { agentMatchSql, mergedAgentSql } from './agent-merges-repository';
import {
  reviewFilterSql,
  reviewSourceSql,
  toAnswer,
  toRecord,
  type AnswerRecord,
  type AnswerRow,
  type ReviewFilter,
  type ReviewRecord,
  type ReviewRow,
} from './reviews-repository';

/** A review with what its line in a list shows: the call's title and agent (merges applied), the reviewer's name, its answers. */
export interface ReviewListRow {
  readonly review: ReviewRecord;
  readonly callTitle: string;
  readonly agentName: string;
  readonly reviewerName: string | null;
  /** The calibration session's name; null for a routine review. */
  readonly sessionName: string | null;
  readonly answers: readonly AnswerRecord[];
}

type AnswerTuple = [
  AnswerRow['item_id'],
  AnswerRow['answer'],
  AnswerRow['level'],
  AnswerRow['comment'],
  AnswerRow['evidence_override'],
];

function toAnswers(json: string): AnswerRecord[] {
  return (JSON.parse(json) as AnswerTuple[]).map(([itemId, answer, level, comment, evidenceOverride]) => ({
    itemId,
    answer: toAnswer({ item_id: itemId, answer, level, comment, evidence_override: evidenceOverride }),
    comment,
    evidenceOverride,
  }));
}

/** A window of the list: at most `limit` rows after the row `after` (keyset, so page n costs what page 1 costs). */
export interface ReviewPage {
  readonly limit?: number;
  readonly after?: { readonly updatedAtMs: number; readonly id: string };
}

/**
 * Up to this many calls, an agent's window is chosen from all of the agent's reviews, sorted (about 30,000 reviews,
 * some 20 ms); an agent with more is found sooner by walking the reviews in list order until the window is full.
 */
export const agentFirstCallLimit = 10_000;

function agentHasFewCalls(db: Database.Database, agentName: string): boolean {
  const calls = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM calls c WHERE ${agentMatchSql} LIMIT ${agentFirstCallLimit + 1})`)
    .pluck()
    .get({ agentName }) as number;
  return calls <= agentFirstCallLimit;
}

/**
 * The reviews matching a filter with everything their list line needs, in one query (answers as a JSON array per
 * review), most recently changed first. Replaces four queries per review (answers, call, call's reviews, reviewer).
 * Row by row, so a caller that keeps only a summary never holds every review's answers at once.
 */
export function* iterateReviewRows(
  db: Database.Database,
  filter: ReviewFilter = {},
  page: ReviewPage = {},
): Generator<ReviewListRow> {
  const { where, params } = reviewFilterSql(filter);
  const afterCondition = page.after
    ? ' AND (r.updated_at_ms < @afterMs OR (r.updated_at_ms = @afterMs AND r.id > @afterId))'
    : '';
  const pageParams = {
    ...(page.after ? { afterMs: page.after.updatedAtMs, afterId: page.after.id } : {}),
    ...(page.limit !== undefined ? { limit: page.limit } : {}),
  };
  const order = 'ORDER BY r.updated_at_ms DESC, r.id';
  const source = reviewSourceSql(
    filter,
    () => filter.agentName === undefined || agentHasFewCalls(db, filter.agentName),
  );
  // The window's reviews are chosen first, by id, and only they get their answers and names: a filter whose reviews
  // must be sorted (an agent's, say) would otherwise build every match's answers before the sort kept 200.
  const rows = db
    .prepare(
      `WITH chosen AS (
         SELECT r.id FROM ${source}
          WHERE ${where}${afterCondition}
          ${order}${page.limit !== undefined ? ' LIMIT @limit' : ''})
       SELECT r.*, c.title AS call_title, ${mergedAgentSql} AS call_agent_name, v.name AS reviewer_name, s.name AS session_name,
              (SELECT json_group_array(json_array(a.item_id, a.answer, a.level, a.comment, a.evidence_override))
                 FROM (SELECT * FROM review_answers WHERE review_id = r.id ORDER BY item_id) a) AS answers_json
         FROM chosen JOIN reviews r ON r.id = chosen.id JOIN calls c ON c.id = r.call_id
         LEFT JOIN reviewers v ON v.id = r.reviewer_id LEFT JOIN calibration_sessions s ON s.id = r.session_id
        ${order}`,
    )
    .iterate({ ...params, ...pageParams }) as IterableIterator<
    ReviewRow & {
      call_title: string;
      call_agent_name: string;
      reviewer_name: string | null;
      session_name: string | null;
      answers_json: string;
    }
  >;
  for (const row of rows) {
    const review = toRecord(row);
    if (review)
      yield {
        review,
        callTitle: row.call_title,
        agentName: row.call_agent_name,
        reviewerName: row.reviewer_name,
        sessionName: row.session_name,
        answers: toAnswers(row.answers_json),
      };
  }
}

/** All of iterateReviewRows at once. */
export function listReviewRows(
  db: Database.Database,
  filter: ReviewFilter = {},
  page: ReviewPage = {},
): ReviewListRow[] {
  return [...iterateReviewRows(db, filter, page)];
}
