import type Database from 'better-sqlite3';

/** The routine reviews' stored section scores that a period of the team report reads. */
export interface ScorePeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Section scores summed per agent spelling, skill, rubric version and day (and reviewer and score, when asked). */
export interface SectionScoreSums {
  readonly agentName: string;
  readonly sectionId: string;
  readonly rubricId: string;
  readonly rubricVersion: number;
  readonly day: string;
  /** Only when summed per reviewer and score (severity-adjusted reports). */
  readonly reviewerId: string | null;
  readonly score: number | null;
  /** Reviews whose first section is in this group: summed over a review's sections, its count once. */
  readonly reviews: number;
  /** Scored sections (a section without scored items is left out). */
  readonly count: number;
  readonly sum: number;
  readonly sumSquares: number;
}

const routineInPeriod = 'session_id IS NULL AND updated_at_ms BETWEEN @fromMs AND @toMs';

/**
 * The report's one heavy query: sums of the stored scores of submitted routine reviews changed in the period, in the
 * order of the covering index (so grouping reads it once without sorting), one group at a time; no other statement
 * may run on the connection until they are all read. `perReviewerAndScore` keeps each
 * reviewer's distinct scores apart, for adjustments that are not a plain shift of a sum.
 */
export function* sumSectionScores(
  db: Database.Database,
  period: ScorePeriod,
  perReviewerAndScore = false,
): Generator<SectionScoreSums> {
  const keys = `agent_name, section_id, rubric_id, rubric_version, day${perReviewerAndScore ? ', reviewer_id, score' : ''}`;
  const extra = perReviewerAndScore ? '' : ', NULL AS reviewer_id, NULL AS score';
  const rows = db
    .prepare(
      `SELECT ${keys}${extra}, sum(ordinal = 0) AS reviews, count(score) AS count, total(score) AS sum,
              total(score * score) AS sum_squares
         FROM review_section_scores INDEXED BY review_section_scores_routine
        WHERE ${routineInPeriod}
        GROUP BY ${keys}`,
    )
    .raw()
    .iterate(period);
  // Streamed: per reviewer and score there are millions of groups at 300,000 reviews, and holding them all at once
  // cost more in garbage collection than the query itself.
  for (const row of rows) {
    const [agentName, sectionId, rubricId, rubricVersion, day, reviewerId, score, reviews, count, sum, sumSquares] =
      row as [string, string, string, number, string, string | null, number | null, number, number, number, number];
    yield { agentName, sectionId, rubricId, rubricVersion, day, reviewerId, score, reviews, count, sum, sumSquares };
  }
}

/** One review's score on a skill. */
export interface SkillScoreOfReview {
  readonly reviewId: string;
  readonly reviewerId: string;
  readonly score: number;
}

/**
 * An agent's scores on one skill in the period (every spelling merged into it), lowest first; at most `limit` when
 * given. Read from the covering index alone: the calls of the few kept are looked up after (callsOfReviews), rather
 * than joining every score of the agent to its review and call before sorting.
 */
export function skillScoresOfAgent(
  db: Database.Database,
  query: ScorePeriod & { readonly spellings: readonly string[]; readonly sectionId: string; readonly limit?: number },
): SkillScoreOfReview[] {
  return db
    .prepare(
      `SELECT review_id AS reviewId, reviewer_id AS reviewerId, score
         FROM review_section_scores INDEXED BY review_section_scores_routine
        WHERE agent_name IN (SELECT value FROM json_each(@spellings)) AND section_id = @sectionId
          AND score IS NOT NULL AND session_id IS NULL AND updated_at_ms BETWEEN @fromMs AND @toMs
        ORDER BY score, review_id${query.limit === undefined ? '' : ' LIMIT @limit'}`,
    )
    .all({
      spellings: JSON.stringify(query.spellings),
      sectionId: query.sectionId,
      fromMs: query.fromMs,
      toMs: query.toMs,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    }) as SkillScoreOfReview[];
}

/** The call a review is of, to listen to. */
export interface CallOfReview {
  readonly reviewId: string;
  readonly callId: string;
  readonly callTitle: string;
  readonly audioId: string | null;
}

/** The calls of some reviews (a review that is gone is left out). */
export function callsOfReviews(db: Database.Database, reviewIds: readonly string[]): CallOfReview[] {
  if (reviewIds.length === 0) return [];
  return db
    .prepare(
      `SELECT r.id AS reviewId, r.call_id AS callId, c.title AS callTitle, c.audio_id AS audioId
         FROM reviews r JOIN calls c ON c.id = r.call_id WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(reviewIds)) as CallOfReview[];
}

/** A stored section score of a submitted calibration review. */
export interface CalibrationSectionScore {
  readonly sessionId: string;
  readonly callId: string;
  readonly reviewerId: string;
  readonly sectionId: string;
  readonly score: number;
}

/**
 * The stored (scored) section scores of every calibration session's submitted reviews: sessions newest first, their
 * reviews most recently changed first, each review's sections in rubric order, the order the sessions and their
 * reviews are listed in. Found per session (by the session index, not among every submitted review).
 */
export function calibrationSectionScores(db: Database.Database): CalibrationSectionScore[] {
  return db
    .prepare(
      `SELECT r.session_id AS sessionId, r.call_id AS callId, r.reviewer_id AS reviewerId, s.section_id AS sectionId,
              s.score
         FROM calibration_sessions cs
         JOIN reviews r INDEXED BY reviews_session
           ON r.session_id = cs.id AND r.session_id IS NOT NULL AND r.status = 'submitted' AND r.rubric_id IS NOT NULL
         JOIN calls c ON c.id = r.call_id
         JOIN review_section_scores s ON s.review_id = r.id
        WHERE s.score IS NOT NULL
        ORDER BY cs.created_at_ms DESC, cs.id, r.updated_at_ms DESC, r.id, s.ordinal`,
    )
    .all() as CalibrationSectionScore[];
}

/** A moment of a review with the rubric items it was marked for. */
export interface EvidenceMoment {
  readonly reviewId: string;
  readonly momentId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly type: string;
  readonly itemIds: readonly string[];
}

/** The moments of some reviews, in time order per review. */
export function momentsOfReviews(db: Database.Database, reviewIds: readonly string[]): EvidenceMoment[] {
  if (reviewIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT review_id AS reviewId, id AS momentId, start_ms AS startMs, end_ms AS endMs, type, item_ids_json AS itemIdsJson
         FROM moments WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY review_id, start_ms, id`,
    )
    .all(JSON.stringify(reviewIds)) as (Omit<EvidenceMoment, 'itemIds'> & { itemIdsJson: string })[];
  return rows.map(({ itemIdsJson, ...moment }) => ({ ...moment, itemIds: JSON.parse(itemIdsJson) as string[] }));
}
