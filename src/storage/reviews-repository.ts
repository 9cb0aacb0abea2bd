import type Database from 'better-sqlite3';
import { agentMatchSql } from './agent-merges-repository';
import { storeSectionScores } from './section-scores-repository';
import type { CallContext } from '../domain/rubric/call-context';
import type { ItemAnswer } from '../domain/scoring/answers';

export type ReviewStatus = 'draft' | 'submitted';

export interface ReviewRecord {
  readonly id: string;
  readonly callId: string;
  readonly reviewerId: string;
  readonly rubricId: string;
  readonly rubricVersion: number;
  readonly status: ReviewStatus;
  readonly context: CallContext | null;
  readonly comment: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly submittedAtMs: number | null;
  /** The calibration session the review belongs to; null for a routine review. */
  readonly sessionId: string | null;
  /** 1, then +1 for each changed version imported from a review package. */
  readonly revision: number;
}

export interface AnswerRecord {
  readonly itemId: string;
  /** Null while the item only has a comment or an evidence override. */
  readonly answer: ItemAnswer | null;
  readonly comment: string;
  readonly evidenceOverride: string | null;
}

export interface ReviewRow {
  id: string;
  call_id: string;
  reviewer_id: string;
  rubric_id: string | null;
  rubric_version: number | null;
  status: ReviewStatus;
  context_json: string | null;
  comment: string;
  created_at_ms: number;
  updated_at_ms: number;
  submitted_at_ms: number | null;
  session_id: string | null;
  revision: number;
}

export function toRecord(row: ReviewRow): ReviewRecord | undefined {
  // Placeholder rows from before rubrics existed have nothing to show.
  if (row.rubric_id === null || row.rubric_version === null) return undefined;
  return {
    id: row.id,
    callId: row.call_id,
    reviewerId: row.reviewer_id,
    rubricId: row.rubric_id,
    rubricVersion: row.rubric_version,
    status: row.status,
    context: row.context_json ? (JSON.parse(row.context_json) as CallContext) : null,
    comment: row.comment,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
    submittedAtMs: row.submitted_at_ms,
    sessionId: row.session_id,
    revision: row.revision,
  };
}

/** Creates a draft review of a call with a rubric version. */
export function createReview(
  db: Database.Database,
  review: Pick<ReviewRecord, 'id' | 'callId' | 'reviewerId' | 'rubricId' | 'rubricVersion'> & {
    sessionId?: string | null;
  },
  nowMs: number,
): void {
  db.prepare(
    `INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms, session_id)
     VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
  ).run(
    review.id,
    review.callId,
    review.reviewerId,
    review.rubricId,
    review.rubricVersion,
    nowMs,
    nowMs,
    review.sessionId ?? null,
  );
}

/** One review, or undefined. */
export function getReview(db: Database.Database, reviewId: string): ReviewRecord | undefined {
  const row = db.prepare('SELECT * FROM reviews WHERE id = ?').get(reviewId) as ReviewRow | undefined;
  return row ? toRecord(row) : undefined;
}

export interface ReviewFilter {
  readonly callId?: string;
  readonly reviewerId?: string;
  readonly agentName?: string;
  readonly status?: ReviewStatus;
  /** ISO dates (inclusive) on the review's last change. */
  readonly fromMs?: number;
  readonly toMs?: number;
  /** A session's reviews; null: routine reviews only; absent: all. */
  readonly sessionId?: string | null;
}

/**
 * The WHERE clause and parameters of a review filter. Only the given filters become conditions (not `@x IS NULL OR
 * ...`), so SQLite can use the index of each one. Expects `reviews r JOIN calls c`.
 */
export function reviewFilterSql(filter: ReviewFilter): {
  where: string;
  params: Record<string, string | number | null>;
} {
  const conditions = ['r.rubric_id IS NOT NULL'];
  const params: Record<string, string | number | null> = {};
  const add = (key: keyof ReviewFilter, condition: string) => {
    const value = filter[key];
    if (value === undefined) return;
    conditions.push(condition);
    params[key] = value;
  };
  add('callId', 'r.call_id = @callId');
  add('reviewerId', 'r.reviewer_id = @reviewerId');
  // An agent's own spelling and every spelling merged into it.
  add('agentName', agentMatchSql);
  add('status', 'r.status = @status');
  add('fromMs', 'r.updated_at_ms >= @fromMs');
  add('toMs', 'r.updated_at_ms <= @toMs');
  add('sessionId', filter.sessionId === null ? 'r.session_id IS NULL' : 'r.session_id = @sessionId');
  if (filter.sessionId === null) delete params.sessionId;
  return { where: conditions.join(' AND '), params };
}

/**
 * The tables a filtered review list or count reads, joined in the order that reads least. A call's or a session's
 * reviews are few and found by their own index, whatever else is asked: left to itself SQLite walks every submitted
 * review in list order to find a session's (at 300,000 reviews, 175 ms for a session's 700). With an agent the
 * agent's calls come first and their reviews after, both from covering indexes, where SQLite would walk every review
 * of the status or period and look up each one's call (45 ms more for an agent's submitted reviews of a month).
 * `agentFirst` returning false walks the reviews first, for a window of an agent with so many calls that reading reviews
 * in list order finds a window sooner than sorting all of the agent's. It is asked only when the agent decides the
 * order, so a call's or a session's list never pays for counting the agent's calls.
 */
export function reviewSourceSql(filter: ReviewFilter, agentFirst: () => boolean = () => true): string {
  // CROSS JOIN fixes SQLite's order of the two tables: the left one is read first.
  const reviewsFirst = 'reviews r CROSS JOIN calls c ON c.id = r.call_id';
  if (filter.callId !== undefined) return reviewsFirst;
  if (typeof filter.sessionId === 'string')
    return 'reviews r INDEXED BY reviews_session CROSS JOIN calls c ON c.id = r.call_id';
  if (filter.agentName === undefined) return 'reviews r JOIN calls c ON c.id = r.call_id';
  return agentFirst() ? 'calls c CROSS JOIN reviews r ON r.call_id = c.id' : reviewsFirst;
}

/** Reviews matching every given filter, most recently changed first. */
export function listReviews(db: Database.Database, filter: ReviewFilter = {}): ReviewRecord[] {
  const { where, params } = reviewFilterSql(filter);
  const rows = db
    .prepare(`SELECT r.* FROM ${reviewSourceSql(filter)} WHERE ${where} ORDER BY r.updated_at_ms DESC, r.id`)
    .all(params) as ReviewRow[];
  return rows.map(toRecord).filter((record): record is ReviewRecord => record !== undefined);
}

/** Changes the review's call context, overall comment or status, and marks it changed. */
export function updateReview(
  db: Database.Database,
  reviewId: string,
  changes: { context?: CallContext | null; comment?: string; status?: ReviewStatus; submittedAtMs?: number | null },
  nowMs: number,
): void {
  const sets: string[] = ['updated_at_ms = @nowMs'];
  if (changes.context !== undefined) sets.push('context_json = @context');
  if (changes.comment !== undefined) sets.push('comment = @comment');
  if (changes.status !== undefined) sets.push('status = @status');
  if (changes.submittedAtMs !== undefined) sets.push('submitted_at_ms = @submittedAtMs');
  db.prepare(`UPDATE reviews SET ${sets.join(', ')} WHERE id = @reviewId`).run({
    reviewId,
    nowMs,
    context: changes.context === undefined || changes.context === null ? null : JSON.stringify(changes.context),
    comment: changes.comment ?? null,
    status: changes.status ?? null,
    submittedAtMs: changes.submittedAtMs ?? null,
  });
  // Submitting, or a submitted review's call context (its N.v.t. defaults), changes what the team report adds up.
  if (changes.status !== undefined || changes.context !== undefined) storeSectionScores(db, reviewId);
}

/** Scores a submitted review again after its answers changed (a draft has no stored scores). */
function rescoreIfSubmitted(db: Database.Database, reviewId: string): void {
  const submitted = db.prepare("SELECT 1 FROM reviews WHERE id = ? AND status = 'submitted'").get(reviewId);
  if (submitted) storeSectionScores(db, reviewId);
}

export interface AnswerRow {
  item_id: string;
  answer: ItemAnswer['kind'] | null;
  level: number | null;
  comment: string;
  evidence_override: string | null;
}

export function toAnswer(row: AnswerRow): ItemAnswer | null {
  if (row.answer === null) return null;
  return row.answer === 'level' ? { kind: 'level', value: row.level ?? 0 } : { kind: row.answer };
}

/** A review's per-item answers, comments and evidence overrides. */
/** Removes every answer of a review (a packaged version replaces them all). */
export function deleteAnswers(db: Database.Database, reviewId: string): void {
  db.prepare('DELETE FROM review_answers WHERE review_id = ?').run(reviewId);
  rescoreIfSubmitted(db, reviewId);
}

/** Sets a review's revision: how many times an imported package has replaced it. */
export function setRevision(db: Database.Database, reviewId: string, revision: number): void {
  db.prepare('UPDATE reviews SET revision = ? WHERE id = ?').run(revision, reviewId);
}

export function listAnswers(db: Database.Database, reviewId: string): AnswerRecord[] {
  const rows = db
    .prepare(
      'SELECT item_id, answer, level, comment, evidence_override FROM review_answers WHERE review_id = ? ORDER BY item_id',
    )
    .all(reviewId) as AnswerRow[];
  return rows.map((row) => ({
    itemId: row.item_id,
    answer: toAnswer(row),
    comment: row.comment,
    evidenceOverride: row.evidence_override,
  }));
}

/** Sets what is given of one item's answer, comment and evidence override; the rest stays. */
export function upsertAnswer(
  db: Database.Database,
  reviewId: string,
  itemId: string,
  patch: { answer?: ItemAnswer | null; comment?: string; evidenceOverride?: string | null },
  nowMs: number,
): void {
  const current = (db
    .prepare(
      'SELECT item_id, answer, level, comment, evidence_override FROM review_answers WHERE review_id = ? AND item_id = ?',
    )
    .get(reviewId, itemId) as AnswerRow | undefined) ?? {
    item_id: itemId,
    answer: null,
    level: null,
    comment: '',
    evidence_override: null,
  };
  const answer = patch.answer === undefined ? toAnswer(current) : patch.answer;
  db.prepare(
    `INSERT INTO review_answers (review_id, item_id, answer, level, comment, evidence_override, updated_at_ms)
     VALUES (@reviewId, @itemId, @answer, @level, @comment, @override, @nowMs)
     ON CONFLICT (review_id, item_id) DO UPDATE SET answer = excluded.answer, level = excluded.level, comment = excluded.comment,
       evidence_override = excluded.evidence_override, updated_at_ms = excluded.updated_at_ms`,
  ).run({
    reviewId,
    itemId,
    answer: answer?.kind ?? null,
    level: answer?.kind === 'level' ? answer.value : null,
    comment: patch.comment ?? current.comment,
    override: patch.evidenceOverride === undefined ? current.evidence_override : patch.evidenceOverride,
    nowMs,
  });
  if (patch.answer !== undefined) rescoreIfSubmitted(db, reviewId);
}

export type AuditAction = 'created' | 'submitted' | 'reopened' | 'imported';

export interface AuditEntry {
  readonly atMs: number;
  readonly reviewerId: string;
  readonly reviewerName: string | null;
  readonly action: AuditAction;
  readonly reason: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Appends to a review's audit trail (never edited or removed). */
export function addAuditEntry(db: Database.Database, reviewId: string, entry: Omit<AuditEntry, 'reviewerName'>): void {
  db.prepare(
    'INSERT INTO review_audit (review_id, at_ms, reviewer_id, action, reason, details_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(reviewId, entry.atMs, entry.reviewerId, entry.action, entry.reason, JSON.stringify(entry.details));
}

/** A review's audit trail, oldest first. */
export function listAuditEntries(db: Database.Database, reviewId: string): AuditEntry[] {
  const rows = db
    .prepare(
      'SELECT a.at_ms, a.reviewer_id, r.name, a.action, a.reason, a.details_json FROM review_audit a LEFT JOIN reviewers r ON r.id = a.reviewer_id WHERE a.review_id = ? ORDER BY a.id',
    )
    .all(reviewId) as {
    at_ms: number;
    reviewer_id: string;
    name: string | null;
    action: AuditAction;
    reason: string;
    details_json: string;
  }[];
  return rows.map((row) => ({
    atMs: row.at_ms,
    reviewerId: row.reviewer_id,
    reviewerName: row.name,
    action: row.action,
    reason: row.reason,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
  }));
}
