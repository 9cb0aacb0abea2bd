import type Database from 'better-sqlite3';
import type { CallContext } from '../domain/rubric/call-context';
import type { ItemAnswer, ReviewAnswers } from '../domain/scoring/answers';
import { scoreReview } from '../domain/scoring/score-review';
import { getRubricBody } from './rubrics-repository';

/*
 * The section scores of every submitted review, stored when it is submitted or changed (review_section_scores,
 * schema 17), so the team report adds them up in SQL instead of scoring every review again. The scores are the
 * domain's scoreReview output, never computed here; the call's agent, the review's last change and its status are
 * kept in step by triggers (schema 17), the scores by storeSectionScores on every write of answers or status.
 */

interface ReviewForScores {
  id: string;
  reviewer_id: string;
  rubric_id: string | null;
  rubric_version: number | null;
  status: string;
  context_json: string | null;
  updated_at_ms: number;
  submitted_at_ms: number | null;
  session_id: string | null;
  agent_name: string;
  answers_json: string;
}

const selectReviews = `SELECT r.id, r.reviewer_id, r.rubric_id, r.rubric_version, r.status, r.context_json, r.updated_at_ms,
       r.submitted_at_ms, r.session_id, c.agent_name,
       (SELECT json_group_array(json_array(a.item_id, a.answer, a.level)) FROM review_answers a WHERE a.review_id = r.id)
         AS answers_json
  FROM reviews r JOIN calls c ON c.id = r.call_id`;

/** The calendar day of a moment in this machine's time zone (where the lead reads the report), YYYY-MM-DD. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function answersOf(json: string): ReviewAnswers {
  const answers: Record<string, ItemAnswer> = {};
  for (const [itemId, kind, level] of JSON.parse(json) as [string, ItemAnswer['kind'] | null, number | null][]) {
    if (kind === null) continue;
    answers[itemId] = kind === 'level' ? { kind: 'level', value: level ?? 0 } : { kind };
  }
  return answers;
}

function storer(db: Database.Database) {
  const remove = db.prepare('DELETE FROM review_section_scores WHERE review_id = ?');
  const insert = db.prepare(
    `INSERT INTO review_section_scores (review_id, section_id, ordinal, agent_name, reviewer_id, session_id, rubric_id,
       rubric_version, updated_at_ms, day, score, weight)
     VALUES (@reviewId, @sectionId, @ordinal, @agentName, @reviewerId, @sessionId, @rubricId, @rubricVersion,
       @updatedAtMs, @day, @score, @weight)`,
  );
  const rubrics = new Map<string, ReturnType<typeof getRubricBody>>();
  return (row: ReviewForScores) => {
    remove.run(row.id);
    if (row.status !== 'submitted' || row.rubric_id === null || row.rubric_version === null) return;
    const key = `${row.rubric_id}@${row.rubric_version}`;
    if (!rubrics.has(key)) rubrics.set(key, getRubricBody(db, row.rubric_id, row.rubric_version));
    const rubric = rubrics.get(key);
    // A stored body that is not a rubric (the app never writes one) scores nothing rather than failing the write.
    if (!rubric || !Array.isArray(rubric.sections)) return;
    const context = row.context_json ? (JSON.parse(row.context_json) as CallContext) : null;
    const { sections } = scoreReview(rubric, answersOf(row.answers_json), context);
    const day = localDay(row.submitted_at_ms ?? row.updated_at_ms);
    sections.forEach((section, ordinal) =>
      insert.run({
        reviewId: row.id,
        sectionId: section.sectionId,
        ordinal,
        agentName: row.agent_name,
        reviewerId: row.reviewer_id,
        sessionId: row.session_id,
        rubricId: row.rubric_id,
        rubricVersion: row.rubric_version,
        updatedAtMs: row.updated_at_ms,
        day,
        score: section.score,
        weight: section.weight,
      }),
    );
  };
}

/** Stores (or removes, when it is not submitted) the section scores of one review after its answers or status changed. */
export function storeSectionScores(db: Database.Database, reviewId: string): void {
  const row = db.prepare(`${selectReviews} WHERE r.id = ?`).get(reviewId) as ReviewForScores | undefined;
  if (row) storer(db)(row);
  else db.prepare('DELETE FROM review_section_scores WHERE review_id = ?').run(reviewId);
}

/** Stores the section scores of every submitted review (the schema step that adds the table). */
export function storeAllSectionScores(db: Database.Database): void {
  const store = storer(db);
  // In pages by id: a write cannot run while a read of the same connection is open, and all at once would hold
  // every review's answers in memory.
  const page = db.prepare(`${selectReviews} WHERE r.status = 'submitted' AND r.id > ? ORDER BY r.id LIMIT 2000`);
  let after = '';
  for (;;) {
    const rows = page.all(after) as ReviewForScores[];
    for (const row of rows) store(row);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
  }
}

/** One stored section score, as the domain computed it. */
export interface StoredSectionScore {
  readonly reviewId: string;
  readonly sectionId: string;
  readonly agentName: string;
  readonly reviewerId: string;
  readonly sessionId: string | null;
  readonly updatedAtMs: number;
  readonly day: string;
  readonly score: number | null;
  readonly weight: number;
}

/** The stored section scores of a review in rubric order (empty when it is not submitted). */
export function listSectionScores(db: Database.Database, reviewId: string): StoredSectionScore[] {
  return db
    .prepare(
      `SELECT review_id AS reviewId, section_id AS sectionId, agent_name AS agentName, reviewer_id AS reviewerId,
              session_id AS sessionId, updated_at_ms AS updatedAtMs, day, score, weight
         FROM review_section_scores WHERE review_id = ? ORDER BY ordinal`,
    )
    .all(reviewId) as StoredSectionScore[];
}
